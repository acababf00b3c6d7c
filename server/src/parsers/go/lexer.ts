/**
 * Tokens of a go.mod file: words, interpreted (`"…"`) and raw (`` `…` ``) strings, the punctuation
 * `( ) [ ] ,`, `//` comments and line breaks. Whatever cannot be a token becomes a problem and is
 * skipped, so that the rest of the line is still read.
 */
import type { LineIndex } from '../../util/text';
import type { ParseProblem } from '../types';

export type TokenKind = 'word' | 'string' | '(' | ')' | '[' | ']' | ',' | 'comment' | 'newline';

export interface Token {
  readonly kind: TokenKind;
  /** Words: as written. Strings: unquoted and unescaped. Comments: the text after `//`. */
  readonly value: string;
  /** Source offsets of the whole token, quotes included. */
  readonly start: number;
  readonly end: number;
  /** Strings: the offsets inside the quotes. Other tokens: the same as `start` and `end`. */
  readonly innerStart: number;
  readonly innerEnd: number;
}

const PUNCTUATION = new Set(['(', ')', '[', ']', ',']);

/** Characters Go's go.mod reader refuses outside strings: controls, format characters, blanks. */
const UNPRINTABLE = /[\p{C}\p{Z}]/u;

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

function isUnprintable(character: string): boolean {
  return character !== ' ' && UNPRINTABLE.test(character);
}

/** The character at `offset`, a whole surrogate pair when there is one. */
function characterAt(text: string, offset: number): string {
  const code = text.codePointAt(offset) ?? 0;
  return String.fromCodePoint(code).length === 2
    ? text.slice(offset, offset + 2)
    : (text[offset] ?? '');
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '"': '"',
};

class Lexer {
  readonly tokens: Token[] = [];
  private offset = 0;

  constructor(
    private readonly text: string,
    private readonly index: LineIndex,
    private readonly problems: ParseProblem[],
  ) {}

  run(): Token[] {
    const text = this.text;
    if (text.charCodeAt(0) === 0xfeff) this.offset = 1;
    while (this.offset < text.length) {
      const code = text.charCodeAt(this.offset);
      const character = text[this.offset] ?? '';
      if (code === 32 || code === 9) {
        this.offset++;
      } else if (isLineBreak(code)) {
        const length = code === 13 && text.charCodeAt(this.offset + 1) === 10 ? 2 : 1;
        this.push('newline', '', this.offset, this.offset + length);
        this.offset += length;
      } else if (text.startsWith('//', this.offset)) {
        this.comment();
      } else if (text.startsWith('/*', this.offset)) {
        this.blockComment();
      } else if (PUNCTUATION.has(character)) {
        this.push(character as TokenKind, character, this.offset, this.offset + 1);
        this.offset++;
      } else if (character === '"') {
        this.interpretedString();
      } else if (character === '`') {
        this.rawString();
      } else if (isUnprintable(characterAt(text, this.offset))) {
        this.unprintable();
      } else {
        this.word();
      }
    }
    return this.tokens;
  }

  private push(
    kind: TokenKind,
    value: string,
    start: number,
    end: number,
    innerStart = start,
    innerEnd = end,
  ): void {
    this.tokens.push({ kind, value, start, end, innerStart, innerEnd });
  }

  private problem(start: number, end: number, message: string): void {
    this.problems.push({ range: this.index.rangeOf(start, end), message });
  }

  private lineEnd(from: number): number {
    let end = from;
    while (end < this.text.length && !isLineBreak(this.text.charCodeAt(end))) end++;
    return end;
  }

  private comment(): void {
    const start = this.offset;
    const end = this.lineEnd(start);
    this.push('comment', this.text.slice(start + 2, end), start, end);
    this.offset = end;
  }

  private blockComment(): void {
    const start = this.offset;
    const close = this.text.indexOf('*/', start + 2);
    const end = close < 0 ? this.text.length : close + 2;
    this.problem(
      start,
      end,
      'go.mod files take only `//` comments, and the go command stops at `/*`. Write each comment line with `//`.',
    );
    // Keep the line structure, so that what follows the comment is read on its own line.
    const inside = this.text.slice(start, end);
    if (/[\r\n]/.test(inside)) this.push('newline', '', end, end);
    this.offset = end;
  }

