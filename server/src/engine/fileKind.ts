import type { FileKind } from '../parsers/types';

/** The last path segment, for both `/` and `\` separators. */
function baseName(fileName: string): string {
  const parts = fileName.split(/[\\/]/);
  return parts[parts.length - 1] ?? '';
}

function parentName(fileName: string): string {
  const parts = fileName.split(/[\\/]/);
  return parts[parts.length - 2] ?? '';
}

/**
 * Which kind of file a name is, by the names people give these files: `Dockerfile`,
 * `Containerfile`, `*.dockerfile`, `Dockerfile.*`, `package.json`, `requirements*.txt`,
 * `requirements/*.txt`, `*.in`, `go.mod`.
 */
export function fileKindOf(fileName: string): FileKind | undefined {
  const name = baseName(fileName);
  const lower = name.toLowerCase();
  // BuildKit reads `Dockerfile.dockerignore` as that Dockerfile's ignore file, not a Dockerfile.
  if (lower.endsWith('.dockerignore')) return undefined;
  if (
    lower === 'dockerfile' ||
    lower === 'containerfile' ||
    lower.endsWith('.dockerfile') ||
    lower.endsWith('.containerfile') ||
    lower.startsWith('dockerfile.') ||
    lower.startsWith('containerfile.')
  ) {
    return 'dockerfile';
  }
  if (name === 'package.json') return 'package.json';
  if (name === 'go.mod') return 'go.mod';
  if (/^requirements.*\.(txt|in)$/i.test(name)) return 'requirements';
  if (parentName(fileName).toLowerCase() === 'requirements' && /\.(txt|in)$/i.test(name)) {
    return 'requirements';
  }
  if (lower.endsWith('.in') && lower !== '.in') return 'requirements';
  return undefined;
}

/**
 * `*.in` files other than `requirements*.in` are read as requirements, but many of them are not
 * (`MANIFEST.in`, `Makefile.in`): for those, what cannot be parsed is not reported.
 */
export function isLenientName(fileName: string): boolean {
  const name = baseName(fileName).toLowerCase();
  return (
    name.endsWith('.in') &&
    !name.startsWith('requirements') &&
    parentName(fileName).toLowerCase() !== 'requirements'
  );
}

/** Whether a file kind has a comment syntax for suppressions, and which. */
export function commentPrefix(kind: FileKind): string | undefined {
  switch (kind) {
    case 'dockerfile':
    case 'requirements':
      return '#';
    case 'go.mod':
      return '//';
    case 'package.json':
      return undefined;
  }
}
