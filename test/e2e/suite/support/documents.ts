import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'The editor has no workspace folder open');
  return folder.uri;
}

/** Opens a file of the fixture workspace in an editor. */
export async function openFile(relativePath: string): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.joinPath(workspaceFolder(), relativePath);
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}

let scratchCount = 0;

/**
 * Writes `text` to a new file named `fileName` in a folder of its own under `scratch/`, and opens
 * it. Tests that edit use these, so that no test sees another's edits.
 */
export async function openScratch(fileName: string, text: string): Promise<vscode.TextEditor> {
  scratchCount += 1;
  const uri = vscode.Uri.joinPath(workspaceFolder(), 'scratch', String(scratchCount), fileName);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Saves edits (scratch files only ever change), closes every editor and removes scratch files. */
export async function closeEverything(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.files.saveAll');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.commands.executeCommand('workbench.action.closePanel');
  const scratch = vscode.Uri.joinPath(workspaceFolder(), 'scratch');
  try {
    await vscode.workspace.fs.delete(scratch, { recursive: true, useTrash: false });
  } catch {
    // No test made a scratch file.
  }
}

/** The range of the `occurrence`-th (0-based) appearance of `needle` in the document. */
export function rangeOf(
  document: vscode.TextDocument,
  needle: string,
  occurrence = 0,
): vscode.Range {
  const text = document.getText();
  let offset = -1;
  for (let index = 0; index <= occurrence; index++) {
    offset = text.indexOf(needle, offset + 1);
    assert.ok(offset >= 0, `"${needle}" (occurrence ${occurrence}) is not in ${document.uri.path}`);
  }
  return new vscode.Range(document.positionAt(offset), document.positionAt(offset + needle.length));
}

/** Places the cursor at `position` and scrolls it into view. */
export function moveCursor(editor: vscode.TextEditor, position: vscode.Position): void {
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position));
}
