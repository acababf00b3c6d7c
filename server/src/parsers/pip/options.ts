/**
 * Options in requirements files (`-r base.txt`, `--index-url URL`, `--hash=sha256:…`): split into
 * words the way a POSIX shell would, then matched against the options pip accepts there.
 */
import type { ParseProblem } from '../types';
import { isWhitespace, type LogicalLine } from './logicalLines';

interface OptionSpec {
  readonly name: string;
  readonly short?: string;
  readonly takesValue: boolean;
}

/** What pip accepts in a requirements file; anything else makes pip stop with an error. */
const OPTION_SPECS: readonly OptionSpec[] = [
  { name: '--requirement', short: 'r', takesValue: true },
  { name: '--constraint', short: 'c', takesValue: true },
  { name: '--editable', short: 'e', takesValue: true },
  { name: '--index-url', short: 'i', takesValue: true },
  { name: '--extra-index-url', takesValue: true },
  { name: '--no-index', takesValue: false },
  { name: '--find-links', short: 'f', takesValue: true },
  { name: '--no-binary', takesValue: true },
  { name: '--only-binary', takesValue: true },
  { name: '--prefer-binary', takesValue: false },
  { name: '--require-hashes', takesValue: false },
  { name: '--pre', takesValue: false },
  { name: '--trusted-host', takesValue: true },
  { name: '--use-feature', takesValue: true },
  // Options that apply to the requirement written on the same line.
  { name: '--hash', takesValue: true },
  { name: '--config-settings', short: 'C', takesValue: true },
  { name: '--global-option', takesValue: true },
];

/** A word of the options part, unquoted, with where it stands in the logical line. */
interface Word {
  readonly value: string;
  readonly start: number;
  readonly end: number;
  /** Written without quotes or escapes, so that `value[i]` stands at `start + i`. */
  readonly plain: boolean;
}

/** One option as read: its long name, and its value with logical offsets. */
export interface ReadOption {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly value?: string;
  readonly valueStart?: number;
  readonly valueEnd?: number;
  /** The value is written as is, so offsets inside it are exact. */
  readonly valuePlain?: boolean;
}

/** Splits `text[start, end)` into words: quotes group, backslashes escape, as in `shlex.split`. */
function splitWords(
  line: LogicalLine,
  start: number,
  end: number,
  problems: ParseProblem[],
): Word[] {
  const text = line.text;
  const words: Word[] = [];
  let i = start;
  while (i < end) {
    while (i < end && isWhitespace(text.charCodeAt(i))) i++;
    if (i >= end) break;

    const wordStart = i;
    let blank = i;
    while (blank < end && !isWhitespace(text.charCodeAt(blank))) blank++;
    const simple = text.slice(i, blank);
    if (!/["'\\]/.test(simple)) {
      words.push({ value: simple, start: wordStart, end: blank, plain: true });
      i = blank;
      continue;
    }

    let value = '';
    let plain = true;
    while (i < end && !isWhitespace(text.charCodeAt(i))) {
      const character = text[i] ?? '';
      if (character === "'" || character === '"') {
        plain = false;
        const close = text.indexOf(character, i + 1);
        if (close < 0 || close >= end) {
          problems.push({
            range: line.range(i, end),
            message: `This quotation mark is never closed, so pip cannot read the line. Add the closing ${character}.`,
          });
          value += text.slice(i + 1, end);
          i = end;
          break;
        }
        const quoted = text.slice(i + 1, close);
        value += character === '"' ? quoted.replace(/\\(["\\$`])/g, '$1') : quoted;
        i = close + 1;
      } else if (character === '\\' && i + 1 < end) {
        plain = false;
        value += text[i + 1] ?? '';
        i += 2;
      } else {
        value += character;
        i++;
      }
    }
    words.push({ value, start: wordStart, end: i, plain });
  }
  return words;
}

/** The option `written` names: an exact name, or a prefix of only one, as pip's parser allows. */
function findSpec(written: string): OptionSpec | OptionSpec[] | undefined {
  const exact = OPTION_SPECS.find((spec) => spec.name === written);
  if (exact) return exact;
  const candidates = OPTION_SPECS.filter((spec) => spec.name.startsWith(written));
  if (candidates.length === 1) return candidates[0];
  return candidates.length > 1 ? candidates : undefined;
}

/**
 * Reads the options in `line.text[start, end)`. Unknown options and words that are not options
 * become problems; the rest is returned in order.
 */
export function readOptions(
  line: LogicalLine,
  start: number,
  end: number,
  problems: ParseProblem[],
): ReadOption[] {
  const words = splitWords(line, start, end, problems);
  const options: ReadOption[] = [];

  for (let w = 0; w < words.length; w++) {
    const word = words[w];
    if (!word) continue;
    const text = word.value;

    if (!text.startsWith('-') || text === '-' || text === '--') {
      problems.push({
        range: line.range(word.start, word.end),
        message: `pip ignores \`${text}\` here: it is neither an option nor part of one. Remove it, or put the requirement at the start of its own line.`,
      });
      continue;
    }

    let spec: OptionSpec | undefined;
    let inline: { value: string; offset: number } | undefined;
    if (text.startsWith('--')) {
      const equals = text.indexOf('=');
      const written = equals < 0 ? text : text.slice(0, equals);
      const found = findSpec(written);
      if (Array.isArray(found)) {
        const names = found.map((candidate) => `\`${candidate.name}\``).join(', ');
        problems.push({
          range: line.range(word.start, word.end),
          message: `\`${written}\` could mean ${names}; pip refuses an ambiguous option. Write the option in full.`,
        });
        continue;
      }
      spec = found;
      if (equals >= 0) inline = { value: text.slice(equals + 1), offset: equals + 1 };
      if (spec && !spec.takesValue && inline) {
        problems.push({
          range: line.range(word.start, word.end),
          message: `\`${spec.name}\` takes no value; pip stops at \`${text}\`. Remove \`=${inline.value}\`.`,
        });
        continue;
      }
    } else {
      spec = OPTION_SPECS.find((candidate) => candidate.short === text[1]);
      if (text.length > 2) inline = { value: text.slice(2), offset: 2 };
    }

    if (!spec) {
      problems.push({
        range: line.range(word.start, word.end),
        message: `pip does not accept \`${text}\` in a requirements file and stops with an error. Remove it, or pass it on the pip command line.`,
      });
      continue;
    }

    if (!spec.takesValue) {
      options.push({ name: spec.name, start: word.start, end: word.end });
      continue;
    }

    if (inline) {
      const exact = word.plain;
      options.push({
        name: spec.name,
        start: word.start,
        end: word.end,
        value: inline.value,
        valueStart: exact ? word.start + inline.offset : word.start,
        valueEnd: word.end,
        valuePlain: exact,
      });
      continue;
    }

    const next = words[w + 1];
    if (!next) {
      problems.push({
        range: line.range(word.start, word.end),
        message: `\`${text}\` needs a value, and pip stops with an error without one. Write it after the option.`,
      });
      continue;
    }
    w++;
    options.push({
      name: spec.name,
      start: word.start,
      end: next.end,
      value: next.value,
      valueStart: next.start,
      valueEnd: next.end,
      valuePlain: next.plain,
    });
  }
  return options;
}
