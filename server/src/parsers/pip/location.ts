/**
 * Requirements given as a URL or path (`git+https://…#egg=name`, `./vendor/pkg`, a wheel's URL):
 * pip installs them directly, and their project name is known only when the text says it.
 */
import type { LogicalLine } from './logicalLines';
import { nameEnd, normalizePackageName, type ReadRequirement } from './reader';

const ARCHIVE = /\.(whl|zip|tar|tgz|tbz|txz|tlz|tar\.gz|tar\.bz2|tar\.xz|tar\.lz|tar\.lzma)$/i;
const URL_SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;
const VCS_SCHEME = /^(git|hg|svn|bzr)\+/i;

/** The project a URL or path names in its `#egg=` fragment or wheel file name, if it does. */
function nameInLocation(location: string): { name: string; offset: number } | undefined {
  const egg = /[#&]egg=([^&]*)/.exec(location);
  if (egg?.[1]) {
    const end = nameEnd(egg[1], 0, egg[1].length);
    if (end > 0) return { name: egg[1].slice(0, end), offset: egg.index + 5 };
  }
  const path = location.replace(/[?#].*$/s, '');
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const file = path.slice(slash + 1);
  if (/\.whl$/i.test(file)) {
    const end = nameEnd(file, 0, file.indexOf('-') < 0 ? 0 : file.indexOf('-'));
    if (end > 0 && file[end] === '-') return { name: file.slice(0, end), offset: slash + 1 };
  }
  return undefined;
}

/**
 * A URL or path requirement: named when its fragment or file name says so, else unnamed. `value`
 * is the unquoted text when it was written with quotes or escapes; offsets inside it are then
 * unknown and ranges cover the whole word.
 */
export function readLocation(
  line: LogicalLine,
  start: number,
  end: number,
  editable: boolean,
  value?: string,
): ReadRequirement {
  const location = value ?? line.text.slice(start, end);
  const range = line.range(start, end);
  const named = nameInLocation(location);
  if (!named) return { unnamed: { value: location, range, editable } };

  const nameStart = value === undefined ? start + named.offset : start;
  const nameFinish = value === undefined ? nameStart + named.name.length : end;
  return {
    requirement: {
      name: named.name,
      normalizedName: normalizePackageName(named.name),
      nameRange: line.range(nameStart, nameFinish),
      extras: [],
      specifier: '',
      clauses: [],
      url: { value: location, range },
      line: line.lineAt(start),
      range,
      editable,
      options: [],
    },
  };
}

/** Whether pip takes `word` (a line's first word) for a URL or path rather than a name. */
export function isLocation(word: string): boolean {
  if (URL_SCHEME.test(word) || VCS_SCHEME.test(word) || /^file:/i.test(word)) return true;
  return ARCHIVE.test(word) || word.startsWith('.') || word.includes('/') || word.includes('\\');
}
