/**
 * Build-argument substitution as Docker applies it to `FROM` and `ARG` defaults (`$X`, `${X}`,
 * `${X:-word}`, `${X-word}`, `${X:+word}`, `${X+word}`, `${X:?message}`), keeping for every
 * resulting character the source offset it came from and the `ARG` whose default supplied it.
 * Where a value cannot be known (an `ARG` without default, a platform argument, a pattern
 * operator), the result is `undefined`: no guess.
 */
import type { ArgSource } from '../types';
import type { MappedText } from './mappedText';

export interface Expansion {
  readonly text: string;
  /** Source offset of each character of `text`. */
  readonly offsets: readonly number[];
  /** The `ARG` whose default supplied each character of `text`, or `undefined` for literal text. */
  readonly origins: readonly (ArgSource | undefined)[];
  /** Every `ARG` consulted, in order of first use. */
  readonly args: readonly ArgSource[];
}

/**
 * What an `ARG` name stands for: `known` (its default, expanded), `unknown` (set at build time to
 * a value nobody can tell from the file) or, when missing from the scope, unset.
 */
export type ArgBinding =
  { readonly state: 'known'; readonly value: Expansion } | { readonly state: 'unknown' };

export type ArgScope = ReadonlyMap<string, ArgBinding>;

/** Arguments BuildKit sets for every build from the platform: their values are never known here. */
export const PLATFORM_ARGS: readonly string[] = [
  'BUILDPLATFORM',
  'BUILDOS',
  'BUILDARCH',
  'BUILDVARIANT',
  'TARGETPLATFORM',
  'TARGETOS',
  'TARGETARCH',
  'TARGETVARIANT',
];

/**
 * Expands `word` against `scope`, removing quotes and escapes as Docker's word processing does.
 * Literal characters are credited to `own` (the `ARG` being declared), or to no `ARG` at all.
 */
export function expand(
  word: MappedText,
  scope: ArgScope,
  escape: string,
  own?: ArgSource,
): Expansion | undefined {
  const expander = new Expander(word, scope, escape, own);
  const result = expander.expandWord(0, false);
  if (result.unknown || expander.overflow) return undefined;
  const args = own ? [own, ...[...expander.used].filter((arg) => arg !== own)] : [...expander.used];
  return { ...result.fragment, args };
}

interface Fragment {
  text: string;
  offsets: number[];
  origins: (ArgSource | undefined)[];
}

interface WordResult {
  readonly fragment: Fragment;
  readonly next: number;
  readonly unknown: boolean;
}

/** Far beyond any image reference; values that grow past it are not references. */
const MAX_LENGTH = 4096;
const MAX_ARGS = 256;
/** `${A:-${B:-…}}` nesting: deeper is no real Dockerfile and would exhaust the stack. */
const MAX_NESTING = 32;

const NAME_START = /[A-Za-z_]/;
const NAME_PART = /[A-Za-z0-9_]/;

class Expander {
  readonly used = new Set<ArgSource>();
  /** Past the bounds below: chains of ARGs built to explode are given up as unknown. */
  overflow = false;
  private depth = 0;
  private readonly text: string;
  private readonly offsets: readonly number[];

  constructor(
    word: MappedText,
    private readonly scope: ArgScope,
    private readonly escape: string,
    private readonly own: ArgSource | undefined,
  ) {
    this.text = word.text;
    this.offsets = word.offsets;
  }

  /** Expands from `start` to the end, or to the unquoted `}` that closes a modifier word. */
  expandWord(start: number, inBraces: boolean): WordResult {
    const { text } = this;
    const fragment: Fragment = { text: '', offsets: [], origins: [] };
    let unknown = false;
    let quote: '' | "'" | '"' = '';
    let index = start;

    while (index < text.length) {
      const char = text.charAt(index);
      if (quote === "'") {
        if (char === "'") quote = '';
        else this.emit(fragment, char, index);
        index++;
      } else if (char === this.escape) {
        const next = text.charAt(index + 1);
        if (next === '') {
          this.emit(fragment, char, index);
          index++;
        } else if (quote === '"' && next !== '"' && next !== '$' && next !== this.escape) {
          this.emit(fragment, char, index);
          index++;
        } else {
          this.emit(fragment, next, index + 1);
          index += 2;
        }
      } else if (char === '"') {
        quote = quote === '"' ? '' : '"';
        index++;
      } else if (char === "'" && quote === '') {
        quote = "'";
        index++;
      } else if (char === '}' && inBraces && quote === '') {
        return { fragment, next: index, unknown };
      } else if (char === '$') {
        const substituted = this.substitute(index, fragment);
        unknown ||= substituted.unknown;
        index = substituted.next;
      } else {
        this.emit(fragment, char, index);
        index++;
      }
    }
    // A modifier word that runs to the end has no closing brace: Docker rejects it.
    return { fragment, next: index, unknown: unknown || inBraces };
  }

