/**
 * go.mod files, read as the go command reads its main module's go.mod: every directive, block
 * and comment, with what the go command would refuse reported as problems and the rest still read.
 */
import { LineIndex, type Range } from '../util/text';
import type {
  GoDebugSetting,
  GoExclusion,
  GoModFacts,
  GoReplacement,
  GoRequirement,
  GoRetraction,
  Located,
  ParseProblem,
} from './types';
import { lexGoMod, type Token } from './go/lexer';
import { DIRECTIVES, readStatements, type GoStatement } from './go/statements';
import { toolchainVersion } from './go/toolchain';
import { GO_LANGUAGE_VERSION, majorMismatch, parseGoVersion } from './go/version';
import { limitProblems, sortProblems } from './problems';

export { isPseudoVersion, parseGoVersion, type GoModuleVersion } from './go/version';

/** `./dir`, `../dir`, `/abs`, `C:\dir`: a replacement that is a directory takes no version. */
function isDirectoryPath(path: string): boolean {
  return (
    path === '.' ||
    path === '..' ||
    /^\.\.?[/\\]/.test(path) ||
    path.startsWith('/') ||
    path.startsWith('\\') ||
    /^[A-Za-z]:/.test(path)
  );
}

class GoModReader {
  module?: Located;
  go?: Located;
  toolchain?: Located;
  /** `module`, `go` and `toolchain` seen so far, valid or not. */
  private readonly seen = new Set<string>();
  readonly requires: GoRequirement[] = [];
  readonly replacements: GoReplacement[] = [];
  readonly exclusions: GoExclusion[] = [];
  readonly retractions: GoRetraction[] = [];
  readonly tools: Located[] = [];
  readonly godebug: GoDebugSetting[] = [];
  readonly ignores: Located[] = [];

  constructor(
    private readonly index: LineIndex,
    readonly problems: ParseProblem[],
  ) {}

  private range(start: number, end: number): Range {
    return this.index.rangeOf(start, end);
  }

  private problem(start: number, end: number, message: string): void {
    this.problems.push({ range: this.range(start, end), message });
  }

  /** The statement's whole text: the verb when it is on the line, and every argument. */
  private span(statement: GoStatement): { start: number; end: number } {
    const first = statement.block ? statement.arguments[0] : statement.verb;
    const last = statement.arguments[statement.arguments.length - 1] ?? statement.verb;
    return { start: first?.start ?? statement.verb.start, end: last.end };
  }

  private usage(statement: GoStatement, usage: string): void {
    const { start, end } = this.span(statement);
    this.problem(start, end, `The go command expects \`${usage}\` here and refuses this line.`);
  }

