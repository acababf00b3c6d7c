import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { renderReport } from '../../server/src/features/reportMarkdown';
import type { WorkspaceReport } from '../../server/src/lsp/protocol';
import { REPORT_REQUEST } from '../../server/src/lsp/protocol';

const SCHEME = 'cleanstart-report';
const REPORT_URI = vscode.Uri.from({ scheme: SCHEME, path: '/CleanStart compatibility report.md' });

/**
 * The workspace report as a read-only markdown document shown in the markdown preview: no
 * scripts, no network, and nothing to save.
 */
export class ReportView implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private markdown = '';
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(
    SCHEME,
    this,
  );

  constructor(private readonly client: LanguageClient) {}

  provideTextDocumentContent(): string {
    return this.markdown;
  }

  async show(): Promise<void> {
    const report = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'CleanStart: building the report' },
      () => this.client.sendRequest<WorkspaceReport>(REPORT_REQUEST),
    );
    this.markdown = renderReport(report);
    this.changed.fire(REPORT_URI);
    await vscode.commands.executeCommand('markdown.showPreview', REPORT_URI);
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
