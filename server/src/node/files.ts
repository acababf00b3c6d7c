/** Finding the files to check in a project folder, the way a person would expect. */
import ignore, { type Ignore } from 'ignore';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileKindOf } from '../engine/fileKind';

/** Folders never worth walking into: dependencies and version control. */
const SKIPPED_FOLDERS = new Set([
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  'vendor',
  '__pycache__',
  '.venv',
]);

export interface WalkOptions {
  /** Extra gitignore-style patterns, relative to `root`. */
  readonly ignore?: readonly string[];
  /** Called for a folder that cannot be read; the walk goes on. */
  readonly onError?: (path: string, error: unknown) => void;
}

interface IgnoreScope {
  readonly base: string;
  readonly rules: Ignore;
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

function ignored(scopes: readonly IgnoreScope[], path: string, directory: boolean): boolean {
  return scopes.some((scope) => {
    const relativePath = toPosix(relative(scope.base, path));
    if (relativePath === '' || relativePath.startsWith('..')) return false;
    return scope.rules.ignores(directory ? `${relativePath}/` : relativePath);
  });
}

async function gitignoreScope(directory: string): Promise<IgnoreScope | undefined> {
  try {
    const text = await readFile(join(directory, '.gitignore'), 'utf8');
    return { base: directory, rules: ignore().add(text) };
  } catch {
    return undefined;
  }
}

/**
 * Every Dockerfile, package.json, requirements file and go.mod below `root`, sorted, skipping
 * dependency and version-control folders and what `.gitignore` files ignore.
 */
export async function findProjectFiles(root: string, options: WalkOptions = {}): Promise<string[]> {
  const found: string[] = [];
  const base: IgnoreScope[] = options.ignore?.length
    ? [{ base: root, rules: ignore().add([...options.ignore]) }]
    : [];
  async function walk(directory: string, scopes: readonly IgnoreScope[]): Promise<void> {
    let entries;
    try {
      entries = await readdir(directory, { withFileTypes: true });
    } catch (error) {
      options.onError?.(directory, error);
      return;
    }
    const own = await gitignoreScope(directory);
    const inScope = own ? [...scopes, own] : scopes;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) {
        if (SKIPPED_FOLDERS.has(entry.name) || ignored(inScope, path, true)) continue;
        await walk(path, inScope);
      } else if (entry.isFile() && fileKindOf(entry.name) && !ignored(inScope, path, false)) {
        found.push(path);
      }
    }
  }
  await walk(root, base);
  return found;
}

/** True when `path` (under `base`) matches one of the gitignore-style `patterns`. */
export function matchesPatterns(base: string, path: string, patterns: readonly string[]): boolean {
  if (patterns.length === 0) return false;
  const relativePath = toPosix(relative(base, path));
  if (relativePath === '' || relativePath.startsWith('..')) return false;
  return ignore()
    .add([...patterns])
    .ignores(relativePath);
}
