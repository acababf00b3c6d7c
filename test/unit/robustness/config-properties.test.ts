import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze, type Analysis } from '../../../server/src/engine/analyze';
import { applyConfig, parseConfig } from '../../../server/src/engine/config';
import { DEFAULT_SETTINGS } from '../../../server/src/engine/settings';
import {
  BUNDLED_MATRIX,
  loadEffectiveMatrix,
  parseMatrixOverride,
} from '../../../server/src/matrix/load';
import { TODAY } from '../engine/helpers';
import { applyMutation, decodeLossy, randomText } from './arbitraries';
import { FIXTURES } from './fixtures';
import { assertProperty } from './fuzzing';
import { assertAnalysisInside, assertFixClears, DocumentShape } from './invariants';
import { AWKWARD } from './vocabulary';
import { stringify } from 'yaml';

const CONFIG = [
  '# Project settings for CleanStart checks',
  'rules:',
  '  shell-form: error',
  '  native-extension: off',
  'lookaheadDays: 120',
  'reportNewerVersions: true',
  'matrix: .cleanstart/matrix.yaml',
  'today: 2026-12-03',
  'ignore:',
  '  - vendor/**',
  '  - "**/testdata/**"',
  'suppressions:',
  '  - rule: runtime-support',
  '    match: python',
  '    reason: Pinned by the platform team',
  '    until: 2027-03-31',
  '    files: ["services/legacy/**"]',
  '  - rule: all',
  '    reason: generated code',
  '',
].join('\n');

const OVERRIDE = [
  'source:',
  '  origin: Platform team',
  '  updated: 2026-11-01',
  'entries:',
  '  - id: runtime/python/3.12',
  '    tier: 2',
  '    notes: Pinned by the platform team',
  '  - id: framework/python/django/3.2',
  "    range: '>=3.2 <3.3'",
  '    tier: 1',
  '    names: { pypi: [django, django-lts] }',
  '  - id: framework/python/flask/3',
  '    category: framework',
  '    language: python',
  '    name: Flask',
  '    version: 3.x',
  "    range: '>=3 <4'",
  '    tier: 2',
  '    support: { kind: date, date: 2027-06 }',
  '    notes: Tested by the platform team',
  '    section: Python Framework Compatibility',
  '    names: { pypi: [flask] }',
  '',
].join('\n');

const YAML_WORDS = [
  'entries:',
  '\n  - id: ',
  'runtime/python/3.9',
  'framework/python/django/3.2',
  'rules:',
  'suppressions:',
  '\n  - rule: ',
  'runtime-support',
  'tier: ',
  '1',
  '4',
  '-1',
  'range: ',
  "'>=3.2 <3.3'",
  "'*'",
  "'>=3 || <1'",
  'support: { kind: date, date: 2027-06 }',
  'support: { kind: rule }',
  'until: 2026-13-40',
  'today: 2026-02-30',
  'lookaheadDays: 99999',
  'names: { pypi: [django] }',
  '{',
  '}',
  '[',
  ']',
  ': ',
  '- ',
  '? ',
  '&anchor ',
  '*anchor',
  '<<: *anchor',
  '!!str ',
  '!!binary ',
  '|',
  '>-',
  '---\n',
  '...\n',
  '%YAML 1.2\n',
  '~',
  'null',
  '0x1F',
  '1e400',
  '#',
  '\n',
  '  ',
  '\t',
];

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...YAML_WORDS) },
  { weight: 1, arbitrary: fc.constantFrom(...AWKWARD) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);

const yamlSoup = fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join(''));

/** Edits that keep the text YAML-shaped often enough to reach the schema checks. */
function mutatedYaml(base: string): fc.Arbitrary<string> {
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: piece }),
    fc.record({
      kind: fc.constant('delete' as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 20 }),
    }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({
      kind: fc.constant('line-endings' as const),
      lineBreak: fc.constantFrom('\r\n' as const, '\r' as const),
    }),
    fc.record({ kind: fc.constant('byte-order-mark' as const) }),
    fc.record({ kind: fc.constant('tabs' as const) }),
  );
  return fc
    .array(edit, { minLength: 1, maxLength: 3 })
    .map((edits) => edits.reduce(applyMutation, base));
}

function yamlText(base: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: mutatedYaml(base) },
    { weight: 2, arbitrary: yamlSoup },
    { weight: 1, arbitrary: randomText },
  );
}

const RANGES = [
  '*',
  '>=3.2 <3.3',
  '>=4',
  '<1',
  '>=0 <1',
  '>=3.9 <3.10 || >=3.12',
  '>=20 <21',
  '=1.22',
];

const MONTH = fc
  .record({ year: fc.integer({ min: 2019, max: 2033 }), month: fc.integer({ min: 1, max: 12 }) })
  .map(({ year, month }) => `${year}-${String(month).padStart(2, '0')}`);