  /** A path or other text argument: a word, or a string when it holds blanks or quotes. */
  private text(token: Token): Located | undefined {
    if (token.kind !== 'word' && token.kind !== 'string') {
      this.problem(token.start, token.end, `\`${token.value}\` cannot stand here. Remove it.`);
      return undefined;
    }
    if (token.kind === 'word' && /["'`]/.test(token.value)) {
      this.problem(
        token.start,
        token.end,
        'The go command refuses quotes inside unquoted text. Quote the whole text with `"`.',
      );
      return undefined;
    }
    return { value: token.value, range: this.range(token.innerStart, token.innerEnd) };
  }

  /** A module version; `path`, when given, must accept its major version. */
  private version(token: Token, path?: string): Located | undefined {
    const located = this.text(token);
    if (!located) return undefined;
    const parsed = parseGoVersion(located.value);
    if (!parsed) {
      const fixed = parseGoVersion(`v${located.value}`) ? ` Write \`v${located.value}\`.` : '';
      this.problem(
        token.innerStart,
        token.innerEnd,
        `\`${located.value}\` is not a module version the go command accepts: it must look like \`v1.2.3\`.${fixed}`,
      );
      return undefined;
    }
    const mismatch = path === undefined ? undefined : majorMismatch(path, parsed);
    if (mismatch) {
      this.problem(
        token.innerStart,
        token.innerEnd,
        `\`${located.value}\` does not fit \`${path}\`: ${mismatch}. The go command refuses it.`,
      );
      return undefined;
    }
    return located;
  }

  private once(statement: GoStatement): boolean {
    const verb = statement.verb.value;
    if (!this.seen.has(verb)) {
      this.seen.add(verb);
      return true;
    }
    const { start, end } = this.span(statement);
    this.problem(
      start,
      end,
      `\`${statement.verb.value}\` may appear only once, and the go command refuses a second one. Remove one of them.`,
    );
    return false;
  }

  read(statement: GoStatement): void {
    const verb = statement.verb.value;
    const args = statement.arguments;
    const first = args[0];
    switch (verb) {
      case 'module': {
        if (!this.once(statement)) return;
        if (args.length !== 1 || !first) return this.usage(statement, 'module example.com/name');
        this.module = this.text(first);
        return;
      }
      case 'go':
        return this.readGo(statement);
      case 'toolchain':
        return this.readToolchain(statement);
      case 'godebug':
        return this.readGodebug(statement);
      case 'require':
      case 'exclude':
        return this.readRequirement(statement);
      case 'replace':
        return this.readReplacement(statement);
      case 'retract':
        return this.readRetraction(statement);
      case 'tool':
      case 'ignore': {
        if (args.length !== 1 || !first) {
          return this.usage(
            statement,
            verb === 'tool' ? 'tool example.com/cmd/name' : 'ignore ./dir',
          );
        }
        const located = this.text(first);
        if (located) (verb === 'tool' ? this.tools : this.ignores).push(located);
        return;
      }
      default: {
        const known = [...DIRECTIVES].join(', ');
        this.problem(
          statement.verb.start,
          statement.verb.end,
          `\`${verb}\` is not a go.mod directive, and the go command refuses the file. The directives are ${known}.`,
        );
      }
    }
  }

  private readGo(statement: GoStatement): void {
    if (!this.once(statement)) return;
    const first = statement.arguments[0];
    if (statement.arguments.length !== 1 || first?.kind !== 'word') {
      return this.usage(statement, 'go 1.23.0');
    }
    if (!GO_LANGUAGE_VERSION.test(first.value)) {
      const fixed = first.value.replace(/^(?:go)?v?/, '');
      const advice = GO_LANGUAGE_VERSION.test(fixed)
        ? `Write \`go ${fixed}\`.`
        : 'Write it as `1.23.0`.';
      this.problem(
        first.start,
        first.end,
        `\`${first.value}\` is not a Go version the go command accepts. ${advice}`,
      );
      return;
    }
    this.go = { value: first.value, range: this.range(first.start, first.end) };
  }

  private readToolchain(statement: GoStatement): void {
    if (!this.once(statement)) return;
    const first = statement.arguments[0];
    if (statement.arguments.length !== 1 || first?.kind !== 'word') {
      return this.usage(statement, 'toolchain go1.23.0');
    }
    if (first.value === 'default' || first.value === 'local') return;
    const version = toolchainVersion(first.value);
    if (version === undefined) {
      this.problem(
        first.start,
        first.end,
        `\`${first.value}\` is not a toolchain name the go command accepts. Write it as \`go1.23.0\`.`,
      );
      return;
    }
    const start = first.end - version.length;
    this.toolchain = { value: version, range: this.range(start, first.end) };
  }

  private readGodebug(statement: GoStatement): void {
    const first = statement.arguments[0];
    const equals = first?.value.indexOf('=') ?? -1;
    if (
      statement.arguments.length !== 1 ||
      first?.kind !== 'word' ||
      equals <= 0 ||
      /["'`,]/.test(first.value)
    ) {
      return this.usage(statement, 'godebug key=value');
    }
    this.godebug.push({
      key: {
        value: first.value.slice(0, equals),
        range: this.range(first.start, first.start + equals),
      },
      value: {
        value: first.value.slice(equals + 1),
        range: this.range(first.start + equals + 1, first.end),
      },
    });
  }

  private readRequirement(statement: GoStatement): void {
    const verb = statement.verb.value;
    const [pathToken, versionToken] = statement.arguments;
    if (statement.arguments.length !== 2 || !pathToken || !versionToken) {
      return this.usage(statement, `${verb} example.com/module v1.2.3`);
    }
    const path = this.text(pathToken);
    if (!path) return;
    const version = this.version(versionToken, path.value);
    if (!version) return;

    const { start, end } = this.span(statement);
    const range = this.range(start, end);
    if (verb === 'exclude') {
      this.exclusions.push({ path, version, range });
      return;
    }
    const words = statement.line.comment?.value.trim().split(/\s+/) ?? [];
    this.requires.push({
      path: path.value,
      pathRange: path.range,
      version: version.value,
      versionRange: version.range,
      // `// indirect`, or `// indirect; other remarks`.
      indirect: (words.length === 1 && words[0] === 'indirect') || words[0] === 'indirect;',
      range,
    });
  }

  private readReplacement(statement: GoStatement): void {
    const args = statement.arguments;
    const arrow = args[1]?.value === '=>' && args[1].kind === 'word' ? 1 : 2;
    const usage = 'replace example.com/module [v1.2.3] => other.com/module v1.4.0 (or => ../dir)';
    if (args.length < arrow + 2 || args.length > arrow + 3 || args[arrow]?.value !== '=>') {
      return this.usage(statement, usage);
    }
    const [oldToken, oldVersionToken] = args;
    const newToken = args[arrow + 1];
    const newVersionToken = args[arrow + 2];
    if (!oldToken || !newToken) return this.usage(statement, usage);

    const old = this.text(oldToken);
    if (!old) return;
    let oldVersion: Located | undefined;
    if (arrow === 2 && oldVersionToken) {
      oldVersion = this.version(oldVersionToken, old.value);
      if (!oldVersion) return;
    }
    const replacement = this.text(newToken);
    if (!replacement) return;

    let newVersion: Located | undefined;
    const directory = isDirectoryPath(replacement.value);
    if (newVersionToken) {
      if (directory) {
        this.problem(
          newVersionToken.start,
          newVersionToken.end,
          `A directory replacement takes no version, and the go command refuses one. Remove \`${newVersionToken.value}\`.`,
        );
        return;
      }
      newVersion = this.version(newVersionToken, replacement.value);
      if (!newVersion) return;
    } else if (!directory) {
      const at = replacement.value.includes('@')
        ? ' Write `path version`, not `path@version`.'
        : '';
      this.problem(
        newToken.start,
        newToken.end,
        `A replacement without a version must be a directory starting with \`./\`, \`../\` or \`/\`; the go command refuses \`${replacement.value}\`.${at}`,
      );
      return;
    }

    const { start, end } = this.span(statement);
    this.replacements.push({
      old,
      ...(oldVersion ? { oldVersion } : {}),
      new: replacement,
      ...(newVersion ? { newVersion } : {}),
      range: this.range(start, end),
    });
  }

  private readRetraction(statement: GoStatement): void {
    const args = statement.arguments;
    const usage = 'retract v1.2.3` or `retract [v1.2.0, v1.2.3]';
    let low: Located | undefined;
    let high: Located | undefined;
    let count: number;
    if (args[0]?.kind === '[') {
      const [, lowToken, comma, highToken, close] = args;
      if (!lowToken || comma?.kind !== ',' || !highToken || close?.kind !== ']') {
        return this.usage(statement, usage);
      }
      low = this.version(lowToken);
      high = this.version(highToken);
      count = 5;
    } else {
      if (!args[0]) return this.usage(statement, usage);
      low = this.version(args[0]);
      high = low;
      count = 1;
    }
    if (args.length > count) return this.usage(statement, usage);
    if (!low || !high) return;

    const { start, end } = this.span(statement);
    const rationale = this.rationale(statement);
    this.retractions.push({
      low,
      high,
      ...(rationale ? { rationale } : {}),
      range: this.range(start, end),
    });
  }

  /** The comments on a retraction: its own, or else its block's. */
  private rationale(statement: GoStatement): string | undefined {
    const ownLines = [
      ...statement.line.before,
      ...(statement.line.comment ? [statement.line.comment] : []),
    ];
    const block = statement.block;
    const lines =
      ownLines.length > 0 || !block
        ? ownLines
        : [...block.before, ...(block.comment ? [block.comment] : [])];
    const text = lines.map((line) => line.value.trim()).join('\n');
    return text === '' ? undefined : text;
  }
}

export function parseGoMod(text: string): GoModFacts {
  const index = new LineIndex(text);
  const problems: ParseProblem[] = [];
  const tokens = lexGoMod(text, index, problems);
  const reader = new GoModReader(index, problems);
  for (const statement of readStatements(tokens, index, problems)) reader.read(statement);

  return {
    kind: 'go.mod',
    ...(reader.module ? { module: reader.module } : {}),
    ...(reader.go ? { go: reader.go } : {}),
    ...(reader.toolchain ? { toolchain: reader.toolchain } : {}),
    requires: reader.requires,
    replacements: reader.replacements,
    exclusions: reader.exclusions,
    retractions: reader.retractions,
    tools: reader.tools,
    godebug: reader.godebug,
    ignores: reader.ignores,
    problems: limitProblems(sortProblems(problems)),
  };
}
