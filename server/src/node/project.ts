/**
 * Reading a project's own files for the engine: the config file found by walking up from a file,
 * and the matrix override. Shared by the command line and the language server; nothing here
 * throws on bad content — problems come back as data.
 */
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, parse as parsePath, resolve } from 'node:path';
import { stat } from 'node:fs/promises';
import {
  EMPTY_CONFIG,
  parseConfig,
  type ConfigProblem,
  type ProjectConfig,
} from '../engine/config';
import { loadEffectiveMatrix } from '../matrix/load';
import type { Matrix } from '../matrix/types';

export const CONFIG_FILE_NAMES = ['.cleanstart.yaml', '.cleanstart.yml'] as const;
export const DEFAULT_OVERRIDE_PATH = join('.cleanstart', 'matrix.yaml');

/** A problem in one of the project's own files, positioned for people (1-based). */
export interface FileProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export function formatFileProblem(problem: FileProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The nearest config file at or above `directory`, not going above `stop` when it is given. */
export async function findConfigFile(
  directory: string,
  stop?: string,
): Promise<string | undefined> {
  let current = resolve(directory);
  const top = stop === undefined ? parsePath(current).root : resolve(stop);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(current, name);
      if (await isFile(candidate)) return candidate;
    }
    if (current === top) return undefined;
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

export interface LoadedConfig {
  readonly path?: string;
  readonly config: ProjectConfig;
  readonly problems: readonly FileProblem[];
}

export async function readConfigFile(path: string): Promise<LoadedConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      path,
      config: EMPTY_CONFIG,
      problems: [
        { file: path, line: 1, column: 1, message: `cannot read the config file: ${reason}` },
      ],
    };
  }
  const { config, problems } = parseConfig(text);
  return {
    path,
    config,
    problems: problems.map((problem: ConfigProblem) => ({ file: path, ...problem })),
  };
}

/** The config in force for files in `directory`, or the defaults when there is none. */
export async function loadConfigFor(directory: string, stop?: string): Promise<LoadedConfig> {
  const path = await findConfigFile(directory, stop);
  return path ? readConfigFile(path) : { config: EMPTY_CONFIG, problems: [] };
}

export interface LoadedMatrix {
  readonly matrix: Matrix;
  /** The override file in force, when one applied. */
  readonly overridePath?: string;
  readonly problems: readonly FileProblem[];
}

/**
 * The bundled matrix with an organisation's override merged over it. A missing default override
 * is no problem; a missing explicit one is. A malformed one leaves the bundled matrix in force.
 */
export async function loadMatrix(
  overridePath: string | undefined,
  explicit: boolean,
): Promise<LoadedMatrix> {
  if (overridePath === undefined)
    return { matrix: loadEffectiveMatrix(undefined, '').matrix, problems: [] };
  let text: string | undefined;
  try {
    text = await readFile(overridePath, 'utf8');
  } catch (error) {
    const bundled = loadEffectiveMatrix(undefined, '').matrix;
    if (!explicit && (error as NodeJS.ErrnoException).code === 'ENOENT')
      return { matrix: bundled, problems: [] };
    const reason = error instanceof Error ? error.message : String(error);
    return {
      matrix: bundled,
      problems: [
        {
          file: overridePath,
          line: 1,
          column: 1,
          message: `cannot read the matrix override: ${reason}`,
        },
      ],
    };
  }
  const { matrix, problems } = loadEffectiveMatrix(text, overridePath);
  return { matrix, overridePath: problems.length === 0 ? overridePath : undefined, problems };
}

/** Resolves a path written in a config file or setting against the folder it is relative to. */
export function resolveFrom(base: string, path: string): string {
  return isAbsolute(path) ? path : resolve(base, path);
}
