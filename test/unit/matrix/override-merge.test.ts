import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  BUNDLED_MATRIX,
  checkBundledMatrix,
  formatProblem,
  loadEffectiveMatrix,
  mergeMatrix,
  parseMatrixOverride,
  type MatrixOverride,
} from '../../../server/src/matrix/load';
import { indexMatrix } from '../../../server/src/matrix/lookup';
import { recommendedVersion } from '../../../server/src/matrix/status';
import type { Matrix, MatrixEntry } from '../../../server/src/matrix/types';

const FILE = '.cleanstart/matrix.yaml';

function override(text: string): MatrixOverride {
  const parsed = parseMatrixOverride(text, FILE);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.problems.map(formatProblem).join('\n'));
  return parsed.override;
}

function merged(text: string): Matrix {
  const result = mergeMatrix(BUNDLED_MATRIX, override(text), FILE);
  assert.ok(result.ok, result.ok ? '' : result.problems.map(formatProblem).join('\n'));
  return result.matrix;
}

function problems(text: string): string[] {
  const result = mergeMatrix(BUNDLED_MATRIX, override(text), FILE);
  assert.equal(result.ok, false, 'expected the merge to fail');
  return result.ok ? [] : result.problems.map(formatProblem);
}

function entryOf(matrix: Matrix, id: string): MatrixEntry {
  const found = matrix.entries.find((candidate) => candidate.id === id);
  assert.ok(found, `no entry ${id}`);
  return found;
}

const NEW_PYTHON = [
  'entries:',
  '  - id: runtime/python/3.13',
  '    category: runtime',
  '    language: python',
  '    name: Python',
  '    version: "3.13"',
  "    range: '>=3.13 <3.14'",
  '    tier: 1',
  '    coverage: Full',
  '    supportEnds: Oct 2029',
  "    support: { kind: date, date: '2029-10' }",
  "    section: 'Language Runtime Matrix: Python'",
  '    names: { images: [python] }',
  '',
].join('\n');

void describe('mergeMatrix', () => {
  void it('merges an existing entry field by field', () => {
    const matrix = merged('entries:\n  - id: runtime/python/3.12\n    tier: 2\n    notes: Ours\n');
    const bundled = entryOf(BUNDLED_MATRIX, 'runtime/python/3.12');
    assert.deepEqual(entryOf(matrix, 'runtime/python/3.12'), {
      ...bundled,
      tier: 2,
      notes: 'Ours',
    });
    assert.equal(matrix.entries.length, BUNDLED_MATRIX.entries.length);
    assert.equal(entryOf(BUNDLED_MATRIX, 'runtime/python/3.12').tier, 1, 'bundled left alone');
  });

  void it('replaces a support window whole and merges names per kind', () => {
    const matrix = merged(
      [
        'entries:',
        '  - id: runtime/node/20',
        "    support: { kind: date, date: '2027-04-30' }",
        '    names: { commands: [node20] }',
        '',
      ].join('\n'),
    );
    const node = entryOf(matrix, 'runtime/node/20');
    assert.deepEqual(node.support, { kind: 'date', date: '2027-04-30' });
    assert.deepEqual(node.names?.commands, ['node20']);
    assert.deepEqual(node.names?.images, entryOf(BUNDLED_MATRIX, 'runtime/node/20').names?.images);
  });

  void it('adds a complete new entry that lookups and recommendations then use', () => {
    const matrix = merged(NEW_PYTHON);
    assert.equal(matrix.entries.at(-1)?.id, 'runtime/python/3.13');
    const index = indexMatrix(matrix);
    assert.equal(index.entryForRuntimeVersion('python', '3.13.1')?.id, 'runtime/python/3.13');
    assert.equal(
      recommendedVersion(matrix, 'python', '2026-12-03')?.entry.id,
      'runtime/python/3.13',
    );
  });

  void it('names the override in the source', () => {
    assert.equal(merged('entries: []\n').source.origin, `bundled + ${FILE}`);
    const described = merged('source:\n  origin: Acme platform team\n  updated: 2026-12-01\n');
    assert.equal(described.source.origin, `bundled + ${FILE} (Acme platform team)`);
    assert.equal(described.source.updated, '2026-12-01');
    assert.equal(described.source.title, BUNDLED_MATRIX.source.title);
  });

  void it('reports every missing field of an incomplete new entry at the entry', () => {
    const text = [
      'entries:',
      '  - id: runtime/python/3.12',
      '    tier: 2',
      '  - id: runtime/python/3.13',
      '    category: runtime',
      '    language: python',
      '    name: Python',
      '',
    ].join('\n');
    assert.deepEqual(problems(text), [
      `${FILE}:4:5: new entry \`runtime/python/3.13\`: missing required fields \`version\`, ` +
        '`coverage`, `supportEnds`, `range`, `tier`, `support`, `section` ' +
        '(a new entry must be complete)',
    ]);
  });

  void it('checks an existing entry as merged, pointing into the override', () => {
    // A framework made a runtime needs what runtimes need.
    assert.deepEqual(
      problems('entries:\n  - id: framework/python/flask/3\n    category: runtime\n'),
      [
        `${FILE}:2:5: entry \`framework/python/flask/3\`: missing required fields \`coverage\`, ` +
          '`supportEnds`',
      ],
    );
  });

  void it('keeps ids in line with categories', () => {
    const text = NEW_PYTHON.replace('id: runtime/python/3.13', 'id: framework/python/3.13');
    assert.deepEqual(problems(text), [
      `${FILE}:2:9: new entry \`framework/python/3.13\`: the id must start with the category ` +
        '`runtime/`',
    ]);
  });

  void it('rejects dates that do not exist and rule dates that do not follow the rule', () => {
    assert.deepEqual(
      problems(
        "entries:\n  - id: runtime/python/3.12\n    support: { kind: date, date: '2027-02-30' }\n",
      ),
      [
        `${FILE}:3:34: entry \`runtime/python/3.12\`: \`support.date\` "2027-02-30" is not a real ` +
          'month or day',
      ],
    );
    const rule = [
      'entries:',
      '  - id: runtime/ruby/3.3',
      '    support:',
      '      kind: rule',
      '      rule: 3 years after release',
      "      released: '2023-12-25'",
      "      date: '2027-12-25'",
      '      source: ruby-lang.org',
      '',
    ].join('\n');
    assert.deepEqual(problems(rule), [
      `${FILE}:7:13: entry \`runtime/ruby/3.3\`: \`support.date\` must be 2026-12-25: 3 years ` +
        'after release from 2023-12-25',
    ]);
  });
});

