/**
 * Reading one package argument of an install command (`django==3.2`, `'flask>=2,<3'`,
 * `bcrypt@5.1.1`, `python3=3.11.6-r0`) into its name and version constraint, in the notation of
 * each family of package managers. Paths, URLs, archives and words with unknown expansions are not
 * packages and yield `undefined`.
 */

export type SpecNotation = 'python' | 'poetry' | 'node' | 'conda' | 'apk' | 'apt';

/** Offsets within the argument's text, end exclusive. */
export interface PackageSpec {
  readonly nameStart: number;
  readonly nameEnd: number;
  readonly specifierStart?: number;
  readonly specifierEnd?: number;
}

/** Nothing longer is a package name and constraint; the bound keeps regular expressions cheap. */
const MAX_LENGTH = 512;

const ARCHIVE = /\.(?:whl|tar\.gz|tgz|tar\.bz2|tar\.xz|zip|egg|deb|rpm|apk)$/i;

/** PEP 508 name, optional extras, then a constraint up to an environment marker. */
const PYTHON = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[[^\]]*\])?/;

/** `name`, `@scope/name`, each with an optional `@range`. */
const NODE = /^((?:@[A-Za-z0-9][\w.-]*\/)?[A-Za-z0-9][\w.-]*)/;

/** Optional `channel::`, then the name. */
const CONDA = /^(?:[\w.-]+::)?([A-Za-z0-9_][\w.-]*)/;

/** apk names allow `+` (`g++`, `libstdc++`); `@tag` pins a repository, not a version. */
const APK = /^([A-Za-z0-9][\w.+-]*)(?:@[\w.-]+)?/;

/** Debian package names, with an optional `:architecture`. */
const APT = /^([a-z0-9][a-z0-9.+-]*)(?::[a-z0-9-]+)?/;

export function parsePackageSpec(text: string, notation: SpecNotation): PackageSpec | undefined {
  if (text.length === 0 || text.length > MAX_LENGTH) return undefined;
  if (/^[.~/\\-]/.test(text) || text.includes('://') || ARCHIVE.test(text)) return undefined;

  switch (notation) {
    case 'python':
    case 'poetry':
      return pythonSpec(text, notation === 'poetry');
    case 'node':
      return nodeSpec(text);
    case 'conda':
      return withConstraint(text, CONDA.exec(text), /^(?:[=<>!~]|\[|\s*\d)/);
    case 'apk':
      return withConstraint(text, APK.exec(text), /^[=<>~]/);
    case 'apt':
      return withConstraint(text, APT.exec(text), /^=/, /^\//);
  }
}

function pythonSpec(text: string, poetry: boolean): PackageSpec | undefined {
  const match = PYTHON.exec(text);
  const name = match?.[1];
  if (!match || !name) return undefined;

  let rest = text.length;
  const marker = text.indexOf(';', match[0].length);
  if (marker >= 0) rest = marker;
  const constraint = trimmedSpan(text, match[0].length, rest);
  if (!constraint) return { nameStart: 0, nameEnd: name.length };

  const first = text.charAt(constraint.start);
  // `name @ https://…` is a direct reference, not a version; Poetry's `name@^3.2` is a version.
  const atVersion = poetry && first === '@' && constraint.start === name.length;
  if (!atVersion && !'=<>!~'.includes(first)) return undefined;
  return {
    nameStart: 0,
    nameEnd: name.length,
    specifierStart: constraint.start,
    specifierEnd: constraint.end,
  };
}

function nodeSpec(text: string): PackageSpec | undefined {
  const name = NODE.exec(text)?.[1];
  if (!name) return undefined;
  if (name.length === text.length) return { nameStart: 0, nameEnd: name.length };
  if (text.charAt(name.length) !== '@') return undefined;
  // `@npm:other@1`, `@file:…`, `@github:…` and other protocols name no registry version.
  const range = text.slice(name.length + 1);
  if (range.includes(':') || range.includes('/')) return undefined;
  return {
    nameStart: 0,
    nameEnd: name.length,
    specifierStart: name.length,
    specifierEnd: text.length,
  };
}

/**
 * The name the pattern found, and a constraint when the rest starts like one. A rest that starts
 * with `ignored` (apt's `/release`) is dropped; any other rest means this is not a package.
 */
function withConstraint(
  text: string,
  match: RegExpExecArray | null,
  constraint: RegExp,
  ignored?: RegExp,
): PackageSpec | undefined {
  const name = match?.[1];
  if (!match || !name) return undefined;
  const nameStart = match[0].indexOf(name);
  const nameEnd = nameStart + name.length;
  const restText = text.slice(match[0].length);
  if (restText.length === 0 || ignored?.test(restText)) return { nameStart, nameEnd };
  if (!constraint.test(restText)) return undefined;
  const span = trimmedSpan(text, match[0].length, text.length);
  if (!span) return { nameStart, nameEnd };
  return { nameStart, nameEnd, specifierStart: span.start, specifierEnd: span.end };
}

function trimmedSpan(
  text: string,
  start: number,
  end: number,
): { start: number; end: number } | undefined {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text.charAt(from))) from++;
  while (to > from && /\s/.test(text.charAt(to - 1))) to--;
  return to > from ? { start: from, end: to } : undefined;
}
