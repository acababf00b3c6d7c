/**
 * package.json files: the Node.js version they ask for (`engines.node`, `volta.node`), the package
 * manager they pin (`packageManager`) and their registry dependencies. Read with a tolerant JSON
 * parser, so that a syntax error leaves the rest of the file readable.
 */
import {
  createScanner,
  ParseErrorCode,
  parseTree,
  SyntaxKind,
  type Node,
  type ParseError,
} from 'jsonc-parser';
import { LineIndex, type Range } from '../util/text';
import type {
  DependencySection,
  Located,
  NpmDependency,
  PackageJsonFacts,
  PackageManagerField,
  ParseProblem,
} from './types';
import { limitProblems, sortProblems } from './problems';

const SECTIONS: readonly DependencySection[] = [
  'dependencies',
  'devDependencies',
  'peerDependencies',
  'optionalDependencies',
];

/** Deeper than this, nesting is skipped: nothing a package.json needs sits deep, and the parser recurses. */
const MAX_DEPTH = 200;

const ERROR_MESSAGES: Readonly<Record<number, string>> = {
  [ParseErrorCode.InvalidSymbol]: 'This is not JSON',
  [ParseErrorCode.InvalidNumberFormat]: 'This number is not written as JSON allows',
  [ParseErrorCode.PropertyNameExpected]: 'A property name in double quotes is expected here',
  [ParseErrorCode.ValueExpected]: 'A value is expected here',
  [ParseErrorCode.ColonExpected]: 'A `:` is expected after the property name',
  [ParseErrorCode.CommaExpected]: 'A comma is expected between these entries',
  [ParseErrorCode.CloseBraceExpected]: 'A `}` is expected to close the object',
  [ParseErrorCode.CloseBracketExpected]: 'A `]` is expected to close the array',
  [ParseErrorCode.EndOfFileExpected]: 'Nothing may follow the end of the top-level object',
  [ParseErrorCode.InvalidCommentToken]: 'JSON has no comments',
  [ParseErrorCode.UnexpectedEndOfComment]: 'This comment is never closed',
  [ParseErrorCode.UnexpectedEndOfString]: 'This string is never closed with `"`',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'This number ends too early',
  [ParseErrorCode.InvalidUnicode]: 'A `\\u` escape needs four hexadecimal digits',
  [ParseErrorCode.InvalidEscapeCharacter]: 'JSON knows no such escape sequence',
  [ParseErrorCode.InvalidCharacter]: 'Control characters must be escaped inside JSON strings',
};

interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * `text` with every value nested deeper than `MAX_DEPTH` blanked out (same length, so offsets
 * hold), and where those values stood.
 */
function flattenDeepNesting(text: string): { text: string; cuts: Span[] } {
  const scanner = createScanner(text, true);
  const cuts: Span[] = [];
  let depth = 0;
  let cutStart = -1;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.OpenBraceToken || kind === SyntaxKind.OpenBracketToken) {
      depth++;
      if (depth === MAX_DEPTH + 1 && cutStart < 0) cutStart = scanner.getTokenOffset();
    } else if (kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) {
      if (depth > 0) depth--;
      if (depth === MAX_DEPTH && cutStart >= 0) {
        cuts.push({ start: cutStart, end: scanner.getTokenOffset() + scanner.getTokenLength() });
        cutStart = -1;
      }
    }
  }
  if (cutStart >= 0) cuts.push({ start: cutStart, end: text.length });
  if (cuts.length === 0) return { text, cuts };

  const pieces: string[] = [];
  let from = 0;
  for (const cut of cuts) {
    pieces.push(text.slice(from, cut.start), '0', ' '.repeat(cut.end - cut.start - 1));
    from = cut.end;
  }
  pieces.push(text.slice(from));
  return { text: pieces.join(''), cuts };
}