  private substitute(dollar: number, into: Fragment): { next: number; unknown: boolean } {
    const { text } = this;
    if (text.charAt(dollar + 1) !== '{') {
      const end = this.nameEnd(dollar + 1);
      if (end === dollar + 1) {
        this.emit(into, '$', dollar);
        return { next: dollar + 1, unknown: false };
      }
      return { next: end, unknown: !this.appendValue(into, text.slice(dollar + 1, end)) };
    }

    const nameStart = dollar + 2;
    const nameEnd = this.nameEnd(nameStart);
    const name = text.slice(nameStart, nameEnd);
    const after = text.charAt(nameEnd);
    if (name === '') return { next: this.closingBrace(nameStart), unknown: true };
    if (after === '}') return { next: nameEnd + 1, unknown: !this.appendValue(into, name) };

    let modifier = after;
    let wordStart = nameEnd + 1;
    if (after === ':' && '-+?'.includes(text.charAt(nameEnd + 1))) {
      modifier = ':' + text.charAt(nameEnd + 1);
      wordStart = nameEnd + 2;
    } else if (!'-+?'.includes(after) || after === '') {
      // Pattern removal, replacement and substrings depend on values nobody knows here.
      return { next: this.closingBrace(nameEnd), unknown: true };
    }

    if (this.depth >= MAX_NESTING) return { next: this.closingBrace(wordStart), unknown: true };
    this.depth++;
    const word = this.expandWord(wordStart, true);
    this.depth--;
    const next = Math.min(word.next + 1, text.length);
    const binding = this.scope.get(name);
    if (binding?.state === 'unknown') return { next, unknown: true };

    const value = binding?.value;
    if (value) this.use(value.args);
    const set = value !== undefined;
    const nonEmpty = set && value.text.length > 0;
    const useValue = (): { next: number; unknown: boolean } => {
      if (value) this.append(into, value);
      return { next, unknown: false };
    };
    const useWord = (): { next: number; unknown: boolean } => {
      this.append(into, word.fragment);
      return { next, unknown: word.unknown };
    };

    switch (modifier) {
      case ':-':
        return nonEmpty ? useValue() : useWord();
      case '-':
        return set ? useValue() : useWord();
      case ':+':
        return nonEmpty ? useWord() : { next, unknown: false };
      case '+':
        return set ? useWord() : { next, unknown: false };
      case ':?':
        return nonEmpty ? useValue() : { next, unknown: true };
      default:
        return set ? useValue() : { next, unknown: true };
    }
  }

  /** Appends the value of `name`; false when it cannot be known (unset, or set at build time). */
  private appendValue(into: Fragment, name: string): boolean {
    const binding = this.scope.get(name);
    if (binding?.state !== 'known') return false;
    this.use(binding.value.args);
    this.append(into, binding.value);
    return true;
  }

  private nameEnd(start: number): number {
    const { text } = this;
    if (!NAME_START.test(text.charAt(start))) return start;
    let end = start + 1;
    while (end < text.length && NAME_PART.test(text.charAt(end))) end++;
    return end;
  }

  /** Index just past the `}` that closes a `${` whose body starts at `start`. */
  private closingBrace(start: number): number {
    let depth = 1;
    for (let index = start; index < this.text.length; index++) {
      const char = this.text.charAt(index);
      if (char === '{') depth++;
      else if (char === '}' && --depth === 0) return index + 1;
    }
    return this.text.length;
  }

  private use(args: readonly ArgSource[]): void {
    for (const arg of args) this.used.add(arg);
    if (this.used.size > MAX_ARGS) this.overflow = true;
  }

  private append(into: Fragment, from: Pick<Expansion, 'text' | 'offsets' | 'origins'>): void {
    if (into.text.length + from.text.length > MAX_LENGTH) {
      this.overflow = true;
      return;
    }
    into.text += from.text;
    for (const offset of from.offsets) into.offsets.push(offset);
    for (const origin of from.origins) into.origins.push(origin);
  }

  private emit(into: Fragment, char: string, index: number): void {
    if (into.text.length >= MAX_LENGTH) {
      this.overflow = true;
      return;
    }
    into.text += char;
    into.offsets.push(this.offsets[index] ?? 0);
    into.origins.push(this.own);
  }
}
