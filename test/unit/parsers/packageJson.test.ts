import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePackageJson } from '../../../server/src/parsers/packageJson';
import type { PackageJsonFacts } from '../../../server/src/parsers/types';
import { itEachLineEnding, problemWith, startOf, textAt } from './lineEndings';

function dependencies(facts: PackageJsonFacts): string[] {
  return facts.dependencies.map((d) => `${d.section}:${d.name}@${d.spec}`);
}

describe('package.json: runtime and package manager', () => {
  itEachLineEnding(
    'reads engines.node, volta.node and packageManager with ranges inside the quotes',
    '{\n  "engines": { "node": ">=18 <21" },\n  "volta": {\n    "node": "20.11.1"\n  },\n  "packageManager": "pnpm@9.1.0+sha512.0123abcd"\n}\n',
    (text) => {
      const facts = parsePackageJson(text);
      assert.deepEqual(facts.problems, []);
      assert.equal(facts.enginesNode?.value, '>=18 <21');
      assert.equal(textAt(text, facts.enginesNode?.range), '>=18 <21');
      assert.equal(facts.voltaNode?.value, '20.11.1');
      assert.equal(startOf(facts.voltaNode?.range), '3:13');

      const manager = facts.packageManager;
      assert.equal(manager?.name, 'pnpm');
      assert.equal(manager?.version, '9.1.0');
      assert.equal(textAt(text, manager?.nameRange), 'pnpm');
      assert.equal(textAt(text, manager?.versionRange), '9.1.0');
      assert.equal(textAt(text, manager?.range), 'pnpm@9.1.0+sha512.0123abcd');
    },
  );

  it('reads packageManager without a hash, and reports one without a version', () => {
    assert.deepEqual(
      [
        parsePackageJson('{"packageManager": "yarn@4.2.2"}').packageManager?.name,
        parsePackageJson('{"packageManager": "yarn@4.2.2"}').packageManager?.version,
      ],
      ['yarn', '4.2.2'],
    );
    const bare = parsePackageJson('{"packageManager": "npm"}');
    assert.equal(bare.packageManager?.name, 'npm');
    assert.equal(bare.packageManager?.version, undefined);
    assert.match(problemWith(bare.problems, 'needs a version').message, /`npm@9\.1\.0`/);
  });

  it('falls back to the whole value when escapes make inner offsets unknown', () => {
    const text = '{"packageManager": "pnpm\\u0040 9.1.0"}';
    const facts = parsePackageJson(text);
    assert.equal(facts.packageManager?.name, 'pnpm');
    assert.equal(facts.packageManager?.version, ' 9.1.0');
    assert.equal(textAt(text, facts.packageManager?.versionRange), 'pnpm\\u0040 9.1.0');
  });

  it('reports values of the wrong type and still reads the rest', () => {
    const facts = parsePackageJson(
      '{"engines": {"node": 20}, "volta": "20", "dependencies": {"a": "^1.0.0"}}',
    );
    assert.equal(facts.enginesNode, undefined);
    assert.match(problemWith(facts.problems, '`engines.node`').message, /`>=20`/);
    assert.match(problemWith(facts.problems, '`volta`').message, /object/);
    assert.deepEqual(dependencies(facts), ['dependencies:a@^1.0.0']);
  });
});

describe('package.json: dependencies', () => {
  itEachLineEnding(
    'reads every section with name and spec ranges',
    '{\n  "dependencies": { "express": "^4.18.2", "pg": "8.11.3" },\n  "devDependencies": {\n    "typescript": "~5.4.0"\n  },\n  "peerDependencies": { "react": ">=18 || ^17.0.2" },\n  "optionalDependencies": { "fsevents": "*", "sharp": "latest", "empty": "" }\n}\n',
    (text) => {
      const facts = parsePackageJson(text);
      assert.deepEqual(facts.problems, []);
      assert.deepEqual(dependencies(facts), [
        'dependencies:express@^4.18.2',
        'dependencies:pg@8.11.3',
        'devDependencies:typescript@~5.4.0',
        'peerDependencies:react@>=18 || ^17.0.2',
        'optionalDependencies:fsevents@*',
        'optionalDependencies:sharp@latest',
        'optionalDependencies:empty@',
      ]);
      for (const dependency of facts.dependencies) {
        assert.equal(textAt(text, dependency.nameRange), dependency.name);
        assert.equal(textAt(text, dependency.specRange), dependency.spec);
      }
      assert.equal(startOf(facts.dependencies[2]?.specRange), '3:19');
    },
  );

  it('leaves out aliases, protocols, paths, git and URL specs without a word', () => {
    const skipped = [
      'npm:other@^1',
      'workspace:*',
      'file:../lib',
      'link:../lib',
      'portal:../lib',
      'patch:lodash@4.17.21#./fix.patch',
      'catalog:',
      'catalog:react18',
      'git+https://github.com/a/b.git',
      'git+ssh://git@github.com/a/b.git#v1.0.0',
      'git://github.com/a/b.git',
      'github:a/b',
      'gitlab:a/b',
      'bitbucket:a/b',
      'a/b',
      'a/b#semver:^1.0.0',
      'https://example.com/pkg-1.0.0.tgz',
      'http://example.com/pkg.tgz',
      './local',
      '../local',
      '~/local',
      '/abs/local',
      'pkg-1.0.0.tgz',
      'jsr:@std/path@^1',
    ];
    const entries = skipped.map((spec, i) => `"p${i}": ${JSON.stringify(spec)}`);
    const text = `{"dependencies": {${entries.join(', ')}, "kept": "^1.2.3", "tilde": "~1.2"}}`;
    const facts = parsePackageJson(text);
    assert.deepEqual(facts.problems, []);
    assert.deepEqual(dependencies(facts), ['dependencies:kept@^1.2.3', 'dependencies:tilde@~1.2']);
  });

  it('keeps the last of a repeated name, as npm does', () => {
    const text = '{"dependencies": {"express": "^4.0.0", "pg": "8", "express": "^5.0.0"}}';
    const facts = parsePackageJson(text);
    assert.deepEqual(dependencies(facts), ['dependencies:pg@8', 'dependencies:express@^5.0.0']);
    assert.equal(startOf(facts.dependencies[1]?.specRange), `0:${text.indexOf('^5.0.0')}`);
  });

  it('reports sections and specs of the wrong type', () => {
    const facts = parsePackageJson(
      '{"dependencies": ["a"], "devDependencies": {"b": 1, "c": {"d": 1}, "e": "^1"}}',
    );
    assert.match(problemWith(facts.problems, '`dependencies`').message, /object/);
    assert.match(problemWith(facts.problems, '`b`').message, /string/);
    assert.match(problemWith(facts.problems, '`c`').message, /string/);
    assert.deepEqual(dependencies(facts), ['devDependencies:e@^1']);
  });
});