/** A registry range (`^14.2.0`, `latest`, `*`), not an alias, protocol, path, URL or tarball. */
function isRegistrySpec(spec: string): boolean {
  const trimmed = spec.trim();
  // `npm:`, `workspace:`, `file:`, `link:`, `portal:`, `patch:`, `catalog:`, `git+ssh:`, `github:`,
  // `https:`, and Windows paths (`C:`).
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return false;
  // `user/repo`, `./dir`, `~/dir`, `..\\dir`.
  if (/[/\\]/.test(trimmed) || trimmed === '.' || trimmed === '..') return false;
  return !/\.(?:tgz|tar|tar\.gz)$/i.test(trimmed);
}

class PackageJsonReader {
  readonly problems: ParseProblem[] = [];

  constructor(
    private readonly text: string,
    private readonly index: LineIndex,
  ) {}

  range(start: number, end: number): Range {
    return this.index.rangeOf(start, end);
  }

  problem(start: number, end: number, message: string): void {
    this.problems.push({ range: this.range(start, end), message });
  }

  /** The last property named `key`, as `JSON.parse` (and so npm) keeps the last of duplicates. */
  property(object: Node | undefined, key: string): Node | undefined {
    if (object?.type !== 'object') return undefined;
    let found: Node | undefined;
    for (const property of object.children ?? []) {
      if (property.children?.[0]?.value === key) found = property.children[1];
    }
    return found;
  }

  /** Where a string's characters stand, quotes left out. */
  inner(node: Node): Span {
    const start = node.offset + 1;
    const closed = node.length >= 2 && this.text[node.offset + node.length - 1] === '"';
    return { start, end: node.offset + node.length - (closed ? 1 : 0) };
  }

  /** The string, or a problem saying what was expected, when the node is something else. */
  string(node: Node | undefined, what: string, example: string): Located | undefined {
    if (!node) return undefined;
    if (node.type !== 'string' || typeof node.value !== 'string') {
      this.problem(
        node.offset,
        node.offset + node.length,
        `${what} must be a string, such as \`${example}\`; npm and Corepack cannot use anything else.`,
      );
      return undefined;
    }
    const { start, end } = this.inner(node);
    return { value: node.value, range: this.range(start, end) };
  }

  /** The object, or a problem when the node is something else. */
  object(node: Node | undefined, what: string): Node | undefined {
    if (!node) return undefined;
    if (node.type === 'object') return node;
    this.problem(
      node.offset,
      node.offset + node.length,
      `${what} must be an object (\`{ … }\`); npm cannot use anything else.`,
    );
    return undefined;
  }

  packageManager(node: Node | undefined): PackageManagerField | undefined {
    const located = this.string(node, '`packageManager`', 'pnpm@9.1.0');
    if (!node || !located) return undefined;
    const value = located.value;
    const { start, end } = this.inner(node);
    // Offsets inside the value hold only when it is written without escapes.
    const exact = this.text.slice(start, end) === value;
    const at = value.indexOf('@', 1);
    const name = at < 0 ? value : value.slice(0, at);
    const nameRange = exact ? this.range(start, start + name.length) : located.range;
    if (at < 0) {
      this.problem(
        start,
        end,
        `Corepack needs a version in \`packageManager\`. Write it as \`${name || 'pnpm'}@9.1.0\`.`,
      );
      return { name, range: located.range, nameRange };
    }
    const plus = value.indexOf('+', at + 1);
    const version = value.slice(at + 1, plus < 0 ? value.length : plus);
    const versionStart = start + at + 1;
    return {
      name,
      version,
      range: located.range,
      nameRange,
      versionRange: exact ? this.range(versionStart, versionStart + version.length) : located.range,
    };
  }