  private unprintable(): void {
    const start = this.offset;
    let end = start;
    while (end < this.text.length) {
      const character = characterAt(this.text, end);
      if (!isUnprintable(character) || isLineBreak(character.charCodeAt(0))) break;
      end += character.length;
    }
    const code = this.text.codePointAt(start) ?? 0;
    const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    this.problem(
      start,
      end,
      `The go command cannot read the character ${name} here. Remove it, or quote the text that holds it.`,
    );
    this.offset = end;
  }

  private word(): void {
    const text = this.text;
    const start = this.offset;
    let end = start;
    while (end < text.length) {
      const code = text.charCodeAt(end);
      if (code === 32 || code === 9 || isLineBreak(code)) break;
      if (PUNCTUATION.has(text[end] ?? '') || text.startsWith('//', end)) break;
      if (code > 32 && code < 127) {
        end++;
        continue;
      }
      const character = characterAt(text, end);
      if (isUnprintable(character)) break;
      end += character.length;
    }
    this.push('word', text.slice(start, end), start, end);
    this.offset = end;
  }

  private rawString(): void {
    const text = this.text;
    const start = this.offset;
    // Scan only as far as the string goes, so that many short strings on a long line stay cheap.
    let i = start + 1;
    while (i < text.length && text[i] !== '`' && !isLineBreak(text.charCodeAt(i))) i++;
    if (text[i] !== '`') {
      this.unterminated(start, i, '`');
      return;
    }
    this.push('string', text.slice(start + 1, i), start, i + 1, start + 1, i);
    this.offset = i + 1;
  }

  private interpretedString(): void {
    const text = this.text;
    const start = this.offset;
    let value = '';
    let i = start + 1;
    while (i < text.length && !isLineBreak(text.charCodeAt(i))) {
      const character = text[i] ?? '';
      if (character === '"') {
        this.push('string', value, start, i + 1, start + 1, i);
        this.offset = i + 1;
        return;
      }
      if (character !== '\\') {
        value += character;
        i++;
        continue;
      }
      const escape = this.escape(i);
      value += escape.value;
      i = escape.end;
    }
    this.unterminated(start, i, '"');
  }

  /** The escape sequence at `at` (a backslash), decoded as Go decodes it. */
  private escape(at: number): { value: string; end: number } {
    const text = this.text;
    const letter = text[at + 1] ?? '';
    const simple = SIMPLE_ESCAPES[letter];
    if (simple !== undefined) return { value: simple, end: at + 2 };

    const digits = letter === 'x' ? 2 : letter === 'u' ? 4 : letter === 'U' ? 8 : 0;
    const hex = text.slice(at + 2, at + 2 + digits);
    if (digits > 0 && hex.length === digits && /^[0-9a-fA-F]+$/.test(hex)) {
      const code = parseInt(hex, 16);
      if (code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)) {
        return { value: String.fromCodePoint(code), end: at + 2 + digits };
      }
    }
    const octal = text.slice(at + 1, at + 4);
    if (/^[0-3][0-7]{2}$/.test(octal)) {
      return { value: String.fromCharCode(parseInt(octal, 8)), end: at + 4 };
    }

    const next = text.charCodeAt(at + 1);
    const end = at + 1 < text.length && !isLineBreak(next) ? at + 2 : at + 1;
    this.problem(
      at,
      end,
      `\`${text.slice(at, end)}\` is not an escape sequence Go knows, so the go command refuses the string. Write \`\\\\\` for a backslash.`,
    );
    return { value: text.slice(at + 1, end), end };
  }

  private unterminated(start: number, end: number, quote: string): void {
    this.problem(
      start,
      end,
      `This string is never closed, so the go command stops here. End it with ${quote} on the same line.`,
    );
    const value = this.text.slice(start + 1, end);
    this.push('string', value, start, end, start + 1, end);
    this.offset = end;
  }
}

/** Every token of `text`, line breaks included, in order. */
export function lexGoMod(text: string, index: LineIndex, problems: ParseProblem[]): Token[] {
  return new Lexer(text, index, problems).run();
}
