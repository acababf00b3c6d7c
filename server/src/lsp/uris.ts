import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The file system path of a `file:` URI, or `undefined` for any other scheme or a bad URI. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(filePath: string): string {
  return pathToFileURL(filePath).href;
}

/**
 * One key per file however its URI is spelled: editors write `file:///c%3A/x`, Node writes
 * `file:///C:/x`. Non-file URIs are their own key.
 */
export function documentKey(uri: string): string {
  const filePath = uriToPath(uri);
  if (filePath === undefined) return uri;
  const normalized = path.normalize(filePath);
  return process.platform === 'win32' ? normalized.toLowerCase() : normalized;
}

/** `filePath` relative to `root` with `/` separators, or `undefined` when it lies outside. */
export function relativeTo(root: string, filePath: string): string | undefined {
  const relative = path.relative(root, filePath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}

/** The key prefix of every document below a folder. */
export function folderKeyPrefix(folderUri: string): string {
  const key = documentKey(folderUri);
  return key.endsWith(path.sep) ? key : `${key}${path.sep}`;
}
