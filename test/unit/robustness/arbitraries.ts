/**
 * Inputs for the properties: realistic fixtures broken in the ways real files get broken
 * (truncated, spliced, other line endings, a byte-order mark, tabs, NUL bytes, bytes that are no
 * UTF-8), token soups made of each format's own words, and plain random text.
 */
import fc from 'fast-check';
import { fileKindOf } from '../../../server/src/engine/analyze';
import type { RuleId } from '../../../server/src/engine/finding';
import type { FileKind } from '../../../server/src/parsers/types';
import type { CheckOptions } from '../engine/helpers';
import { FIXTURES, type Fixture } from './fixtures';
import { AWKWARD, COMMON_WORDS, WORDS } from './vocabulary';

export interface Document {
  readonly fileName: string;
  readonly text: string;
}

export const FILE_NAMES: Readonly<Record<FileKind, string>> = {
  dockerfile: 'Dockerfile',
  requirements: 'requirements.txt',
  'package.json': 'package.json',
  'go.mod': 'go.mod',
};

export const FILE_KINDS: readonly FileKind[] = [
  'dockerfile',
  'requirements',
  'package.json',
  'go.mod',
];

const bytes = fc.uint8Array({ maxLength: 12 });

/** Bytes decoded as an editor decodes a file that is not UTF-8: bad sequences become U+FFFD. */
export function decodeLossy(data: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(data);
}

/** A short piece of text to splice in: a word of the format, an awkward character or noise. */
function pieceOf(kind: FileKind): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...WORDS[kind], ...COMMON_WORDS) },
    { weight: 2, arbitrary: fc.constantFrom(...AWKWARD) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
    { weight: 1, arbitrary: bytes.map(decodeLossy) },
  );
}

/** Text made of the format's own words, in any order: it reaches deep into a parser. */
export function tokenSoup(kind: FileKind): fc.Arbitrary<string> {
  return fc.array(pieceOf(kind), { maxLength: 80 }).map((pieces) => pieces.join(''));
}

/** Text with no structure at all. */
export const randomText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'binary-ascii', maxLength: 200 }),
  fc.uint8Array({ maxLength: 200 }).map(decodeLossy),
);

export type Mutation =
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | {
      readonly kind: 'duplicate';
      readonly from: number;
      readonly length: number;
      readonly at: number;
    }
  | { readonly kind: 'line-endings'; readonly lineBreak: '\r\n' | '\r' }
  | { readonly kind: 'byte-order-mark' }
  | { readonly kind: 'tabs' }
  | { readonly kind: 'swap-case'; readonly at: number; readonly length: number }
  | { readonly kind: 'invalid-utf8'; readonly at: number; readonly bytes: Uint8Array };

function mutation(kind: FileKind): fc.Arbitrary<Mutation> {
  const at = fc.nat();
  const length = fc.integer({ min: 1, max: 40 });
  return fc.oneof(
    fc.record({ kind: fc.constant('truncate' as const), at }),
    {
      weight: 4,
      arbitrary: fc.record({ kind: fc.constant('insert' as const), at, text: pieceOf(kind) }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at, length }) },
    fc.record({ kind: fc.constant('duplicate' as const), from: at, length, at }),
    fc.record({
      kind: fc.constant('line-endings' as const),
      lineBreak: fc.constantFrom('\r\n' as const, '\r' as const),
    }),
    fc.record({ kind: fc.constant('byte-order-mark' as const) }),
    fc.record({ kind: fc.constant('tabs' as const) }),
    fc.record({ kind: fc.constant('swap-case' as const), at, length }),
    fc.record({
      kind: fc.constant('invalid-utf8' as const),
      at,
      bytes: fc.uint8Array({ minLength: 1, maxLength: 4 }),
    }),
  );
}

function swapCase(text: string): string {
  return [...text].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
}

