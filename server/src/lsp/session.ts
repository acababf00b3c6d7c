/**
 * The state of one language server session: the open documents and their latest analyses, the
 * debounced re-analysis after edits, and what gets published when.
 */
import { TextDocuments } from 'vscode-languageserver';
import type { Connection, Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostics } from '../features/diagnostics';
import type { AnalyzedFile } from './analyzer';
import { analyzeSource } from './analyzer';
import { Debouncer } from './debouncer';
import type { Logger } from './logger';
import { describeError } from './logger';
import { ProblemFiles } from './problemFiles';
import type { ProjectContexts } from './projectContext';
import type { AnalyzedParams } from './protocol';
import { ANALYZED_NOTIFICATION } from './protocol';
import type { SettingsStore } from './settingsStore';
import { documentKey, folderKeyPrefix, uriToPath } from './uris';
import { access } from 'node:fs/promises';
import { WorkspaceCheck } from './workspaceCheck';
import type { WorkspaceFolders } from './workspaceFolders';

export interface SessionParts {
  readonly connection: Connection;
  readonly logger: Logger;
  readonly folders: WorkspaceFolders;
  readonly settings: SettingsStore;
  readonly contexts: ProjectContexts;
  /** Whether to send `cleanstart/analyzed` after each analysis. */
  readonly analysisNotifications: () => boolean;
  readonly debouncer?: Debouncer<string>;
}

interface BufferResult {
  readonly file: AnalyzedFile;
  /** The settings epoch it was analysed in; a later epoch makes it stale. */
  readonly epoch: number;
}

export class Session {
  private readonly documents = new TextDocuments(TextDocument);
  readonly workspace: WorkspaceCheck;
  readonly problems: ProblemFiles;
  private readonly buffers = new Map<string, BufferResult>();
  /** Open documents by key, with the URI the editor uses for each. */
  private readonly open = new Map<string, string>();
  private readonly debouncer: Debouncer<string>;
  /** Counts changes to settings, config files and matrices: analyses from before are stale. */
  private epoch = 0;
  /** The document being opened, whose first content event the open handler already covers. */
  private opening: string | undefined;

  constructor(private readonly parts: SessionParts) {
    this.debouncer = parts.debouncer ?? new Debouncer<string>();
    this.problems = new ProblemFiles(
      (uri, diagnostics) => this.send(uri, null, diagnostics),
      parts.logger,
    );
    this.workspace = new WorkspaceCheck({
      folders: parts.folders,
      settings: parts.settings,
      contexts: parts.contexts,
      logger: parts.logger,
      isOpen: (uri) => this.isOpen(uri),
      publish: (file) => this.publish(file),
      clear: (uri) => this.send(uri, null, []),
    });
  }

  listen(): void {
    this.documents.onDidOpen(({ document }) => {
      this.open.set(documentKey(document.uri), document.uri);
      this.opening = document.uri;
      this.guard(`opening ${document.uri}`, () => this.validate(document.uri));
    });
    this.documents.onDidChangeContent(({ document }) => {
      if (this.opening === document.uri) {
        this.opening = undefined;
        return;
      }
      const key = documentKey(document.uri);
      this.debouncer.schedule(key, () =>
        this.guard(`checking ${document.uri}`, () => this.validate(document.uri)),
      );
    });
    this.documents.onDidClose(({ document }) => {
      this.guard(`closing ${document.uri}`, () => this.closed(document.uri));
    });
    this.documents.listen(this.parts.connection);
  }

  /** The analysis of a document's current text: the open buffer's, else the file on disk's. */
  async current(uri: string): Promise<AnalyzedFile | undefined> {
    const key = documentKey(uri);
    const document = this.documents.get(this.open.get(key) ?? uri);
    if (document === undefined)
      return this.workspace.files().find((file) => documentKey(file.uri) === key);
    const stored = this.buffers.get(key);
    if (stored?.file.version === document.version && stored.epoch === this.epoch)
      return stored.file;
    return this.validate(document.uri);
  }

  /** Every open document's current analysis. */
  async openFiles(): Promise<AnalyzedFile[]> {
    const files = await Promise.all(
      this.documents.all().map((document) => this.current(document.uri)),
    );
    return files.filter((file): file is AnalyzedFile => file !== undefined);
  }

  /**
   * Settings, a config file or a matrix changed: every open document and the workspace are
   * checked again, and the problems of config and override files published anew.
   */
  async recheckAll(): Promise<void> {
    this.epoch++;
    await Promise.all(this.documents.all().map((document) => this.validate(document.uri)));
    await this.refreshProblems();
    void this.workspace.start().then(
      () => this.refreshProblems(),
      (error: unknown) =>
        this.parts.logger.error(`Workspace check failed: ${describeError(error)}`),
    );
  }

