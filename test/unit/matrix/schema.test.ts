import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import type validateMatrixFunction from '../../../server/src/matrix/generated/validateMatrix';

// Tests run from sources and from out/; the project root is the nearest folder with package.json.
function projectRoot(): string {
  for (let directory = __dirname; ; directory = dirname(directory)) {
    if (existsSync(join(directory, 'package.json'))) return directory;
    if (dirname(directory) === directory) throw new Error(`No package.json above ${__dirname}`);
  }
}

const root = projectRoot();
const readSchema = (name: string): object =>
  JSON.parse(readFileSync(join(root, 'matrix', name), 'utf8')) as object;

const ajv = new Ajv2020({ allErrors: true, discriminator: true });
ajv.addSchema(readSchema('schema.json'), 'schema.json');
ajv.addSchema(readSchema('override-schema.json'), 'override-schema.json');
// Neither schema is `$async`, so both validators answer synchronously.
const schemaValidator = (key: string): ValidateFunction => {
  const validate = ajv.getSchema(key);
  assert.ok(validate);
  return validate as ValidateFunction;
};

type Validator = typeof validateMatrixFunction;
const loadGenerated = (name: string): Validator =>
  createRequire(join(root, 'package.json'))(
    `./server/src/matrix/generated/${name}.js`,
  ) as Validator;
const generated = {
  matrix: loadGenerated('validateMatrix'),
  override: loadGenerated('validateOverride'),
};

interface BuildScript {
  checkMatrixText(
    text: string,
    options?: { file?: string },
  ): Promise<{ matrix: unknown; problems: string[] }>;
  buildMatrix(options: {
    root?: string;
    input?: string;
    outputDirectory?: string;
  }): Promise<unknown>;
}
const buildScript = async (): Promise<BuildScript> =>
  (await import(pathToFileURL(join(root, 'scripts', 'build-matrix.mjs')).href)) as BuildScript;

// A small valid matrix; each test changes one thing.
const validText = `source:
  title: Test matrix
  origin: inline
  updated: '2026-12-03'
tiers:
  - tier: 1
    title: Officially Tested
    summary: Tested in CI.
    meaning: Bugs are fixed.
    response: { kind: response-time, text: 1-2 business days }
    testingScope: Everything.
  - tier: 2
    title: Community Tested
    summary: Tested by users.
    meaning: Fixed later.
    response: { kind: fix-timeline, text: 2-4 weeks }
    testingScope: Basics.
  - tier: 3
    title: Expected Compatible
    summary: Not tested.
    meaning: No support.
    response: { kind: fix-timeline, text: 4 or more weeks }
    testingScope: None.
entries:
  - id: runtime/ruby/3.3
    category: runtime
    language: ruby
    name: Ruby
    version: '3.3'
    range: '>=3.3 <3.4'
    tier: 1
    coverage: Community
    supportEnds: 3 years after release
    support:
      kind: rule
      rule: 3 years after release
      released: '2023-12-25'
      date: '2026-12-25'
      source: release announcement
    section: 'Language Runtime Matrix: Ruby'
  - id: database-client/python/postgresql/psycopg2
    category: database-client
    language: python
    name: psycopg2
    range: '*'
    tier: 1
    support: { kind: none }
    database: PostgreSQL
    section: 'Database Client Matrix: SQL Databases'
    names: { pypi: [psycopg2, psycopg2-binary] }
incompatibilities: []
glibc: { minimum: '2.31', note: Check with ldd. }
performance: { startup: [], memory: [], note: Typical values. }
quickReference:
  - language: ruby
    versions: [{ version: '3.3' }]
reportTemplate: 'Title: [Framework] [Version] incompatibility'
`;

const parseYaml = async (text: string): Promise<Record<string, unknown>> => {
  const { parse } = await import('yaml');
  return parse(text) as Record<string, unknown>;
};