const SUPPORT = fc.oneof(
  fc.record({ kind: fc.constant('date'), date: MONTH }),
  fc.record({ kind: fc.constant('open-ended'), from: MONTH }),
  fc.record({
    kind: fc.constant('rolling'),
    description: fc.constant('Latest two minor versions'),
  }),
  fc.constant({ kind: 'ended' }),
  fc.constant({ kind: 'none' }),
);

/** Changes to bundled entries that the schema accepts: tiers, ranges and support windows. */
const validOverride = fc
  .array(
    fc.record(
      {
        id: fc.constantFrom(...BUNDLED_MATRIX.entries.map((entry) => entry.id)),
        tier: fc.constantFrom(1, 2, 3),
        range: fc.constantFrom(...RANGES),
        support: SUPPORT,
      },
      { requiredKeys: ['id'] },
    ),
    { maxLength: 12 },
  )
  .map((entries) => {
    const unique = [...new Map(entries.map((entry) => [entry.id, entry])).values()];
    return stringify({ source: { origin: 'Platform team' }, entries: unique });
  });

/** A 1-based line and column that lie in the text (the column may stand just past a line). */
function assertPlace(text: string, line: number, column: number, message: string): void {
  const shape = new DocumentShape(text.startsWith('\ufeff') ? text.slice(1) : text);
  assert.ok(
    Number.isInteger(line) && line >= 1 && line <= shape.lineCount,
    `line ${line}: ${message}`,
  );
  const problem = shape.positionProblem({ line: line - 1, character: column - 1 });
  assert.equal(problem, undefined, `column ${column} on line ${line}: ${message}`);
  assert.notEqual(message.trim(), '');
}

describe('config and matrix override files, broken and random', () => {
  it('reads any .cleanstart.yaml without throwing, with problems placed in the file', (t) => {
    assertProperty(
      t.name,
      fc.property(yamlText(CONFIG), (text) => {
        const { config, problems } = parseConfig(text);
        for (const problem of problems)
          assertPlace(text, problem.line, problem.column, problem.message);
        const settings = applyConfig(DEFAULT_SETTINGS, config);
        const fixture = FIXTURES[0];
        if (fixture === undefined) return;
        const analysis = analyze({
          fileName: fixture.fileName,
          text: fixture.text,
          matrix: BUNDLED_MATRIX,
          settings,
          today: config.today ?? TODAY,
          suppressions: config.suppressions,
        });
        assertAnalysisInside(fixture.text, analysis);
      }),
      300,
    );
  });

  it('reads any matrix override without throwing, with problems placed in the file', (t) => {
    assertProperty(
      t.name,
      fc.property(yamlText(OVERRIDE), (text) => {
        const result = parseMatrixOverride(text, '.cleanstart/matrix.yaml');
        if (result.ok) return;
        for (const problem of result.problems) {
          assertPlace(text, problem.line, problem.column, problem.message);
        }
      }),
      300,
    );
  });

  it('analyses every fixture with any matrix an override yields, and its fixes hold', (t) => {
    let merged = 0;
    let cases = 0;
    assertProperty(
      t.name,
      fc.property(fc.oneof(validOverride, mutatedYaml(OVERRIDE)), (text) => {
        cases++;
        const effective = loadEffectiveMatrix(text, '.cleanstart/matrix.yaml');
        if (effective.problems.length > 0) {
          assert.equal(effective.matrix, BUNDLED_MATRIX, 'a broken override applies not at all');
          return;
        }
        merged++;
        for (const fixture of FIXTURES) {
          const analyzeText = (text: string): Analysis =>
            analyze({
              fileName: fixture.fileName,
              text,
              matrix: effective.matrix,
              settings: DEFAULT_SETTINGS,
              today: TODAY,
            });
          const analysis = analyzeText(fixture.text);
          assertAnalysisInside(fixture.text, analysis);
          for (const finding of analysis.findings) {
            for (const fix of finding.fixes)
              assertFixClears(fixture.text, finding, fix, analyzeText);
          }
        }
      }),
      100,
    );
    assert.ok(merged * 4 >= cases, `only ${merged} of ${cases} overrides applied`);
  });

  it('refuses an alias bomb, a binary file and bytes that are not UTF-8 with problems', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
      'f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]',
      'entries: [*f]',
      '',
    ].join('\n');
    const noise = decodeLossy(Uint8Array.from({ length: 4096 }, (_, i) => (i * 31 + 7) & 0xff));
    for (const text of [
      bomb,
      noise,
      '\u0000entries: []',
      `entries:\n${'  - x\n'.repeat(50_000)}`,
    ]) {
      const result = parseMatrixOverride(text, '.cleanstart/matrix.yaml');
      assert.equal(result.ok, false, text.slice(0, 40));
      assert.ok(result.problems.length > 0 && result.problems.length <= 20);
      const { problems } = parseConfig(text);
      for (const problem of problems) assert.ok(problem.line >= 1 && problem.column >= 1);
    }
  });
});
