import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { MatrixInfo, MatrixInfoParams } from '../../server/src/lsp/protocol';
import { MATRIX_INFO_REQUEST } from '../../server/src/lsp/protocol';
import { DOCUMENT_SELECTOR } from './selectors';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A language status item for the analysed files: which matrix is in force and how old it is,
 * with a warning when an override file could not be used.
 */
export class MatrixStatus implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem(
    'cleanstart.matrix',
    DOCUMENT_SELECTOR,
  );
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Answers to requests made before a later one are dropped: the editor may have moved on. */
  private generation = 0;

  constructor(private readonly client: LanguageClient) {
    this.item.name = 'CleanStart matrix';
    this.item.text = 'Matrix: loading…';
    this.item.command = { title: 'Show output', command: 'cleanstart.showOutput' };
    this.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()));
  }

  async refresh(): Promise<void> {
    const generation = ++this.generation;
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const params: MatrixInfoParams = uri === undefined ? {} : { uri };
    let info: MatrixInfo;
    try {
      info = await this.client.sendRequest<MatrixInfo>(MATRIX_INFO_REQUEST, params);
    } catch (error) {
      if (generation !== this.generation) return;
      this.item.text = 'Matrix: unknown';
      this.item.detail = 'The language server did not answer; see the output.';
      this.item.severity = vscode.LanguageStatusSeverity.Warning;
      this.client.warn('Could not read which matrix is in force', error, false);
      return;
    }
    if (generation !== this.generation) return;
    this.show(info);
  }

  private show(info: MatrixInfo): void {
    const failed = info.problems.length > 0;
    const which = info.override === undefined ? 'bundled' : 'override';
    this.item.text = `Matrix: ${which}, updated ${info.updated}`;
    const parts = [`${info.title}, ${age(info.updated)}.`];
    if (info.override !== undefined) parts.push(`Override: ${info.override}.`);
    if (failed) {
      const first = info.problems[0];
      const where = first === undefined ? '' : ` (${first.file}:${first.line}: ${first.message})`;
      parts.push(`The override could not be used${where}; the bundled matrix is in force.`);
    }
    this.item.detail = parts.join(' ');
    this.item.severity = failed
      ? vscode.LanguageStatusSeverity.Warning
      : vscode.LanguageStatusSeverity.Information;
  }

  dispose(): void {
    this.item.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

/** "updated today", "updated 12 days ago", from the editor's clock. */
function age(updated: string): string {
  const then = Date.parse(`${updated}T00:00:00Z`);
  if (Number.isNaN(then)) return `updated ${updated}`;
  const days = Math.floor((Date.now() - then) / DAY_MS);
  if (days <= 0) return 'updated today';
  if (days === 1) return 'updated yesterday';
  return `updated ${days} days ago`;
}
