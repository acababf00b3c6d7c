import * as vscode from 'vscode';
import type { RuleId } from '../../server/src/engine/finding';
import { RULE_INFO, isRuleId, ruleDocsUrl } from '../../server/src/engine/ruleInfo';

/**
 * Opens a rule's page: the copy shipped in the extension in the markdown preview when there is
 * one, the published page otherwise. Without a rule id, asks for one.
 */
export async function openRulePage(extensionUri: vscode.Uri, rule?: unknown): Promise<void> {
  const chosen = typeof rule === 'string' && isRuleId(rule) ? rule : await pickRule();
  if (chosen === undefined) return;

  const local = vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${chosen}.md`);
  if (await exists(local)) {
    await vscode.commands.executeCommand('markdown.showPreview', local);
    return;
  }
  await vscode.env.openExternal(vscode.Uri.parse(ruleDocsUrl(chosen)));
}

async function pickRule(): Promise<RuleId | undefined> {
  const items = RULE_INFO.map((rule): vscode.QuickPickItem => ({
    label: rule.id,
    description: rule.title,
    detail: rule.summary,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: 'CleanStart: open a rule page',
    placeHolder: 'Rule id',
    matchOnDescription: true,
  });
  return picked !== undefined && isRuleId(picked.label) ? picked.label : undefined;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