  dependencies(root: Node): NpmDependency[] {
    const found: NpmDependency[] = [];
    for (const section of SECTIONS) {
      const object = this.object(this.property(root, section), `\`${section}\``);
      const bySection = new Map<string, NpmDependency>();
      for (const property of object?.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key?.type !== 'string' || typeof key.value !== 'string' || !value) continue;
        const spec = this.string(value, `The version of \`${key.value}\``, '^1.2.0');
        if (!spec || !isRegistrySpec(spec.value)) continue;
        const name = this.inner(key);
        // A repeated name counts once, as its last entry, which is the one npm keeps.
        bySection.delete(key.value);
        bySection.set(key.value, {
          section,
          name: key.value,
          nameRange: this.range(name.start, name.end),
          spec: spec.value,
          specRange: spec.range,
        });
      }
      found.push(...bySection.values());
    }
    return found;
  }
}

/** What went wrong at `error` and where; a trailing comma is named, and pointed at, as the cause. */
function describeError(text: string, error: ParseError): Span & { message: string } {
  const closing = text[error.offset];
  if (closing === '}' || closing === ']') {
    let before = error.offset - 1;
    while (before >= 0 && /\s/.test(text[before] ?? '')) before--;
    if (text[before] === ',') {
      return {
        start: before,
        end: before + 1,
        message: `JSON allows no comma before \`${closing}\`, and npm cannot read package.json with one. Remove the comma.`,
      };
    }
  }
  const what = ERROR_MESSAGES[error.error] ?? 'This is not valid JSON';
  return {
    start: error.offset,
    end: error.offset + error.length,
    message: `${what}. npm cannot read package.json until this is fixed.`,
  };
}

function errorProblems(
  reader: PackageJsonReader,
  text: string,
  errors: readonly ParseError[],
): void {
  let last = -1;
  for (const error of errors) {
    // One place often yields several errors (a missing name, then a missing value): keep the first.
    if (error.offset === last) continue;
    last = error.offset;
    const { start, end, message } = describeError(text, error);
    reader.problem(start, end, message);
  }
}

export function parsePackageJson(text: string): PackageJsonFacts {
  const index = new LineIndex(text);
  // A byte order mark is no JSON; a blank of the same length keeps every offset.
  const unmarked = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  const flat = flattenDeepNesting(unmarked);
  const reader = new PackageJsonReader(flat.text, index);

  if (flat.text.trim() === '') {
    reader.problem(
      0,
      text.length,
      'package.json is empty, and npm cannot read it. Write `{}` at least.',
    );
    return { kind: 'package.json', dependencies: [], problems: reader.problems };
  }
  const errors: ParseError[] = [];
  const root = parseTree(flat.text, errors, { disallowComments: true, allowTrailingComma: false });
  errorProblems(reader, flat.text, errors);
  for (const cut of flat.cuts) {
    reader.problem(
      cut.start,
      cut.end,
      `This value is nested more than ${MAX_DEPTH} levels deep and is not read. Nothing in package.json needs such depth.`,
    );
  }

  const facts: PackageJsonFacts = { kind: 'package.json', dependencies: [], problems: [] };
  if (root && root.type !== 'object') {
    reader.problem(
      root.offset,
      root.offset + root.length,
      'package.json must hold a JSON object (`{ … }`); npm cannot read anything else.',
    );
  }
  if (root?.type !== 'object') {
    return { ...facts, problems: limitProblems(sortProblems(reader.problems)) };
  }

  const engines = reader.object(reader.property(root, 'engines'), '`engines`');
  const volta = reader.object(reader.property(root, 'volta'), '`volta`');
  const enginesNode = reader.string(reader.property(engines, 'node'), '`engines.node`', '>=20');
  const voltaNode = reader.string(reader.property(volta, 'node'), '`volta.node`', '20.11.1');
  const packageManager = reader.packageManager(reader.property(root, 'packageManager'));
  const dependencies = reader.dependencies(root);
  return {
    ...facts,
    ...(enginesNode ? { enginesNode } : {}),
    ...(voltaNode ? { voltaNode } : {}),
    ...(packageManager ? { packageManager } : {}),
    dependencies,
    problems: limitProblems(sortProblems(reader.problems)),
  };
}
