import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { DraftReportParams, DraftReportResult } from '../../server/src/lsp/protocol';
import { DRAFT_REPORT_REQUEST } from '../../server/src/lsp/protocol';

/**
 * Opens a new markdown editor with an incompatibility report drafted from the finding under the
 * cursor; what only the user knows stays as the template's placeholders.
 */
export async function draftIncompatibilityReport(client: LanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined) {
    void vscode.window.showInformationMessage(
      'Put the cursor on a CleanStart finding in a Dockerfile, package.json, requirements file or go.mod first.',
    );
    return;
  }
  const params: DraftReportParams = {
    uri: editor.document.uri.toString(),
    position: editor.selection.active,
  };
  const draft = await client.sendRequest<DraftReportResult | null>(DRAFT_REPORT_REQUEST, params);
  if (draft === null) {
    void vscode.window.showInformationMessage(
      'There is no CleanStart finding or known version under the cursor to report.',
    );
    return;
  }
  const document = await vscode.workspace.openTextDocument({
    language: 'markdown',
    content: draft.markdown,
  });
  await vscode.window.showTextDocument(document, { preview: false });
}
