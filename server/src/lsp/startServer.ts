/**
 * The LSP adapter: capabilities, lifecycle and notifications, wired to the session. Everything
 * that decides what to report lives in the engine and the features; this only connects them.
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import type { ClientCapabilities, Connection, InitializeResult } from 'vscode-languageserver';
import { VERSION } from '../productVersion';
import { fileKindOf } from '../engine/fileKind';
import { isDay } from '../matrix/dates';
import { CONFIG_FILE_NAMES } from '../node/project';
import { FIX_ALL_KIND } from '../features/codeActions';
import { SETTINGS_SECTION } from './configuration';
import { Logger, describeError } from './logger';
import { ProjectContexts } from './projectContext';
import type { InitializationOptions } from './protocol';
import { CONFIG_FILE_GLOBS, MATRIX_CHANGED_NOTIFICATION } from './protocol';
import { registerRequests } from './requests';
import { localDay } from '../node/clock';
import { Session } from './session';
import { SettingsStore } from './settingsStore';
import { uriToPath } from './uris';
import { WorkspaceFolders } from './workspaceFolders';

export function startServer(connection: Connection): void {
  const logger = new Logger(connection.console);
  const folders = new WorkspaceFolders();
  const settings = new SettingsStore(logger);
  const options = { today: undefined as string | undefined, analysisNotifications: false };
  const contexts = new ProjectContexts(settings, folders, {
    fixedToday: () => options.today,
    clock: () => localDay(),
  });
  const session = new Session({
    connection,
    logger,
    folders,
    settings,
    contexts,
    analysisNotifications: () => options.analysisNotifications,
  });
  let capabilities: ClientCapabilities = {};
  let shutDown = false;
  let clientWatchesFiles = false;

  session.listen();
  registerRequests({
    connection,
    session,
    contexts,
    folders,
    logger,
    disabledCodeActions: () => capabilities.textDocument?.codeAction?.disabledSupport === true,
    shutDown: () => shutDown,
  });

  connection.onInitialize((params): InitializeResult => {
    capabilities = params.capabilities;
    const init = readInitializationOptions(params.initializationOptions);
    options.today = init.today;
    options.analysisNotifications = init.analysisNotifications === true;
    clientWatchesFiles = init.clientWatchesFiles === true;

    const roots =
      params.workspaceFolders ??
      (params.rootUri
        ? [{ uri: params.rootUri, name: params.rootUri.split('/').pop() ?? '' }]
        : []);
    folders.set(roots);

    const pull = capabilities.workspace?.configuration === true;
    settings.configure(
      pull
        ? (scopeUri) =>
            connection.workspace.getConfiguration({ scopeUri, section: SETTINGS_SECTION })
        : undefined,
      init.settings,
    );

    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND],
          resolveProvider: false,
        },
        workspace: {
          workspaceFolders: { supported: true, changeNotifications: true },
          // Deletions made in the editor (the explorer, refactorings) arrive as they happen, even
          // where the file watcher is slow to report them.
          fileOperations: { didDelete: { filters: [{ pattern: { glob: '**/*' } }] } },
        },
      },
      serverInfo: { name: 'cleanstart-language-server', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    logger.info(`CleanStart language server ${VERSION} started (Node ${process.version})`);
    const workspace = capabilities.workspace;
    if (workspace?.didChangeConfiguration?.dynamicRegistration === true) {
      void connection.client.register(DidChangeConfigurationNotification.type, {
        section: SETTINGS_SECTION,
      });
    }
    if (!clientWatchesFiles && workspace?.didChangeWatchedFiles?.dynamicRegistration === true) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: CONFIG_FILE_GLOBS.map((globPattern) => ({ globPattern })),
      });
    }
    if (workspace?.workspaceFolders === true) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        folders.add(event.added, event.removed);
        contexts.invalidateMatrices();
        void session.recheckAll();
      });
    }
    void startWorkspaceCheck();
  });

  async function startWorkspaceCheck(): Promise<void> {
    try {
      await session.workspace.start();
      await session.refreshProblems();
    } catch (error) {
      logger.error(`Workspace check failed: ${describeError(error)}`);
    }
  }

  connection.onDidChangeConfiguration((change) => {
    const pushed: unknown = (change.settings as Record<string, unknown> | null)?.[SETTINGS_SECTION];
    settings.invalidate(pushed);
    contexts.invalidateMatrices();
    logger.info('Settings changed: checking again');
    void recheck(true);
  });

  connection.workspace.onDidDeleteFiles(({ files }) => {
    for (const { uri } of files) {
      const filePath = uriToPath(uri) ?? uri;
      void session.deletedIfGone(uri, fileKindOf(filePath) === undefined);
    }
  });

  connection.onDidChangeWatchedFiles((change) => {
    let configs = false;
    let matrices = false;
    for (const event of change.changes) {
      const filePath = uriToPath(event.uri) ?? event.uri;
      const name = filePath.split(/[\\/]/).pop() ?? '';
      if ((CONFIG_FILE_NAMES as readonly string[]).includes(name)) configs = true;
      else if (/[\\/]\.cleanstart[\\/]matrix\.ya?ml$/.test(filePath)) matrices = true;
      else if (fileKindOf(filePath) !== undefined) projectFileChanged(event.uri, event.type);
      else if (event.type === FileChangeType.Deleted) void session.deletedIfGone(event.uri, true);
    }
    if (configs) contexts.invalidateConfigs();
    if (matrices) contexts.invalidateMatrices();
    if (configs || matrices) {
      logger.info('A config or matrix override file changed: checking again');
      void recheck(true);
    }
  });

  /** A project file changed on disk while closed: its disk state is checked again. */
  function projectFileChanged(uri: string, type: FileChangeType): void {
    if (type === FileChangeType.Deleted) {
      void session.deletedIfGone(uri, false);
      return;
    }
    if (type === FileChangeType.Created) void session.created(uri);
    if (session.workspace.isProjectFile(uri)) void session.workspace.refresh(uri);
    else if (type === FileChangeType.Created && session.workspace.complete) void recheckWorkspace();
  }

  async function recheckWorkspace(): Promise<void> {
    try {
      await session.workspace.start();
    } catch (error) {
      logger.error(`Workspace check failed: ${describeError(error)}`);
    }
  }

  async function recheck(matrixMayChange: boolean): Promise<void> {
    try {
      await session.recheckAll();
      if (matrixMayChange) void connection.sendNotification(MATRIX_CHANGED_NOTIFICATION);
    } catch (error) {
      logger.error(`Checking again failed: ${describeError(error)}`);
    }
  }

  connection.onShutdown(() => {
    shutDown = true;
    session.dispose();
  });

  connection.listen();
}

function readInitializationOptions(value: unknown): InitializationOptions {
  if (typeof value !== 'object' || value === null) return {};
  const raw = value as Record<string, unknown>;
  return {
    settings: raw.settings,
    today: typeof raw.today === 'string' && isDay(raw.today) ? raw.today : undefined,
    analysisNotifications: raw.analysisNotifications === true,
    clientWatchesFiles: raw.clientWatchesFiles === true,
  };
}
