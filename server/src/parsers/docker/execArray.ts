/**
 * The exec form of `RUN`, `CMD`, `ENTRYPOINT`, `SHELL` and `HEALTHCHECK CMD`: a JSON array of
 * strings. Docker decides with a strict JSON parse, and runs anything else through a shell, so
 * validity comes from `JSON.parse`; the scan below only locates the strings of text already known
 * to be valid. (dockerfile-ast's own reading accepts trailing commas and misreads `\u` escapes.)
 */
import type { MappedText } from './mappedText';

export interface ExecArgument extends MappedText {
  /** Source offsets of the string, quotes included; end exclusive. */
  readonly start: number;
  readonly end: number;
}

export interface ExecArray {
  readonly arguments: readonly ExecArgument[];
  /** Source offsets of `[` and just past `]`. */
  readonly start: number;
  readonly end: number;
}

/** The array `input` spells, or `undefined` when Docker would not read it as exec form. */
export function parseExecArray(input: MappedText): ExecArray | undefined {
  const { text, offsets } = input;
  if (!text.startsWith('[')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === 'string')) return undefined;

  const found: ExecArgument[] = [];
  let index = 1;
  while (index < text.length) {
    const char = text.charAt(index);
    if (char === '"') {
      const argument = readString(input, index);
      found.push(argument.value);
      index = argument.next;
    } else if (char === ']') {
      return { arguments: found, start: offsets[0] ?? 0, end: (offsets[index] ?? 0) + 1 };
    } else {
      index++;
    }
  }
  return undefined;
}

/**
 * Whether text that is not valid JSON still reads as an attempt at an exec-form array, so that
 * running it through a shell is surely a mistake: `["a"`, `[ "a", ]`, `['a']`, `["a" "b"]`.
 * A test such as `[ "$X" = y ] && …` is a shell command and does not qualify.
 */
export function looksLikeExecArray(text: string): boolean {
  return /^\[\s*(?:"(?:[^"\\]|\\.)*|'[^']*)(?:$|["']\s*(?:[,\]"']|$))/.test(text);
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/** Decodes the JSON string opening at `quote`, mapping each decoded character to its source. */
function readString(input: MappedText, quote: number): { value: ExecArgument; next: number } {
  const { text, offsets } = input;
  let value = '';
  const valueOffsets: number[] = [];
  let index = quote + 1;
  while (index < text.length && text.charAt(index) !== '"') {
    const char = text.charAt(index);
    const at = offsets[index] ?? 0;
    if (char === '\\') {
      const code = text.charAt(index + 1);
      if (code === 'u') {
        value += String.fromCharCode(parseInt(text.slice(index + 2, index + 6), 16));
        index += 6;
      } else {
        value += SIMPLE_ESCAPES[code] ?? code;
        index += 2;
      }
    } else {
      value += char;
      index++;
    }
    valueOffsets.push(at);
  }
  const start = offsets[quote] ?? 0;
  const end = (offsets[Math.min(index, text.length - 1)] ?? start) + 1;
  return { value: { text: value, offsets: valueOffsets, start, end }, next: index + 1 };
}
