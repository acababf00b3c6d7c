import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import type { InitializationOptions } from '../../server/src/lsp/protocol';
import { CONFIG_FILE_GLOBS, MATRIX_CHANGED_NOTIFICATION } from '../../server/src/lsp/protocol';
import { draftIncompatibilityReport } from './draftReport';
import { ReportView } from './reportView';
import { openRulePage } from './rulePages';
import { DOCUMENT_SELECTOR, FILE_PATTERNS } from './selectors';
import { MatrixStatus } from './statusItem';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('CleanStart', { log: true });
  context.subscriptions.push(output);

  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: {
      module,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6009'] },
    },
  };
  // Config and override changes re-check everything; project file changes on disk keep the
  // workspace check's diagnostics of closed files current.
  const watchers = [...CONFIG_FILE_GLOBS, ...FILE_PATTERNS].map((pattern) =>
    vscode.workspace.createFileSystemWatcher(pattern),
  );
  // A deleted folder is reported as the folder alone: deletions of any path tell the server to
  // drop what it shows for files below it.
  watchers.push(vscode.workspace.createFileSystemWatcher('**/*', true, true, false));
  context.subscriptions.push(...watchers);

  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: output,
    initializationOptions: (): InitializationOptions => ({
      settings: vscode.workspace.getConfiguration('cleanstart'),
      clientWatchesFiles: true,
    }),
    synchronize: { fileEvents: watchers },
  };

  // The id makes the client read `cleanstart.trace.server` for its trace level.
  const languageClient = new LanguageClient(
    'cleanstart',
    'CleanStart',
    serverOptions,
    clientOptions,
  );
  client = languageClient;

  const status = new MatrixStatus(languageClient);
  const report = new ReportView(languageClient);
  context.subscriptions.push(status, report);

  context.subscriptions.push(
    command('cleanstart.restartServer', () => languageClient.restart()),
    command('cleanstart.showOutput', () => output.show(true)),
    command('cleanstart.openRulePage', (rule?: unknown) =>
      openRulePage(context.extensionUri, rule),
    ),
    command('cleanstart.showReport', () => report.show()),
    command('cleanstart.draftIncompatibilityReport', () =>
      draftIncompatibilityReport(languageClient),
    ),
  );

  function command(id: string, run: (...args: never[]) => unknown): vscode.Disposable {
    return vscode.commands.registerCommand(id, async (...args: never[]) => {
      try {
        await run(...args);
      } catch (error) {
        output.error(`${id} failed`, error);
        const choice = await vscode.window.showErrorMessage(
          `CleanStart: ${error instanceof Error ? error.message : String(error)}`,
          'Show output',
        );
        if (choice !== undefined) output.show(true);
      }
    });
  }

  try {
    await languageClient.start();
  } catch (error) {
    output.error('The CleanStart language server did not start', error);
    void vscode.window
      .showErrorMessage(
        'CleanStart: the language server did not start. The output has the details; "CleanStart: Restart Server" tries again.',
        'Show output',
      )
      .then((choice) => choice !== undefined && output.show(true));
    return;
  }
  context.subscriptions.push(
    languageClient.onNotification(MATRIX_CHANGED_NOTIFICATION, () => void status.refresh()),
    // After a restart, by command or after a crash, the new server may use another matrix.
    languageClient.onDidChangeState((event) => {
      if (event.newState === State.Running) void status.refresh();
    }),
  );
  await status.refresh();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
