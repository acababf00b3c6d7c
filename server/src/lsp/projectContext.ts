/**
 * What analysing one file depends on besides its text: the editor settings for it, the project's
 * `.cleanstart.yaml`, the matrix in force for its workspace folder and the day to judge against.
 * Resolved the way the command line resolves them, so the editor and CI agree.
 */
import { dirname } from 'node:path';
import type { ConfigSuppression } from '../engine/analyze';
import { applyConfig } from '../engine/config';
import type { AnalysisSettings } from '../engine/settings';
import type { MatrixIndex } from '../matrix/lookup';
import { indexMatrix } from '../matrix/lookup';
import type { Matrix } from '../matrix/types';
import { matchesPatterns } from '../node/files';
import type { FileProblem, LoadedConfig } from '../node/project';
import { DEFAULT_OVERRIDE_PATH, loadConfigFor, loadMatrix, resolveFrom } from '../node/project';
import type { EditorSettings } from './configuration';
import type { MatrixInfo } from './protocol';
import type { SettingsStore } from './settingsStore';
import { uriToPath } from './uris';
import type { WorkspaceFolders } from './workspaceFolders';

export interface MatrixInForce {
  readonly matrix: Matrix;
  readonly index: MatrixIndex;
  readonly info: MatrixInfo;
  /** The override file that was looked at, whether it applied or not. */
  readonly overrideFile?: string;
  readonly problems: readonly FileProblem[];
}

export interface FileContext {
  readonly editor: EditorSettings;
  /** The editor settings with the config file's over them. */
  readonly settings: AnalysisSettings;
  readonly suppressions: readonly ConfigSuppression[];
  readonly matrix: MatrixInForce;
  /** `YYYY-MM-DD`. */
  readonly today: string;
  /** The config file's `ignore` patterns leave this file out. */
  readonly ignored: boolean;
  readonly config: LoadedConfig;
}

export interface ContextOptions {
  /** A fixed day from the client (tests, demos); wins over the config file's `today`. */
  readonly fixedToday: () => string | undefined;
  /** The current local day. */
  readonly clock: () => string;
}

const NO_CONFIG: LoadedConfig = {
  config: { rules: {}, ignore: [], suppressions: [] },
  problems: [],
};

export class ProjectContexts {
  private readonly configs = new Map<string, Promise<LoadedConfig>>();
  private readonly matrices = new Map<string, Promise<MatrixInForce>>();

  constructor(
    private readonly settings: SettingsStore,
    private readonly folders: WorkspaceFolders,
    private readonly options: ContextOptions,
  ) {}

  async forDocument(uri: string): Promise<FileContext> {
    const filePath = uriToPath(uri);
    const editor = await this.settings.forResource(this.settingsScope(uri, filePath));
    const config = filePath === undefined ? NO_CONFIG : await this.configFor(dirname(filePath));
    const matrix = await this.matrixFor(uri, editor);
    const base = config.path === undefined ? undefined : dirname(config.path);
    const applies = (patterns: readonly string[] | undefined): boolean =>
      patterns === undefined ||
      (filePath !== undefined && base !== undefined && matchesPatterns(base, filePath, patterns));
    return {
      editor,
      settings: applyConfig(editor.analysis, config.config),
      suppressions: config.config.suppressions.filter((waiver) => applies(waiver.files)),
      matrix,
      today: this.options.fixedToday() ?? config.config.today ?? this.options.clock(),
      ignored:
        filePath !== undefined &&
        base !== undefined &&
        matchesPatterns(base, filePath, config.config.ignore),
      config,
    };
  }

  /** The day to judge against where no file (and so no config file) is involved. */
  defaultToday(): string {
    return this.options.fixedToday() ?? this.options.clock();
  }

  /** The matrix in force for a document's workspace folder (the first folder's without one). */
  async matrixFor(uri: string | undefined, known?: EditorSettings): Promise<MatrixInForce> {
    const filePath = uri === undefined ? undefined : uriToPath(uri);
    const folder =
      this.folders.folderOf(filePath) ?? (uri === undefined ? this.folders.all()[0] : undefined);
    const editor =
      known ?? (await this.settings.forResource(folder?.uri ?? uri ?? this.folders.all()[0]?.uri));
    // Outside every folder, the file's own folder stands in for the project root.
    const root = folder?.path ?? (filePath === undefined ? undefined : dirname(filePath));

    let overridePath: string | undefined;
    let explicit = false;
    if (editor.matrixOverridePath !== '' && root !== undefined) {
      overridePath = resolveFrom(root, editor.matrixOverridePath);
      explicit = true;
    } else if (root !== undefined) {
      const rootConfig = await this.configFor(root);
      if (rootConfig.config.matrix !== undefined && rootConfig.path !== undefined) {
        overridePath = resolveFrom(dirname(rootConfig.path), rootConfig.config.matrix);
        explicit = true;
      } else if (folder?.path !== undefined) {
        overridePath = resolveFrom(folder.path, DEFAULT_OVERRIDE_PATH);
      }
    }

    const key = `${overridePath ?? ''}\n${String(explicit)}`;
    let loaded = this.matrices.get(key);
    if (loaded === undefined) {
      loaded = load(overridePath, explicit);
      this.matrices.set(key, loaded);
    }
    return loaded;
  }

  /**
   * The resource to ask the editor's settings for: resource-scoped settings differ only per
   * workspace folder, so one request serves every file in a folder.
   */
  private settingsScope(uri: string, filePath: string | undefined): string {
    return this.folders.folderOf(filePath)?.uri ?? uri;
  }

  configFor(directory: string): Promise<LoadedConfig> {
    let loaded = this.configs.get(directory);
    if (loaded === undefined) {
      loaded = loadConfigFor(directory);
      this.configs.set(directory, loaded);
    }
    return loaded;
  }

  /** Every config file and matrix override read so far, for reporting their problems. */
  async loaded(): Promise<{ configs: LoadedConfig[]; matrices: MatrixInForce[] }> {
    const configs = await Promise.all(this.configs.values());
    const matrices = await Promise.all(this.matrices.values());
    return { configs, matrices };
  }

  invalidateConfigs(): void {
    this.configs.clear();
    // The config file may name the override, so the matrix in force may change with it.
    this.matrices.clear();
  }

  invalidateMatrices(): void {
    this.matrices.clear();
  }
}

async function load(overridePath: string | undefined, explicit: boolean): Promise<MatrixInForce> {
  const loaded = await loadMatrix(overridePath, explicit);
  const source = loaded.matrix.source;
  return {
    matrix: loaded.matrix,
    index: indexMatrix(loaded.matrix),
    info: {
      title: source.title,
      origin: source.origin,
      updated: source.updated,
      override: loaded.overridePath,
      problems: loaded.problems,
    },
    overrideFile: overridePath,
    problems: loaded.problems,
  };
}