describe('package.json: malformed input', () => {
  itEachLineEnding(
    'reports syntax errors where they are and reads what parsed',
    '{\n  // a comment\n  "engines": { "node": ">=20" },\n  "dependencies": {\n    "a": "^1.0.0"\n    "b": "^2.0.0",\n  },\n  "volta": { "node": "20.1.0" }\n',
    (text) => {
      const facts = parsePackageJson(text);
      assert.equal(textAt(text, problemWith(facts.problems, 'no comments').range), '// a comment');
      assert.equal(startOf(problemWith(facts.problems, 'comma is expected').range), '5:4');
      const trailing = problemWith(facts.problems, 'no comma before `}`');
      assert.equal(startOf(trailing.range), '5:17');
      assert.equal(textAt(text, trailing.range), ',');
      assert.equal(startOf(problemWith(facts.problems, 'close the object').range), '8:0');
      assert.equal(facts.enginesNode?.value, '>=20');
      assert.equal(facts.voltaNode?.value, '20.1.0');
      assert.deepEqual(dependencies(facts), ['dependencies:a@^1.0.0', 'dependencies:b@^2.0.0']);
    },
  );

  it('reports an unterminated string and keeps the properties before it', () => {
    const facts = parsePackageJson('{"engines": {"node": "20"}, "dependencies": {"a": "^1');
    assert.equal(facts.enginesNode?.value, '20');
    assert.ok(facts.problems.some((problem) => problem.message.includes('never closed')));
  });

  it('reports a root that is not an object', () => {
    for (const text of [
      '[]',
      '"a string"',
      '42',
      'null',
      'true',
      '[{"engines": {"node": "20"}}]',
    ]) {
      const facts = parsePackageJson(text);
      assert.equal(facts.problems.length, 1, text);
      assert.match(facts.problems[0]?.message ?? '', /JSON object/);
      assert.equal(textAt(text, facts.problems[0]?.range), text);
      assert.equal(facts.enginesNode, undefined);
    }
  });

  it('reports an empty file', () => {
    for (const text of ['', '  \n', '\ufeff']) {
      const facts = parsePackageJson(text);
      assert.equal(facts.problems.length, 1);
      assert.match(facts.problems[0]?.message ?? '', /empty/);
    }
  });

  it('strips a byte order mark, keeping ranges on the original text', () => {
    const text = '\ufeff{"engines": {"node": "20"}}';
    const facts = parsePackageJson(text);
    assert.deepEqual(facts.problems, []);
    assert.equal(startOf(facts.enginesNode?.range), '0:23');
    assert.equal(textAt(text, facts.enginesNode?.range), '20');
  });

  it('skips values nested too deep and reads the rest', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const text = `{"dependencies": {"a": "^1"}, "deep": ${deep}, "engines": {"node": "20"}}`;
    const facts = parsePackageJson(text);
    assert.equal(facts.problems.length, 1);
    assert.match(facts.problems[0]?.message ?? '', /nested more than 200 levels/);
    assert.equal(facts.enginesNode?.value, '20');
    assert.deepEqual(dependencies(facts), ['dependencies:a@^1']);

    const unclosed = parsePackageJson(
      `{"engines": {"node": "20"}, "deep": ${'{"a":'.repeat(50_000)}`,
    );
    assert.equal(unclosed.enginesNode?.value, '20');
    assert.ok(unclosed.problems.length >= 2);
  });

  it('copes with NUL bytes, binary data, a 1 MB string and 10,000 dependencies', () => {
    const nul = parsePackageJson('{"engines": {"node": "20"}}\u0000\u0000');
    assert.equal(nul.enginesNode?.value, '20');
    assert.equal(nul.problems.length, 1);

    let binary = '';
    for (let i = 0; i < 50_000; i++) binary += String.fromCharCode((i * 7919) % 65_536);
    assert.ok(parsePackageJson(binary).problems.length <= 101);

    const big = parsePackageJson(
      `{"description": "${'x'.repeat(1_000_000)}", "engines": {"node": "20"}}`,
    );
    assert.equal(big.enginesNode?.value, '20');
    const entries = Array.from({ length: 10_000 }, (_, i) => `    "package-${i}": "^${i}.0.0"`);
    const many = parsePackageJson(
      `{\r\n  "dependencies": {\r\n${entries.join(',\r\n')}\r\n  }\r\n}`,
    );
    assert.equal(many.dependencies.length, 10_000);
    assert.equal(startOf(many.dependencies[9_999]?.specRange), '10001:21');
  });
});