void describe('loadEffectiveMatrix', () => {
  void it('is the bundled matrix when there is no override', () => {
    const effective = loadEffectiveMatrix(undefined, FILE);
    assert.equal(effective.matrix, BUNDLED_MATRIX);
    assert.deepEqual(effective.problems, []);
  });

  void it('applies a good override', () => {
    const effective = loadEffectiveMatrix(NEW_PYTHON.replace(/\n/g, '\r\n'), FILE);
    assert.deepEqual(effective.problems, []);
    assert.equal(effective.matrix.entries.length, BUNDLED_MATRIX.entries.length + 1);
  });

  void it('applies nothing of a broken override and keeps the bundled matrix', () => {
    const syntax = loadEffectiveMatrix('entries:\n  - id: [\n', FILE);
    assert.equal(syntax.matrix, BUNDLED_MATRIX);
    assert.equal(syntax.problems.length, 1);

    const halfGood = loadEffectiveMatrix(
      `${NEW_PYTHON}  - id: runtime/go/1.22\n    tier: 9\n`,
      FILE,
    );
    assert.equal(halfGood.matrix, BUNDLED_MATRIX);
    assert.deepEqual(halfGood.problems.map(formatProblem), [
      `${FILE}:15:11: \`tier\` must be one of: 1, 2, 3`,
    ]);
  });

  void it('merges over a base given by the caller', () => {
    const base = { ...BUNDLED_MATRIX, entries: BUNDLED_MATRIX.entries.slice(0, 3) };
    const effective = loadEffectiveMatrix(NEW_PYTHON, FILE, base);
    assert.deepEqual(
      effective.matrix.entries.map((entry) => entry.id),
      [...base.entries.map((entry) => entry.id), 'runtime/python/3.13'],
    );
  });
});

void describe('checkBundledMatrix', () => {
  void it('accepts the bundled matrix', () => {
    assert.equal(checkBundledMatrix(BUNDLED_MATRIX), BUNDLED_MATRIX);
  });

  void it('throws a message that says it is a build problem and what is wrong', () => {
    const broken = { ...BUNDLED_MATRIX, tiers: [] };
    assert.throws(() => checkBundledMatrix(broken), /npm run build[\s\S]*tiers/);
    assert.throws(() => checkBundledMatrix('not a matrix'), /matrix\/schema\.json/);
  });
});
