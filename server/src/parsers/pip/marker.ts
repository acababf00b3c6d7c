/**
 * Environment markers (`python_version >= "3.9" and sys_platform != "win32"`): checked against the
 * PEP 508 grammar so that a marker pip would refuse is reported where it goes wrong.
 */

export interface MarkerError {
  /** Offsets in the marker text. */
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

const VARIABLES = new Set([
  'python_version',
  'python_full_version',
  'os_name',
  'sys_platform',
  'platform_release',
  'platform_system',
  'platform_version',
  'platform_machine',
  'platform_python_implementation',
  'implementation_name',
  'implementation_version',
  'extra',
  'extras',
  'dependency_groups',
  // Spellings from before PEP 508 that pip still reads.
  'os.name',
  'sys.platform',
  'platform.version',
  'platform.machine',
  'platform.python_implementation',
  'python_implementation',
]);

const COMPARISONS = ['===', '==', '!=', '<=', '>=', '~=', '<', '>'];

/** Past this depth of parentheses the marker is refused rather than read. */
const MAX_DEPTH = 64;

interface Token {
  readonly kind: 'string' | 'word' | 'operator' | '(' | ')' | 'unknown' | 'end';
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

function tokenize(text: string): Token[] | MarkerError {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const character = text[i] ?? '';
    if (/\s/.test(character)) {
      i++;
      continue;
    }
    const start = i;
    if (character === '"' || character === "'") {
      const close = text.indexOf(character, i + 1);
      if (close < 0) {
        return {
          start,
          end: text.length,
          message: `this string is never closed with ${character}`,
        };
      }
      tokens.push({ kind: 'string', text: text.slice(i, close + 1), start, end: close + 1 });
      i = close + 1;
    } else if (character === '(' || character === ')') {
      tokens.push({ kind: character, text: character, start, end: i + 1 });
      i++;
    } else if (/[A-Za-z_]/.test(character)) {
      while (i < text.length && /[A-Za-z0-9_.]/.test(text[i] ?? '')) i++;
      tokens.push({ kind: 'word', text: text.slice(start, i), start, end: i });
    } else {
      const operator = COMPARISONS.find((candidate) => text.startsWith(candidate, i));
      const length = operator?.length ?? 1;
      tokens.push({
        kind: operator ? 'operator' : 'unknown',
        text: text.slice(i, i + length),
        start,
        end: i + length,
      });
      i += length;
    }
  }
  tokens.push({ kind: 'end', text: '', start: text.length, end: text.length });
  return tokens;
}

class MarkerParser {
  private position = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  private get current(): Token {
    return this.tokens[this.position] ?? this.tokens[this.tokens.length - 1] ?? endToken;
  }

  private fail(token: Token, expected: string): MarkerError {
    const found = token.kind === 'end' ? 'the end' : `\`${token.text}\``;
    return {
      start: token.start,
      end: token.end,
      message: `it expects ${expected} here, not ${found}`,
    };
  }

  /** `and`/`or` chains of comparisons and parenthesised markers. */
  expression(depth: number): MarkerError | undefined {
    for (;;) {
      const failure = this.atom(depth);
      if (failure) return failure;
      const token = this.current;
      if (token.kind !== 'word' || (token.text !== 'and' && token.text !== 'or')) return undefined;
      this.position++;
    }
  }

  private atom(depth: number): MarkerError | undefined {
    const token = this.current;
    if (token.kind === '(') {
      if (depth >= MAX_DEPTH) {
        return { start: token.start, end: token.end, message: 'the parentheses nest too deep' };
      }
      this.position++;
      const failure = this.expression(depth + 1);
      if (failure) return failure;
      if (this.current.kind !== ')') return this.fail(this.current, 'a closing `)`');
      this.position++;
      return undefined;
    }
    return this.value() ?? this.operator() ?? this.value();
  }

  private value(): MarkerError | undefined {
    const token = this.current;
    const known = token.kind === 'string' || (token.kind === 'word' && VARIABLES.has(token.text));
    if (!known)
      return this.fail(token, 'a marker variable such as `python_version` or a quoted string');
    this.position++;
    return undefined;
  }

  private operator(): MarkerError | undefined {
    const token = this.current;
    if (token.kind === 'operator' || (token.kind === 'word' && token.text === 'in')) {
      this.position++;
      return undefined;
    }
    if (
      token.kind === 'word' &&
      token.text === 'not' &&
      this.tokens[this.position + 1]?.text === 'in'
    ) {
      this.position += 2;
      return undefined;
    }
    return this.fail(token, 'a comparison such as `==`, `>=` or `in`');
  }

  finish(): MarkerError | undefined {
    const token = this.current;
    return token.kind === 'end'
      ? undefined
      : this.fail(token, '`and`, `or` or the end of the marker');
  }
}

const endToken: Token = { kind: 'end', text: '', start: 0, end: 0 };

/** Where and why pip would refuse `text` as a marker, or `undefined` when it reads it. */
export function checkMarker(text: string): MarkerError | undefined {
  const tokens = tokenize(text);
  if (!Array.isArray(tokens)) return tokens;
  const parser = new MarkerParser(tokens);
  return parser.expression(0) ?? parser.finish();
}
