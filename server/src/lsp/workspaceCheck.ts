/**
 * The workspace check: every project file on disk analysed in the background, so the Problems
 * panel shows the whole project. Open documents are left to their live buffers, which win.
 */
import { readFile, stat } from 'node:fs/promises';
import { MAX_ANALYSED_LENGTH } from '../engine/analyze';
import { findProjectFiles } from '../node/files';
import type { AnalyzedFile } from './analyzer';
import { analyzeSource } from './analyzer';
import type { Logger } from './logger';
import { describeError } from './logger';
import type { ProjectContexts } from './projectContext';
import type { SettingsStore } from './settingsStore';
import { documentKey, folderKeyPrefix, pathToUri, uriToPath } from './uris';
import type { Folder, WorkspaceFolders } from './workspaceFolders';

export interface WorkspaceCheckHost {
  readonly folders: WorkspaceFolders;
  readonly settings: SettingsStore;
  readonly contexts: ProjectContexts;
  readonly logger: Logger;
  /** True when the editor has the file open: its buffer is analysed instead. */
  isOpen(uri: string): boolean;
  publish(file: AnalyzedFile): void;
  clear(uri: string): void;
}

/** Lets pending requests and notifications run between files. */
const yieldToEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class WorkspaceCheck {
  /** Analyses of files on disk, by document key. */
  private readonly results = new Map<string, AnalyzedFile>();
  /** Files whose diagnostics are shown (the folder checks on startup). */
  private readonly published = new Set<string>();
  /** Files found on disk, by document key, with their folder's wish to publish. */
  private readonly known = new Map<string, boolean>();
  /**
   * Files deleted on disk, until they are created again: a check that read one just before it
   * went must not publish it afterwards.
   */
  private readonly deleted = new Set<string>();
  private generation = 0;
  private running: Promise<void> | undefined;
  private scanned = false;
  /** The last scan read every folder, including those whose startup check is off. */
  private coveredAll = false;

  constructor(private readonly host: WorkspaceCheckHost) {}

  /** True once a whole scan has finished and none is running. */
  get complete(): boolean {
    return this.scanned && this.running === undefined;
  }

  /** Every file analysed on disk that is not open in the editor. */
  files(): AnalyzedFile[] {
    return [...this.results.values()].filter((file) => !this.host.isOpen(file.uri));
  }

  /**
   * Starts a scan of every folder, replacing one that is running. `onDemand` scans folders even
   * when their setting turns the startup check off (for the report), without showing diagnostics.
   */
  start(onDemand = false): Promise<void> {
    const generation = ++this.generation;
    const run = this.scan(generation, onDemand).finally(() => {
      if (this.generation === generation) this.running = undefined;
    });
    this.running = run;
    return run;
  }

  /** Waits for the running scan, then reads the folders it left out, if any. */
  async ensure(): Promise<void> {
    if (this.running !== undefined) await this.running;
    if (!this.coveredAll) await this.start(true);
  }

  /** Stops a running scan at the next file. */
  cancel(): void {
    this.generation++;
    this.running = undefined;
  }

  /** Whether `uri` was found by a scan (so closing its buffer shows its disk state again). */
  isProjectFile(uri: string): boolean {
    return this.known.has(documentKey(uri));
  }

  /** Reads one project file again (after its buffer closed or it changed on disk). */
  async refresh(uri: string): Promise<void> {
    const key = documentKey(uri);
    const publish = this.known.get(key);
    const filePath = uriToPath(uri);
    if (publish === undefined || filePath === undefined || this.host.isOpen(uri)) return;
    await this.checkFile(filePath, publish, this.generation);
  }

  /** The URIs of every file below a folder that the check has read or published. */
  filesBelow(folderUri: string): string[] {
    const prefix = folderKeyPrefix(folderUri);
    const keys = new Set([...this.known.keys(), ...this.published]);
    return [...keys].filter((key) => key.startsWith(prefix)).map((key) => pathToUri(key));
  }

  /** A file was created on disk (again). */
  restored(uri: string): void {
    this.deleted.delete(documentKey(uri));
  }

  /** Forgets a file deleted from disk and clears its diagnostics. */
  forget(uri: string): void {
    const key = documentKey(uri);
    this.deleted.add(key);
    this.known.delete(key);
    this.results.delete(key);
    if (this.published.delete(key) && !this.host.isOpen(uri)) this.host.clear(uri);
  }

  private async scan(generation: number, onDemand: boolean): Promise<void> {
    const started = performance.now();
    const seen = new Set<string>();
    let count = 0;
    let coveredAll = true;
    for (const folder of this.host.folders.all()) {
      if (folder.path === undefined) continue;
      const publish = (await this.host.settings.forResource(folder.uri)).checkWorkspaceOnStartup;
      if (!publish && !onDemand) {
        coveredAll = false;
        continue;
      }
      const paths = await this.findFiles(folder, folder.path);
      for (const filePath of paths) {
        if (this.generation !== generation) return;
        seen.add(documentKey(pathToUri(filePath)));
        this.known.set(documentKey(pathToUri(filePath)), publish);
        if (this.host.isOpen(pathToUri(filePath))) continue;
        await this.checkFile(filePath, publish, generation);
        count++;
        await yieldToEvents();
      }
    }
    if (this.generation !== generation) return;
    // Files gone since the last scan, or in folders that no longer publish.
    for (const key of [...this.results.keys()]) {
      if (!seen.has(key)) this.drop(key);
    }
    for (const key of [...this.known.keys()]) if (!seen.has(key)) this.known.delete(key);
    this.scanned = true;
    this.coveredAll = coveredAll;
    const elapsed = Math.round(performance.now() - started);
    this.host.logger.info(`Workspace check: ${count} files analysed in ${elapsed} ms`);
  }

  private async findFiles(folder: Folder, root: string): Promise<string[]> {
    try {
      return await findProjectFiles(root, {
        onError: (path, error) =>
          this.host.logger.warn(`Workspace check: cannot read ${path}: ${describeError(error)}`),
      });
    } catch (error) {
      this.host.logger.error(`Workspace check of ${folder.name} failed: ${describeError(error)}`);
      return [];
    }
  }

  private async checkFile(filePath: string, publish: boolean, generation: number): Promise<void> {
    const uri = pathToUri(filePath);
    const key = documentKey(uri);
    let text: string;
    try {
      // Only a guard for memory: the engine itself reports files over its length limit.
      const info = await stat(filePath);
      if (info.size > MAX_ANALYSED_LENGTH * 4) {
        this.host.logger.info(`Workspace check: ${filePath} is ${info.size} bytes; not read`);
        return;
      }
      text = await readFile(filePath, 'utf8');
    } catch (error) {
      this.host.logger.warn(`Workspace check: cannot read ${filePath}: ${describeError(error)}`);
      this.drop(key, uri);
      return;
    }
    const context = await this.host.contexts.forDocument(uri);
    // The scan was replaced, the user opened the file, or it was deleted while it was being read.
    if (this.generation !== generation || this.host.isOpen(uri) || this.deleted.has(key)) return;
    const file = analyzeSource({ uri, text, version: null }, context, this.host.logger);
    if (context.ignored) {
      this.drop(key, uri);
      return;
    }
    this.results.set(key, file);
    if (publish) {
      this.published.add(key);
      this.host.publish(file);
    } else if (this.published.delete(key)) {
      this.host.clear(uri);
    }
  }

  private drop(key: string, uri?: string): void {
    const file = this.results.get(key);
    this.results.delete(key);
    const target = uri ?? file?.uri;
    if (this.published.delete(key) && target !== undefined && !this.host.isOpen(target)) {
      this.host.clear(target);
    }
  }
}