export function applyMutation(text: string, change: Mutation): string {
  const place = (at: number): number => at % (text.length + 1);
  switch (change.kind) {
    case 'truncate':
      return text.slice(0, place(change.at));
    case 'insert':
      return text.slice(0, place(change.at)) + change.text + text.slice(place(change.at));
    case 'delete':
      return text.slice(0, place(change.at)) + text.slice(place(change.at) + change.length);
    case 'duplicate': {
      const copied = text.slice(place(change.from), place(change.from) + change.length);
      return text.slice(0, place(change.at)) + copied + text.slice(place(change.at));
    }
    case 'line-endings':
      return text.replace(/\r\n|\r|\n/g, change.lineBreak);
    case 'byte-order-mark':
      return `\ufeff${text}`;
    case 'tabs':
      return text.replace(/ /g, '\t');
    case 'swap-case': {
      const start = place(change.at);
      const end = start + change.length;
      return text.slice(0, start) + swapCase(text.slice(start, end)) + text.slice(end);
    }
    case 'invalid-utf8': {
      const encoded = new TextEncoder().encode(text);
      const cut = change.at % (encoded.length + 1);
      const spliced = new Uint8Array(encoded.length + change.bytes.length);
      spliced.set(encoded.subarray(0, cut), 0);
      spliced.set(change.bytes, cut);
      spliced.set(encoded.subarray(cut), cut + change.bytes.length);
      return decodeLossy(spliced);
    }
  }
}

export function fixturesOf(kind: FileKind): Fixture[] {
  return FIXTURES.filter((fixture) => fileKindOf(fixture.fileName) === kind);
}

/** A fixture of `kind` broken by one to four mutations, applied in order. */
export function mutatedFixture(kind: FileKind): fc.Arbitrary<Document> {
  return fc
    .record({
      fixture: fc.constantFrom(...fixturesOf(kind)),
      mutations: fc.array(mutation(kind), { minLength: 1, maxLength: 4 }),
    })
    .map(({ fixture, mutations }) => ({
      fileName: fixture.fileName,
      text: mutations.reduce(applyMutation, fixture.text),
    }));
}

/** Any document of `kind`: mostly broken fixtures, then token soups, then noise. */
export function documentOf(kind: FileKind): fc.Arbitrary<Document> {
  const fileName = FILE_NAMES[kind];
  return fc.oneof(
    { weight: 5, arbitrary: mutatedFixture(kind) },
    { weight: 3, arbitrary: tokenSoup(kind).map((text) => ({ fileName, text })) },
    { weight: 1, arbitrary: randomText.map((text) => ({ fileName, text })) },
  );
}

const RULES: readonly RuleId[] = [
  'runtime-support',
  'dependency-support',
  'package-manager-support',
  'musl-libc',
  'shell-form',
  'native-extension',
  'unused-suppression',
];

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days from 2020 to 2032: before, inside and after every support window of the matrix. */
const day = fc
  .integer({ min: Date.UTC(2020, 0, 1) / DAY_MS, max: Date.UTC(2032, 11, 31) / DAY_MS })
  .map((days) => new Date(days * DAY_MS).toISOString().slice(0, 10));

/** Settings and waivers as a project might configure them. */
export const options: fc.Arbitrary<CheckOptions> = fc.record({
  today: day,
  settings: fc.record({
    lookaheadDays: fc.integer({ min: 0, max: 3650 }),
    reportNewerVersions: fc.boolean(),
    rules: fc.dictionary(
      fc.constantFrom(...RULES),
      fc.constantFrom('error', 'warning', 'information', 'hint', 'off' as const),
      { maxKeys: 2 },
    ),
  }),
  suppressions: fc.array(
    fc.record({
      rule: fc.constantFrom(...RULES, 'all'),
      match: fc.option(fc.constantFrom('python', 'django', 'node', ''), { nil: undefined }),
      reason: fc.constant('waived'),
      until: fc.option(day, { nil: undefined }),
    }),
    { maxLength: 2 },
  ),
});
