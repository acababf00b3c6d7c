/**
 * The statements of a go.mod file: each line `verb arguments…`, or a block `verb (` whose lines
 * each take the verb. Comments stay attached to their lines, since `// indirect` and retraction
 * rationales live in them.
 */
import type { LineIndex } from '../../util/text';
import type { ParseProblem } from '../types';
import type { Token } from './lexer';

export interface GoLine {
  /** The line's tokens, comments left out. */
  readonly tokens: readonly Token[];
  /** The comment at the end of the line. */
  readonly comment?: Token;
  /** Comment lines just above this one, with no blank line between. */
  readonly before: readonly Token[];
}

export interface GoStatement {
  readonly verb: Token;
  readonly arguments: readonly Token[];
  readonly line: GoLine;
  /** The first line of the block the statement stands in. */
  readonly block?: GoLine;
}

/** Every directive the go command knows. */
export const DIRECTIVES = new Set([
  'module',
  'go',
  'toolchain',
  'godebug',
  'require',
  'exclude',
  'replace',
  'retract',
  'tool',
  'ignore',
]);

/** The directives that may open a block: `require (`. */
const BLOCK_DIRECTIVES = new Set([
  'module',
  'godebug',
  'require',
  'exclude',
  'replace',
  'retract',
  'tool',
  'ignore',
]);

function splitLines(tokens: readonly Token[]): GoLine[] {
  const lines: GoLine[] = [];
  let current: Token[] = [];
  let comment: Token | undefined;
  // Comment lines since the last line with tokens or blank line; handed to the next line with
  // tokens. Comment-only lines need no `before` of their own.
  let pending: Token[] = [];

  const close = (): void => {
    const hasTokens = current.length > 0;
    lines.push({
      tokens: current,
      ...(comment ? { comment } : {}),
      before: hasTokens ? pending : [],
    });
    if (!hasTokens && comment) pending.push(comment);
    else pending = [];
    current = [];
    comment = undefined;
  };

  for (const token of tokens) {
    if (token.kind === 'newline') close();
    else if (token.kind === 'comment') comment = token;
    else current.push(token);
  }
  close();
  return lines;
}

interface OpenBlock {
  /** Absent when the block's header is not a directive that takes a block: its lines are skipped. */
  readonly verb?: Token;
  readonly header: GoLine;
  readonly open: Token;
}

class StatementReader {
  readonly statements: GoStatement[] = [];
  private block: OpenBlock | undefined;

  constructor(
    private readonly index: LineIndex,
    private readonly problems: ParseProblem[],
  ) {}

  private problem(start: number, end: number, message: string): void {
    this.problems.push({ range: this.index.rangeOf(start, end), message });
  }

  read(lines: readonly GoLine[]): GoStatement[] {
    for (const line of lines) {
      const first = line.tokens[0];
      if (!first) continue;
      if (this.block && !this.continueBlock(this.block, line, first)) continue;
      if (!this.block) this.readTopLevel(line, first);
    }
    if (this.block) this.unclosed(this.block);
    return this.statements;
  }

  private unclosed(block: OpenBlock): void {
    this.problem(
      block.open.start,
      block.open.end,
      'This block is never closed, and the go command stops at it. Add `)` on a line of its own after its last line.',
    );
    this.block = undefined;
  }

  /** Reads a line inside `block`. Returns true when the line ended the block without a `)`. */
  private continueBlock(block: OpenBlock, line: GoLine, first: Token): boolean {
    if (first.kind === ')') {
      this.closeBlock(line.tokens, 0);
      return false;
    }
    if (first.kind === 'word' && DIRECTIVES.has(first.value)) {
      // A directive inside a block means its `)` is missing; read on as if it were there.
      this.unclosed(block);
      return true;
    }
    this.addBlockLine(block, line, line.tokens);
    return false;
  }

  private addBlockLine(block: OpenBlock, line: GoLine, tokens: readonly Token[]): void {
    const close = tokens.findIndex((token) => token.kind === ')');
    const entry = close < 0 ? tokens : tokens.slice(0, close);
    if (block.verb && entry.length > 0) {
      this.statements.push({ verb: block.verb, arguments: entry, line, block: block.header });
    }
    if (close >= 0) {
      const paren = tokens[close];
      if (paren) {
        this.problem(
          paren.start,
          paren.end,
          'The go command expects `)` on a line of its own. Move it to the next line.',
        );
      }
      this.closeBlock(tokens, close);
    }
  }

  private closeBlock(tokens: readonly Token[], close: number): void {
    this.block = undefined;
    const extra = tokens[close + 1];
    const last = tokens[tokens.length - 1];
    if (extra && last) {
      this.problem(
        extra.start,
        last.end,
        'The go command expects nothing after the `)` that closes a block. Move this to a line of its own.',
      );
    }
  }

  private readTopLevel(line: GoLine, first: Token): void {
    if (first.kind === ')') {
      this.problem(first.start, first.end, 'This `)` closes no block. Remove it.');
      return;
    }
    const paren = line.tokens.findIndex((token) => token.kind === '(');
    if (paren < 0) {
      if (first.kind !== 'word') {
        this.problem(
          first.start,
          first.end,
          'A go.mod line starts with a directive such as `require` or `replace`. Remove this, or add the directive.',
        );
        return;
      }
      this.statements.push({ verb: first, arguments: line.tokens.slice(1), line });
      return;
    }

    const open = line.tokens[paren] ?? first;
    const head = line.tokens.slice(0, paren);
    const verb = head.length === 1 && first.kind === 'word' ? first : undefined;
    if (!verb || !BLOCK_DIRECTIVES.has(verb.value)) {
      const known = verb && DIRECTIVES.has(verb.value);
      const written = head.map((token) => token.value).join(' ');
      this.problem(
        first.start,
        open.end,
        known
          ? `\`${written}\` takes no block; the go command refuses it. Write \`${written} …\` on one line.`
          : `\`${written} (\` is not a block the go command knows, and it refuses the file. Blocks are \`require (\`, \`replace (\`, \`exclude (\`, \`retract (\`, \`tool (\`, \`godebug (\` and \`ignore (\`.`,
      );
    }
    this.block = {
      ...(verb && BLOCK_DIRECTIVES.has(verb.value) ? { verb } : {}),
      header: line,
      open,
    };
    const rest = line.tokens.slice(paren + 1);
    if (rest[0]?.kind === ')') this.closeBlock(rest, 0);
    else if (rest.length > 0) this.addBlockLine(this.block, line, rest);
  }
}

/** The statements of a go.mod file, from its tokens. */
export function readStatements(
  tokens: readonly Token[],
  index: LineIndex,
  problems: ParseProblem[],
): GoStatement[] {
  return new StatementReader(index, problems).read(splitLines(tokens));
}