/** Validates `validText` after `change`; returns the instance paths and keywords Ajv reports. */
async function errorsAfter(change: (text: string) => string): Promise<string[]> {
  const data = await parseYaml(change(validText));
  const validate = schemaValidator('schema.json');
  const valid = validate(data);
  assert.equal(generated.matrix(data), valid, 'the standalone validator agrees with Ajv');
  return valid
    ? []
    : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.keyword}`);
}

void describe('matrix schema', () => {
  void it('accepts a valid matrix, and so does the generated validator', async () => {
    assert.deepEqual(await errorsAfter((text) => text), []);
  });

  void it('rejects a missing required field', async () => {
    const errors = await errorsAfter((text) =>
      text.replace('    tier: 1\n    coverage', '    coverage'),
    );
    assert.deepEqual(errors, ['/entries/0 required']);
  });

  void it('rejects a tier other than 1, 2 or 3', async () => {
    const errors = await errorsAfter((text) =>
      text.replace('tier: 1\n    coverage', 'tier: 4\n    coverage'),
    );
    assert.deepEqual(errors, ['/entries/0/tier enum']);
  });

  void it('rejects a date that is not YYYY-MM or YYYY-MM-DD', async () => {
    for (const date of ['2026-13', 'Dec 2026', '2026-12-32', '26-12']) {
      const errors = await errorsAfter((text) =>
        text.replace("date: '2026-12-25'", `date: '${date}'`),
      );
      assert.deepEqual(errors, ['/entries/0/support/date pattern'], date);
    }
  });

  void it('rejects an unknown category, language or support kind', async () => {
    const category = await errorsAfter((text) =>
      text.replace('category: runtime', 'category: runtimes'),
    );
    assert.ok(category.includes('/entries/0/category enum'));
    const language = await errorsAfter((text) =>
      text.replace('language: ruby\n', 'language: perl\n'),
    );
    assert.ok(language.includes('/entries/0/language enum'));
    const kind = await errorsAfter((text) => text.replace('kind: none', 'kind: forever'));
    assert.deepEqual(kind, ['/entries/1/support discriminator']);
  });

  void it('rejects an extra property', async () => {
    const errors = await errorsAfter((text) =>
      text.replace('    tier: 1\n', '    tier: 1\n    colour: red\n'),
    );
    assert.deepEqual(errors, ['/entries/0 additionalProperties']);
  });

  void it('rejects a range outside the range syntax', async () => {
    for (const range of ['3.x', '>= 3.3', '>=3.3  <3.4', '^3.3', '>=3.3 || *', '']) {
      const errors = await errorsAfter((text) =>
        text.replace("range: '>=3.3 <3.4'", `range: '${range}'`),
      );
      assert.ok(errors.includes('/entries/0/range pattern'), range);
    }
    for (const range of ['*', '>=3', '<1.24', '=3.3.1', '>=1 <2 || >=3 <4']) {
      const errors = await errorsAfter((text) =>
        text.replace("range: '>=3.3 <3.4'", `range: '${range}'`),
      );
      assert.deepEqual(errors, [], range);
    }
  });

  void it('requires the fields each category needs', async () => {
    const errors = await errorsAfter((text) => text.replace('    database: PostgreSQL\n', ''));
    assert.ok(errors.includes('/entries/1 required'));
  });

  void it('rejects PyPI names that pip would normalise differently', async () => {
    const errors = await errorsAfter((text) =>
      text.replace('psycopg2-binary]', 'Psycopg2_Binary]'),
    );
    assert.deepEqual(errors, ['/entries/1/names/pypi/1 pattern']);
  });
});

void describe('override schema', () => {
  const check = (data: unknown): boolean => {
    const validate = schemaValidator('override-schema.json');
    const valid = validate(data);
    assert.equal(generated.override(data), valid, 'the standalone validator agrees with Ajv');
    return valid;
  };

  void it('accepts an entry with only an id and the fields it changes', () => {
    assert.ok(check({ entries: [{ id: 'runtime/python/3.10', tier: 1 }] }));
    assert.ok(check({ source: { title: 'Acme overrides' }, entries: [] }));
    assert.ok(
      check({
        entries: [{ id: 'runtime/python/3.10', support: { kind: 'date', date: '2027-04' } }],
      }),
    );
  });

  void it('rejects an entry without id, an unknown field and bad values', () => {
    assert.equal(check({ entries: [{ tier: 1 }] }), false);
    assert.equal(check({ entries: [{ id: 'runtime/python/3.10', colour: 'red' }] }), false);
    assert.equal(check({ entries: [{ id: 'runtime/python/3.10', tier: 5 }] }), false);
    assert.equal(check({ entries: [{ id: 'runtime/python/3.10', range: '3.x' }] }), false);
    assert.equal(check({ entries: [], tiers: [] }), false);
  });
});

/** `matrix/matrix.yaml:LINE:COL: ` where `snippet` first appears in `text`, 1-based. */
function positionOf(text: string, snippet: string, offsetInSnippet = 0): string {
  const offset = text.indexOf(snippet) + offsetInSnippet;
  assert.ok(offset >= offsetInSnippet, snippet);
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return `matrix/matrix.yaml:${before.length}:${(before.at(-1)?.length ?? 0) + 1}: `;
}

async function problemsOf(text: string): Promise<string[]> {
  const { problems } = await (await buildScript()).checkMatrixText(text);
  return problems;
}

void describe('build check', () => {
  for (const [ending, name] of [
    ['\n', 'LF'],
    ['\r\n', 'CRLF'],
    ['\r', 'CR'],
  ] as const) {
    void it(`reports schema problems at file:line:col with ${name} line endings`, async () => {
      const text = validText
        .replace('tier: 1\n    coverage', 'tier: 4\n    coverage')
        .replace("    section: 'Lang", "    colour: red\n    section: 'Lang")
        .replace(/\n/g, ending);
      const problems = await problemsOf(text);
      assert.equal(problems.length, 2, problems.join('\n'));
      assert.ok(problems[0]?.startsWith(positionOf(text, 'tier: 4', 6)), problems[0]);
      assert.match(problems[0] ?? '', /must be one of 1, 2, 3/);
      assert.ok(problems[1]?.startsWith(positionOf(text, 'colour: red')), problems[1]);
      assert.match(problems[1] ?? '', /unknown property "colour"/);
    });
  }

  void it('accepts the valid matrix', async () => {
    const { matrix, problems } = await (await buildScript()).checkMatrixText(validText);
    assert.deepEqual(problems, []);
    assert.ok(matrix);
  });

  void it('reports a duplicate id at the second one', async () => {
    const entry = validText.slice(
      validText.indexOf('  - id: database-client'),
      validText.indexOf('incompatibilities:'),
    );
    const text = validText.replace('incompatibilities:', `${entry}incompatibilities:`);
    const second = text.lastIndexOf('database-client/python/postgresql/psycopg2');
    const before = text.slice(0, second).split('\n');
    assert.deepEqual(await problemsOf(text), [
      `matrix/matrix.yaml:${before.length}:${(before.at(-1)?.length ?? 0) + 1}: ` +
        '/entries/2/id: duplicate id "database-client/python/postgresql/psycopg2" (first used by entry 1)',
    ]);
  });

  void it('reports a rule date that is not three years after the release', async () => {
    const text = validText.replace("date: '2026-12-25'", "date: '2026-12-24'");
    assert.deepEqual(await problemsOf(text), [
      `${positionOf(text, "'2026-12-24'")}/entries/0/support/date: date must be 2026-12-25: 3 years after release from 2023-12-25`,
    ]);
  });

  void it('reports a date that is not in the calendar', async () => {
    const text = validText.replace("released: '2023-12-25'", "released: '2023-02-29'");
    const problems = await problemsOf(text);
    assert.ok(problems[0]?.startsWith(positionOf(text, "'2023-02-29'")), problems.join('\n'));
    assert.match(problems[0] ?? '', /"2023-02-29" is not a day of the calendar/);
  });

  void it('reports a range that matches nothing and a quick reference without a runtime', async () => {
    const text = validText
      .replace("range: '>=3.3 <3.4'", "range: '>=3.4 <3.3'")
      .replace("versions: [{ version: '3.3' }]", "versions: [{ version: '3.9' }]");
    const problems = await problemsOf(text);
    assert.equal(problems.length, 2, problems.join('\n'));
    assert.ok(problems[0]?.startsWith(positionOf(text, "'>=3.4 <3.3'")), problems[0]);
    assert.match(problems[0] ?? '', /matches no version/);
    assert.ok(problems[1]?.startsWith(positionOf(text, "'3.9'")), problems[1]);
    assert.match(problems[1] ?? '', /no ruby runtime entry covers the recommended version "3.9"/);
  });

  void it('reports YAML syntax errors at their position', async () => {
    const problems = await problemsOf('source:\n  title: [unclosed\n');
    assert.equal(problems.length > 0, true);
    assert.match(problems[0] ?? '', /^matrix\/matrix\.yaml:\d+:\d+: /);
  });

  void it('throws a message listing every problem, and writes the generated files on success', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'matrix-build-'));
    try {
      const input = join(directory, 'matrix.yaml');
      const outputDirectory = join(directory, 'generated');
      const script = await buildScript();

      const invalid = validText.replace('tier: 1\n    coverage', 'tier: 7\n    coverage');
      await writeFile(input, invalid);
      const where = positionOf(invalid, 'tier: 7', 6).replace(/^matrix\//, '');
      await assert.rejects(script.buildMatrix({ root, input, outputDirectory }), (error: Error) => {
        assert.ok(error.message.includes(`${where}/entries/0/tier: must be one of 1, 2, 3`));
        return true;
      });

      await writeFile(input, validText);
      await script.buildMatrix({ root, input, outputDirectory });
      const data = await readFile(join(outputDirectory, 'bundledMatrix.ts'), 'utf8');
      assert.match(data, /import type \{ Matrix \} from '\.\.\/types';/);
      assert.match(data, /export const bundledMatrix: Matrix = \{/);
      for (const name of ['validateMatrix', 'validateOverride']) {
        const code = await readFile(join(outputDirectory, `${name}.js`), 'utf8');
        const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]);
        for (const module of required) assert.match(module ?? '', /^ajv\/dist\/runtime\//);
        assert.doesNotMatch(code, /new Function/);
        assert.ok(existsSync(join(outputDirectory, `${name}.d.ts`)));
      }
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
