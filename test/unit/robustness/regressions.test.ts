/** Cases the robustness properties and the regular expression check found, each kept as found. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfig } from '../../../server/src/engine/config';
import { parseMatrixOverride } from '../../../server/src/matrix/load';
import { toolchainVersion } from '../../../server/src/parsers/go/toolchain';
import { parsePackageJson } from '../../../server/src/parsers/packageJson';
import { check } from '../engine/helpers';
import { assertAnalysisInside, assertRangesInside, rangesIn } from './invariants';

const MB = 1024 * 1024;

/** Runs `work` and fails when it takes longer than a linear pass over a megabyte should. */
function fast<T>(what: string, work: () => T): T {
  const started = performance.now();
  const result = work();
  const milliseconds = Math.round(performance.now() - started);
  assert.ok(milliseconds < 2000, `${what} took ${milliseconds} ms`);
  return result;
}

describe('positions', () => {
  it('ends a package.json string cut at a CRLF before the line break', () => {
    // The JSON scanner ends the string between `\r` and `\n`: that offset is no place on a line.
    const text = '"\\\r\n';
    const facts = parsePackageJson(text);
    assertRangesInside(text, rangesIn(facts, 'facts'));
    assert.deepEqual(facts.problems[0]?.range.end, { line: 0, character: 2 });
  });

  it('places matrix override problems on the lines the YAML parser stopped counting', () => {
    const text = "'*'%YAML 1.2\nsupport: { kind: date, date: 2027-06 }entries:";
    const result = parseMatrixOverride(text, '.cleanstart/matrix.yaml');
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(
      result.problems.map((problem) => `${problem.line}:${problem.column}`),
      ['1:4', '2:39'],
    );
  });

  it('places config syntax errors where they are, not on the first line', () => {
    const { problems } = parseConfig('rules:\n  shell-form: off\nignore: [vendor/**\nbogus: 1\n');
    assert.ok(problems.length > 0);
    assert.ok(
      problems.every((problem) => problem.line > 1),
      problems.map((p) => `${p.line}:${p.column}`).join(' '),
    );
  });

  it('counts config columns without a byte order mark', () => {
    const { problems } = parseConfig('\ufeffbogus: 1\n');
    assert.deepEqual(
      problems.map((problem) => `${problem.line}:${problem.column}`),
      ['1:1'],
    );
  });
});

describe('Dockerfile here-documents', () => {
  it('reads a here-document whose body escapes a line break before an indented delimiter', () => {
    // dockerfile-ast throws on this one; the parser reads the first line as the command.
    for (const text of [
      'FROM python:3.9-alpine\nRUN <<EOF\n\\\n EOF\nCMD python app.py\n',
      '# escape=`\nFROM python:3.9-alpine\r\nRUN <<EOF\r\n`\r\n EOF\r\n',
    ]) {
      const analysis = check('Dockerfile', text);
      assertAnalysisInside(text, analysis);
      const facts = analysis.facts;
      assert.equal(facts?.kind, 'dockerfile');
      if (facts?.kind !== 'dockerfile') return;
      assert.deepEqual(
        facts.stages[0]?.commands.map((command) => [command.keyword, command.heredoc]),
        [['RUN', true]],
      );
    }
  });
});

describe('line endings', () => {
  it('reads a config file whose lines end with a lone CR', () => {
    const text = 'rules:\r  shell-form: off\rlookaheadDays: 30\rbogus: 1\r';
    const { config, problems } = parseConfig(text);
    assert.deepEqual(config.rules, { 'shell-form': 'off' });
    assert.equal(config.lookaheadDays, 30);
    assert.deepEqual(
      problems.map((problem) => `${problem.line}:${problem.column}`),
      ['4:1'],
    );
  });
});

describe('regular expressions that backtracked on long lines', () => {
  it('names a duplicate override key on a 1 MB line without backtracking', () => {
    const text = `entries: []\nsource: {origin: a, origin${' '.repeat(MB)}}\n`;
    const result = fast('the duplicate key', () =>
      parseMatrixOverride(text, '.cleanstart/matrix.yaml'),
    );
    assert.equal(result.ok, false);
  });

  it('still names duplicate keys as before, quoted or followed by spaces', () => {
    const text = 'entries: []\nsource:\n  "origin" : a\n  "origin" : b\n';
    const result = parseMatrixOverride(text, '.cleanstart/matrix.yaml');
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.match(result.problems[0]?.message ?? '', /duplicate key `"origin"`/);
  });

  it('reads a 1 MB toolchain name in linear time', () => {
    const text = `module x\ngo 1.22\ntoolchain 1${'-go1'.repeat(MB / 4)}~\n`;
    const analysis = fast('the toolchain', () => check('go.mod', text));
    assertAnalysisInside(text, analysis);
    assert.ok(analysis.findings.some((finding) => finding.rule === 'parse-error'));
  });

  it('finds the version a toolchain name ends with as the go command does', () => {
    const cases: [string, string | undefined][] = [
      ['go1.22.1', '1.22.1'],
      ['gccgo-go1.22.1', '1.22.1'],
      ['go1.22.1-custom+auto', '1.22.1-custom+auto'],
      ['go1.2~x-go1.3', '1.3'],
      ['my~go1.21', undefined],
      ['1.22.1', undefined],
      ['go2', undefined],
      ['', undefined],
    ];
    for (const [name, version] of cases) assert.equal(toolchainVersion(name), version, name);
  });
});
