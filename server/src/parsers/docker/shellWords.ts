/**
 * Splits POSIX shell text into simple commands and their words, enough to recognise what a `RUN`
 * line invokes: quotes and escapes are removed, `&&`, `||`, `;`, `|`, `&`, parentheses and line
 * breaks separate commands, redirections and their targets are dropped, comments and nested
 * here-document bodies are skipped. Expansions (`$X`, `$(…)`, backquotes) stay as written and
 * mark their word as dynamic. Not a shell: no aliases, functions, globbing or control flow.
 */
import type { MappedText } from './mappedText';

export interface ShellWord extends MappedText {
  /** Where the word stands in the source, quotes included; end exclusive. */
  readonly start: number;
  readonly end: number;
  /** The word holds an expansion whose value is unknown here (`$X`, `$(…)`, backquotes). */
  readonly dynamic: boolean;
}

export type ShellCommand = readonly ShellWord[];

interface PendingHeredoc {
  readonly delimiter: string;
  readonly stripTabs: boolean;
}

const OPERATOR_CHARS = ';&|()';
const SPECIAL_PARAMETERS = '@*#?$!-0123456789';

export function splitShellCommands(input: MappedText): ShellCommand[] {
  return new Tokenizer(input).run();
}

class Tokenizer {
  private readonly text: string;
  private readonly offsets: readonly number[];
  private readonly commands: ShellWord[][] = [];
  private current: ShellWord[] = [];
  private pending: PendingHeredoc[] = [];

  private wordText = '';
  private wordOffsets: number[] = [];
  private wordStart = -1;
  private wordDynamic = false;
  /** The next word is the target of a redirection: not an argument. */
  private dropNext = false;

  constructor(input: MappedText) {
    this.text = input.text;
    this.offsets = input.offsets;
  }

  run(): ShellCommand[] {
    const { text } = this;
    let index = 0;
    while (index < text.length) {
      const char = text.charAt(index);
      if (char === ' ' || char === '\t') {
        this.finishWord(index);
        index++;
      } else if (char === '\n' || char === '\r') {
        this.finishCommand(index);
        index = this.skipHeredocBodies(index + lineBreakLength(text, index));
      } else if (char === '#' && this.wordStart < 0) {
        while (index < text.length && text.charAt(index) !== '\n') index++;
      } else if (char === '\\') {
        index = this.readEscape(index);
      } else if (char === "'") {
        index = this.readSingleQuoted(index);
      } else if (char === '"') {
        index = this.readDoubleQuoted(index);
      } else if (char === '$') {
        index = this.readDollar(index);
      } else if (char === '`') {
        index = this.readBackquoted(index);
      } else if (char === '<' || char === '>') {
        index = this.readRedirection(index);
      } else if (char === '&' && text.charAt(index + 1) === '>') {
        this.finishWord(index);
        this.dropNext = true;
        index += text.charAt(index + 2) === '>' ? 3 : 2;
      } else if (OPERATOR_CHARS.includes(char)) {
        this.finishCommand(index);
        index++;
      } else {
        this.add(char, index);
        index++;
      }
    }
    this.finishCommand(text.length);
    return this.commands;
  }

  private add(char: string, index: number): void {
    if (this.wordStart < 0) this.wordStart = index;
    this.wordText += char;
    this.wordOffsets.push(this.offsets[index] ?? 0);
  }

  /** Starts a word (an empty `''` is still a word) without adding characters. */
  private touch(index: number): void {
    if (this.wordStart < 0) this.wordStart = index;
  }

  private finishWord(end: number): void {
    if (this.wordStart < 0) return;
    const start = this.offsets[this.wordStart] ?? 0;
    const word: ShellWord = {
      text: this.wordText,
      offsets: this.wordOffsets,
      start,
      end: end > this.wordStart ? (this.offsets[end - 1] ?? start) + 1 : start,
      dynamic: this.wordDynamic,
    };
    if (this.dropNext) this.dropNext = false;
    else this.current.push(word);
    this.wordText = '';
    this.wordOffsets = [];
    this.wordStart = -1;
    this.wordDynamic = false;
  }

  private finishCommand(end: number): void {
    this.finishWord(end);
    this.dropNext = false;
    if (this.current.length > 0) this.commands.push(this.current);
    this.current = [];
  }

  private readEscape(index: number): number {
    const next = this.text.charAt(index + 1);
    const continuation = lineBreakLength(this.text, index + 1);
    if (continuation > 0) return index + 1 + continuation;
    if (next === '') {
      this.add('\\', index);
      return index + 1;
    }
    this.add(next, index + 1);
    return index + 2;
  }

  private readSingleQuoted(index: number): number {
    this.touch(index);
    let end = this.text.indexOf("'", index + 1);
    if (end < 0) end = this.text.length;
    for (let at = index + 1; at < end; at++) this.add(this.text.charAt(at), at);
    return end + 1;
  }

  private readDoubleQuoted(index: number): number {
    const { text } = this;
    this.touch(index);
    let at = index + 1;
    while (at < text.length) {
      const char = text.charAt(at);
      if (char === '"') return at + 1;
      if (char === '\\') {
        const next = text.charAt(at + 1);
        const continuation = lineBreakLength(text, at + 1);
        if (continuation > 0) {
          at += 1 + continuation;
        } else if (next === '"' || next === '\\' || next === '$' || next === '`') {
          this.add(next, at + 1);
          at += 2;
        } else {
          this.add(char, at);
          at++;
        }
      } else if (char === '$') {
        at = this.readDollar(at);
      } else if (char === '`') {
        at = this.readBackquoted(at);
      } else {
        this.add(char, at);
        at++;
      }
    }
    return at;
  }