  /** Publishes the problems of every config file and matrix override read so far. */
  async refreshProblems(): Promise<void> {
    const loaded = await this.parts.contexts.loaded();
    this.problems.update([
      ...loaded.configs.flatMap((config) => config.problems),
      ...loaded.matrices.flatMap((matrix) => matrix.problems),
    ]);
  }

  dispose(): void {
    this.debouncer.dispose();
    this.workspace.cancel();
  }

  /** Analyses an open document's current text and publishes the result. */
  private async validate(uri: string): Promise<AnalyzedFile | undefined> {
    const key = documentKey(uri);
    this.debouncer.cancel(key);
    // Settings can change while their new values are fetched; then fetch again.
    for (let attempt = 0; attempt < 3; attempt++) {
      const epoch = this.epoch;
      const context = await this.parts.contexts.forDocument(uri);
      const document = this.documents.get(uri);
      if (document === undefined) return undefined;
      if (epoch !== this.epoch) continue;
      const file = analyzeSource(
        {
          uri,
          text: document.getText(),
          version: document.version,
          languageId: document.languageId,
        },
        context,
        this.parts.logger,
      );
      const previous = this.buffers.get(key);
      this.buffers.set(key, { file, epoch });
      if (file.kind !== undefined || previous !== undefined) this.publish(file);
      // A config or override read for the first time may have problems to show.
      if (context.config.problems.length > 0 || context.matrix.problems.length > 0) {
        await this.refreshProblems();
      }
      return file;
    }
    this.parts.logger.warn(
      `Settings kept changing while ${uri} was checked; it will be checked on the next edit.`,
    );
    return undefined;
  }

  /**
   * A file was deleted on disk. Its findings go, also when the editor still holds its text (the
   * editor keeps a closed file's document for a while before it says the document closed).
   */
  deleted(uri: string): void {
    this.parts.logger.debug(`Deleted on disk: ${uri}`);
    this.workspace.forget(uri);
    const key = documentKey(uri);
    this.debouncer.cancel(key);
    this.buffers.delete(key);
    this.send(uri, null, []);
  }

  /**
   * A folder was deleted on disk: the editor reports the folder alone, so every file below it
   * goes the way a deleted file goes.
   */
  deletedFolder(folderUri: string): void {
    const prefix = folderKeyPrefix(folderUri);
    const uris = new Set<string>(this.workspace.filesBelow(folderUri));
    for (const [key, uri] of this.open) if (key.startsWith(prefix)) uris.add(uri);
    for (const uri of uris) this.deleted(uri);
  }

  /**
   * Acts on a deletion only if the path is still gone: file events can arrive late, after a folder
   * was deleted and made again with new files in it.
   */
  async deletedIfGone(uri: string, folder: boolean): Promise<void> {
    const filePath = uriToPath(uri);
    if (filePath !== undefined && (await exists(filePath))) return;
    if (folder) this.deletedFolder(uri);
    else this.deleted(uri);
  }

  isOpen(uri: string): boolean {
    return this.open.has(documentKey(uri));
  }

  /** A deleted file came back on disk (a checkout, a save by rename): its open buffer counts again. */
  async created(uri: string): Promise<void> {
    this.workspace.restored(uri);
    if (this.isOpen(uri)) await this.validate(uri);
  }

  private async closed(uri: string): Promise<void> {
    const key = documentKey(uri);
    this.debouncer.cancel(key);
    this.buffers.delete(key);
    this.open.delete(key);
    this.parts.logger.forget(`${uri}#`);
    // The buffer's findings go; the file on disk's come back when the workspace check has it.
    this.send(uri, null, []);
    if (this.workspace.isProjectFile(uri)) await this.workspace.refresh(uri);
  }

  private publish(file: AnalyzedFile): void {
    const diagnostics = toDiagnostics(file.analysis.findings, file.uri);
    this.send(file.uri, file.version, diagnostics);
    if (this.parts.analysisNotifications()) {
      const params: AnalyzedParams = {
        uri: file.uri,
        version: file.version,
        diagnostics: diagnostics.length,
      };
      void this.parts.connection.sendNotification(ANALYZED_NOTIFICATION, params);
    }
  }

  private send(uri: string, version: number | null, diagnostics: Diagnostic[]): void {
    void this.parts.connection.sendDiagnostics(
      version === null ? { uri, diagnostics } : { uri, version, diagnostics },
    );
  }

  /** Runs a notification's work, logging instead of letting a failure end the process. */
  private guard(what: string, work: () => Promise<unknown>): void {
    work().catch((error: unknown) =>
      this.parts.logger.error(`Failed while ${what}: ${describeError(error)}`),
    );
  }
}

async function exists(filePath: string): Promise<boolean> {
  try {
    await access(filePath);
    return true;
  } catch {
    return false;
  }
}
