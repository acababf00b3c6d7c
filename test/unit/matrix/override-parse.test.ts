import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  formatProblem,
  MAX_OVERRIDE_LENGTH,
  parseMatrixOverride,
} from '../../../server/src/matrix/load';

const FILE = '.cleanstart/matrix.yaml';

/** The same text with each line-ending style. */
function lineEndings(text: string): [string, string][] {
  return [
    ['LF', text],
    ['CRLF', text.replace(/\n/g, '\r\n')],
    ['CR', text.replace(/\n/g, '\r')],
  ];
}

/** The problems as `file:line:col: reason`, or fails when the override was accepted. */
function problems(text: string): string[] {
  const result = parseMatrixOverride(text, FILE);
  assert.equal(result.ok, false, 'expected the override to be rejected');
  return result.ok ? [] : result.problems.map(formatProblem);
}

function expectProblems(text: string, expected: string[]): void {
  for (const [style, variant] of lineEndings(text)) {
    assert.deepEqual(problems(variant), expected, style);
  }
}

void describe('parseMatrixOverride accepts', () => {
  void it('entries and a source, with every line ending', () => {
    const text = [
      'source:',
      '  origin: Platform team',
      'entries:',
      '  - id: runtime/python/3.12',
      '    tier: 2',
      '    notes: Pinned by the platform team',
      '',
    ].join('\n');
    for (const [style, variant] of lineEndings(text)) {
      const result = parseMatrixOverride(variant, FILE);
      assert.ok(result.ok, style);
      assert.deepEqual(result.override.data, {
        source: { origin: 'Platform team' },
        entries: [{ id: 'runtime/python/3.12', tier: 2, notes: 'Pinned by the platform team' }],
      });
      assert.deepEqual(result.override.locate(['entries', 0, 'tier']), { line: 5, column: 11 });
    }
  });

  void it('a byte order mark, counting columns without it', () => {
    const result = parseMatrixOverride('\uFEFFentries:\n  - id: runtime/go/1.22\n', FILE);
    assert.ok(result.ok);
    assert.deepEqual(result.override.locate(['entries', 0, 'id']), { line: 2, column: 9 });
  });

  void it('an empty file or one with comments only, as a change of nothing', () => {
    for (const text of ['', '# nothing yet\n', '\n\n']) {
      const result = parseMatrixOverride(text, FILE);
      assert.ok(result.ok);
      assert.deepEqual(result.override.data, {});
    }
  });

  void it('anchors and aliases', () => {
    const text = [
      'entries:',
      '  - id: runtime/python/3.12',
      '    names: &images { images: [python, acme/python] }',
      '  - id: runtime/python/3.11',
      '    names: *images',
      '',
    ].join('\n');
    const result = parseMatrixOverride(text, FILE);
    assert.ok(result.ok);
    assert.deepEqual(result.override.data.entries?.[1]?.names, {
      images: ['python', 'acme/python'],
    });
  });
});

void describe('parseMatrixOverride reports with positions', () => {
  void it('YAML syntax errors', () => {
    expectProblems('entries:\n  - id: runtime/python/3.12\n    notes: a: b\n', [
      `${FILE}:3:12: YAML syntax: Nested mappings are not allowed in compact mappings`,
    ]);
    expectProblems('entries:\n\t- id: runtime/python/3.12\n', [
      `${FILE}:2:1: YAML syntax: Tabs are not allowed as indentation`,
    ]);
  });

  void it('a duplicate key, by name', () => {
    expectProblems('entries:\n  - id: runtime/python/3.12\n    tier: 2\n    tier: 3\n', [
      `${FILE}:4:5: duplicate key \`tier\``,
    ]);
  });

  void it('more than one document', () => {
    const [first] = problems('entries: []\n---\nentries: []\n');
    assert.match(first ?? '', /^\.cleanstart\/matrix\.yaml:2:1: YAML syntax: .*multiple documents/);
  });

  void it('a document that is not a mapping', () => {
    expectProblems('- id: runtime/python/3.12\n', [
      `${FILE}:1:1: expected a mapping with \`entries\`, found a list`,
    ]);
    expectProblems('\n  just words\n', [
      `${FILE}:2:3: expected a mapping with \`entries\`, found a single value`,
    ]);
  });

  void it('a value of the wrong type', () => {
    expectProblems('entries:\n  - id: runtime/python/3.12\n    tier: high\n', [
      `${FILE}:3:11: \`tier\` must be one of: 1, 2, 3`,
    ]);
    expectProblems('entries:\n  id: runtime/python/3.12\n', [
      `${FILE}:2:3: \`entries\` must be a list`,
    ]);
    expectProblems('entries:\n  - id: runtime/python/3.12\n    notes: [a, b]\n', [
      `${FILE}:3:12: \`notes\` must be text`,
    ]);
  });

  void it('a value of the wrong form', () => {
    expectProblems(
      'entries:\n  - id: runtime/python/3.12\n    support: { kind: date, date: 2027-13 }\n',
      [`${FILE}:3:34: \`support.date\` must be a month or a day, as YYYY-MM or YYYY-MM-DD`],
    );
    expectProblems('entries:\n  - id: runtime/python/3.12\n    support: { kind: someday }\n', [
      `${FILE}:3:22: unknown \`kind\` "someday"`,
    ]);
  });

  void it('an unknown field, at its key', () => {
    expectProblems('entries:\n  - id: runtime/python/3.12\n    tierr: 2\n', [
      `${FILE}:3:5: unknown field \`tierr\``,
    ]);
    expectProblems('entry:\n  - id: runtime/python/3.12\n', [
      `${FILE}:1:1: unknown field \`entry\``,
    ]);
  });

  void it('an entry without an id', () => {
    expectProblems('entries:\n  - tier: 2\n', [`${FILE}:2:5: missing required field \`id\``]);
  });

  void it('a repeated id, naming the first', () => {
    expectProblems(
      'entries:\n  - id: runtime/python/3.12\n    tier: 2\n  - id: runtime/python/3.12\n    tier: 3\n',
      [`${FILE}:4:9: duplicate id \`runtime/python/3.12\`, first used on line 2`],
    );
  });

  void it('a binary file', () => {
    expectProblems('\u0000\u0001\u0002PNG\u0000', [
      `${FILE}:1:1: the file is binary, not YAML text: save it as UTF-8 text`,
    ]);
    // UTF-16 read as UTF-8: every other byte is zero.
    expectProblems('e\u0000n\u0000t\u0000r\u0000', [
      `${FILE}:1:1: the file is binary, not YAML text: save it as UTF-8 text`,
    ]);
  });

  void it('a huge file, without parsing it', () => {
    const text = `entries:\n${'  - id: runtime/python/3.12\n'.repeat(MAX_OVERRIDE_LENGTH / 16)}`;
    const [only, ...rest] = problems(text);
    assert.match(
      only ?? '',
      /^\.cleanstart\/matrix\.yaml:1:1: the file is \d+ KB, over the 1024 KB/,
    );
    assert.deepEqual(rest, []);
  });

  void it('at most twenty problems', () => {
    const entries = Array.from({ length: 30 }, (_, index) => `  - id: x/${index}\n    bad: 1\n`);
    const found = problems(`entries:\n${entries.join('')}`);
    assert.equal(found.length, 20);
    assert.match(found[19] ?? '', /and 11 more problems$/);
  });
});