  /** `$NAME`, `${…}`, `$(…)`, `$((…))` and `$'…'`; a lone `$` is literal. */
  private readDollar(index: number): number {
    const { text } = this;
    const next = text.charAt(index + 1);
    let end: number;
    if (next === '{') {
      end = skipBalanced(text, index + 1, '{', '}');
    } else if (next === '(') {
      end = skipBalanced(text, index + 1, '(', ')');
    } else if (next === "'") {
      // ANSI-C quoting: its escapes are rare in install commands; keep the characters.
      this.touch(index);
      let close = text.indexOf("'", index + 2);
      if (close < 0) close = text.length;
      for (let at = index + 2; at < close; at++) this.add(text.charAt(at), at);
      return close + 1;
    } else if (/[A-Za-z_]/.test(next)) {
      end = index + 2;
      while (end < text.length && /[A-Za-z0-9_]/.test(text.charAt(end))) end++;
    } else if (next !== '' && SPECIAL_PARAMETERS.includes(next)) {
      end = index + 2;
    } else {
      this.add('$', index);
      return index + 1;
    }
    for (let at = index; at < end; at++) this.add(text.charAt(at), at);
    this.wordDynamic = true;
    return end;
  }

  private readBackquoted(index: number): number {
    const { text } = this;
    let end = index + 1;
    while (end < text.length && text.charAt(end) !== '`') end += text.charAt(end) === '\\' ? 2 : 1;
    end = Math.min(end + 1, text.length);
    for (let at = index; at < end; at++) this.add(text.charAt(at), at);
    this.wordDynamic = true;
    return end;
  }

  /** `>`, `>>`, `2>&1`, `<`, `<<EOF`, `<<-'EOF'`, `<<<`: the operator and its target go. */
  private readRedirection(index: number): number {
    const { text } = this;
    if (this.wordStart >= 0 && /^\d+$/.test(this.wordText)) {
      // `2>`: the digits name a file descriptor, not an argument.
      this.wordText = '';
      this.wordOffsets = [];
      this.wordStart = -1;
      this.wordDynamic = false;
    } else {
      this.finishWord(index);
    }

    if (text.startsWith('<<', index) && text.charAt(index + 2) !== '<') {
      const stripTabs = text.charAt(index + 2) === '-';
      return this.readHeredocDelimiter(index + (stripTabs ? 3 : 2), stripTabs);
    }
    let end = index + 1;
    while (end < text.length && '<>&|'.includes(text.charAt(end)) && end < index + 3) end++;
    this.dropNext = true;
    return end;
  }

  private readHeredocDelimiter(start: number, stripTabs: boolean): number {
    const { text } = this;
    let index = start;
    while (text.charAt(index) === ' ' || text.charAt(index) === '\t') index++;
    let delimiter = '';
    while (index < text.length) {
      const char = text.charAt(index);
      if (' \t\n\r<>'.includes(char) || OPERATOR_CHARS.includes(char)) break;
      if (char === '\\') {
        delimiter += text.charAt(index + 1);
        index += 2;
      } else if (char === "'" || char === '"') {
        let close = text.indexOf(char, index + 1);
        if (close < 0) close = text.length;
        delimiter += text.slice(index + 1, close);
        index = close + 1;
      } else {
        delimiter += char;
        index++;
      }
    }
    if (delimiter !== '') this.pending.push({ delimiter, stripTabs });
    return Math.min(index, text.length);
  }

  /** At the start of a line: past the bodies of here-documents opened on the line before. */
  private skipHeredocBodies(lineStart: number): number {
    const { text } = this;
    let index = lineStart;
    for (const heredoc of this.pending) {
      while (index < text.length) {
        let lineEnd = text.indexOf('\n', index);
        if (lineEnd < 0) lineEnd = text.length;
        let line = text.slice(index, lineEnd);
        if (heredoc.stripTabs) line = line.replace(/^\t+/, '');
        index = lineEnd + 1;
        if (line.replace(/\r$/, '') === heredoc.delimiter) break;
      }
    }
    this.pending = [];
    return Math.min(index, text.length);
  }
}

/** Length of the line break at `index` (Docker reads `\r\n` in a here-document as `\n`). */
function lineBreakLength(text: string, index: number): number {
  if (text.startsWith('\r\n', index)) return 2;
  const char = text.charAt(index);
  return char === '\n' || char === '\r' ? 1 : 0;
}

/** Index just past the `close` matching the `open` at `index`, quotes respected. */
function skipBalanced(text: string, index: number, open: string, close: string): number {
  let depth = 0;
  let at = index;
  while (at < text.length) {
    const char = text.charAt(at);
    if (char === '\\') {
      at += 2;
      continue;
    }
    if (char === "'" || char === '"') {
      const end = text.indexOf(char, at + 1);
      at = end < 0 ? text.length : end + 1;
      continue;
    }
    if (char === open) depth++;
    else if (char === close && --depth === 0) return at + 1;
    at++;
  }
  return text.length;
}
