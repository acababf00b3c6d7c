import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** Code actions may come back lazily; ask the editor to resolve this many of them. */
const RESOLVE_COUNT = 50;

function isCodeAction(item: vscode.Command | vscode.CodeAction): item is vscode.CodeAction {
  // A bare command carries its id as a string; a code action carries a command object, if any.
  return typeof item.command !== 'string';
}

export async function codeActionsAt(
  uri: vscode.Uri,
  range: vscode.Range,
  kind?: vscode.CodeActionKind,
): Promise<vscode.CodeAction[]> {
  const items = await vscode.commands.executeCommand<(vscode.Command | vscode.CodeAction)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    range,
    kind?.value,
    RESOLVE_COUNT,
  );
  return (items ?? []).filter(isCodeAction);
}

/**
 * The quick fixes offered where `diagnostic` stands. The editor's API drops the diagnostics an
 * action is attached to, so the fixes of overlapping findings come back together; pick one by
 * what it does (see `previewAction`).
 */
export function quickFixesAt(
  uri: vscode.Uri,
  diagnostic: vscode.Diagnostic,
): Promise<vscode.CodeAction[]> {
  return codeActionsAt(uri, diagnostic.range, vscode.CodeActionKind.QuickFix);
}

/** The document's text as it would be after the action's edit, without applying it. */
export function previewAction(document: vscode.TextDocument, action: vscode.CodeAction): string {
  const edits = (action.edit?.entries() ?? [])
    .filter(([uri]) => uri.toString() === document.uri.toString())
    .flatMap(([, textEdits]) => textEdits)
    .map((edit) => ({
      start: document.offsetAt(edit.range.start),
      end: document.offsetAt(edit.range.end),
      text: edit.newText,
    }))
    .sort((a, b) => b.start - a.start);
  let text = document.getText();
  for (const edit of edits) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  return text;
}

export function describeActions(actions: readonly vscode.CodeAction[]): string {
  return (
    actions.map((action) => `${action.isPreferred ? '* ' : ''}${action.title}`).join('\n') ||
    '(none)'
  );
}

/** Applies an action as the editor does: its edit, then its command. */
export async function applyAction(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit ?? action.command, `"${action.title}" has neither an edit nor a command`);
  if (action.edit)
    assert.equal(
      await vscode.workspace.applyEdit(action.edit),
      true,
      `"${action.title}" did not apply`,
    );
  if (action.command) {
    const args: unknown[] = action.command.arguments ?? [];
    await vscode.commands.executeCommand(action.command.command, ...args);
  }
}
