import Ajv from 'ajv-draft-04';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import type { CliIo } from '../../../server/src/cli/io';
import { main } from '../../../server/src/cli/main';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'cleanstart-check-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

async function run(cwd: string, ...argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readFile: (path) => readFile(path, 'utf8'),
    writeFile: (path, text) => writeFile(path, text, 'utf8'),
    cwd,
    env: {},
    isTTY: false,
    today: () => '2026-12-03',
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

const APP = {
  Dockerfile: 'FROM python:3.9-alpine\nCMD python app.py\n',
  'requirements.txt': 'Django==3.2.*\nflask>=3.0\n',
  'node_modules/dep/package.json': '{ "engines": { "node": "0.10" } }',
  'ignored/Dockerfile': 'FROM python:2.7\n',
  '.gitignore': 'ignored/\n',
};

describe('cleanstart-compat check', () => {
  it('prints findings like a compiler, with a summary, and fails on errors', async () => {
    const result = await run(project(APP), 'check');
    assert.equal(result.code, 1);
    const lines = result.stdout.trimEnd().split('\n');
    assert.deepEqual(
      lines.slice(0, -1).map((line) => line.split(':').slice(0, 4).join(':')),
      [
        'Dockerfile:1:6: error musl-libc',
        'Dockerfile:1:13: warning runtime-support',
        'Dockerfile:2:5: warning shell-form',
        'requirements.txt:1:7: information dependency-support',
      ],
    );
    assert.match(
      lines.at(-1) ?? '',
      /^4 findings \(1 error, 2 warnings, 1 information\) in 2 of 2 files\.$/,
    );
    assert.ok(!result.stdout.includes(String.fromCharCode(27)), 'no colour codes');
  });

  it('exits 0 when nothing reaches --fail-on', async () => {
    assert.equal((await run(project(APP), 'check', '--fail-on', 'none')).code, 0);
    assert.equal(
      (await run(project({ Dockerfile: 'FROM python:3.12-slim\nCMD ["python"]\n' }), 'check')).code,
      0,
    );
    assert.equal(
      (
        await run(
          project({ Dockerfile: 'FROM python:3.9-slim\n' }),
          'check',
          '--fail-on',
          'warning',
        )
      ).code,
      1,
    );
  });

  it('writes JSON with 0-based positions and fixes', async () => {
    const result = await run(project(APP), 'check', '--format', 'json');
    const report = JSON.parse(result.stdout) as {
      findings: {
        file: string;
        range: { start: { line: number; character: number } };
        rule: string;
        fixes: { title: string }[];
      }[];
    };
    const runtime = report.findings.find((finding) => finding.rule === 'runtime-support');
    assert.equal(runtime?.file, 'Dockerfile');
    assert.deepEqual(runtime?.range.start, { line: 0, character: 12 });
    assert.ok((runtime?.fixes.length ?? 0) > 0);
  });

  it('writes SARIF 2.1.0 that the SARIF schema accepts, with suppressions', async () => {
    const files = {
      ...APP,
      Dockerfile:
        '# cleanstart-ignore musl-libc -- Alpine until the base image moves\nFROM python:3.9-alpine\n',
    };
    const result = await run(project(files), 'check', '--format', 'sarif');
    const log = JSON.parse(result.stdout) as {
      version: string;
      runs: {
        tool: { driver: { rules: { id: string; helpUri: string }[] } };
        results: {
          ruleId: string;
          suppressions?: unknown[];
          locations: { physicalLocation: { region: { startLine: number; startColumn: number } } }[];
        }[];
      }[];
    };
    const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    const ajv = new Ajv({
      allErrors: true,
      strict: false,
      validateFormats: false,
      unicodeRegExp: false,
    });
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    assert.equal(log.version, '2.1.0');
    const run0 = log.runs[0]!;
    assert.ok(
      run0.tool.driver.rules.some(
        (rule) => rule.id === 'shell-form' && rule.helpUri.endsWith('shell-form.md'),
      ),
    );
    const musl = run0.results.find((result) => result.ruleId === 'musl-libc');
    assert.ok(musl?.suppressions?.length);
    assert.deepEqual(musl?.locations[0]?.physicalLocation.region.startLine, 2);
  });

  it('skips node_modules and what .gitignore ignores', async () => {
    const result = await run(project(APP), 'check', '--format', 'json');
    const report = JSON.parse(result.stdout) as { files: string[] };
    assert.deepEqual(report.files.sort(), ['Dockerfile', 'requirements.txt']);
  });

  it('fails with exit 2 and one line on bad usage and unreadable paths', async () => {
    const root = project(APP);
    for (const argv of [
      ['check', '--format', 'xml'],
      ['check', '--today', 'tomorrow'],
      ['check', '--bogus'],
      ['check', 'missing-folder'],
      ['check', 'README'],
      ['nonsense'],
    ]) {
      writeFileSync(join(root, 'README'), 'not a project file');
      const result = await run(root, ...argv);
      assert.equal(result.code, 2, argv.join(' '));
      assert.equal(result.stderr.trimEnd().split('\n').length, 1, result.stderr);
    }
  });

  it('reports a broken override by file, line and column and keeps the bundled matrix', async () => {
    const root = project({
      ...APP,
      '.cleanstart/matrix.yaml': 'entries:\n  - id: runtime/python/3.9\n    tier: seven\n',
    });
    const result = await run(root, 'check', '--fail-on', 'none');
    assert.match(result.stdout, /\.cleanstart\/matrix\.yaml:3:\d+: error parse-error: /);
    assert.match(result.stdout, /Dockerfile:1:13: warning runtime-support/);
  });

  it('reads the config file: severities, fixed date, ignored paths, waivers', async () => {
    const root = project({
      ...APP,
      '.cleanstart.yaml': [
        'rules:',
        '  musl-libc: warning',
        'today: 2025-01-01',
        'ignore: ["requirements.txt"]',
        'suppressions:',
        '  - rule: shell-form',
        '    reason: start script rewrite pending',
        '',
      ].join('\n'),
    });
    const result = await run(root, 'check', '--format', 'json');
    const report = JSON.parse(result.stdout) as {
      findings: { rule: string; severity: string; message: string }[];
      files: string[];
    };
    assert.deepEqual(report.files, ['Dockerfile']);
    assert.deepEqual(
      report.findings.map((finding) => `${finding.rule} ${finding.severity}`),
      ['musl-libc warning', 'runtime-support warning'],
    );
    assert.doesNotMatch(report.findings[1]?.message ?? '', /ended/);
    assert.equal(result.code, 0);
  });

  it('reports an invalid config file with positions and goes on with defaults', async () => {
    const root = project({
      ...APP,
      '.cleanstart.yaml': 'rules:\n  shell-form: loud\nlookaheadDays: -3\n',
    });
    const result = await run(root, 'check', '--fail-on', 'none');
    assert.match(
      result.stdout,
      /\.cleanstart\.yaml:2:15: error parse-error: the severity of shell-form must be/,
    );
    assert.match(result.stdout, /\.cleanstart\.yaml:3:16: error parse-error: lookaheadDays/);
    assert.match(result.stdout, /Dockerfile:2:5: warning shell-form/);
  });

  it('checks a single file and writes to --output', async () => {
    const root = project(APP);
    const result = await run(root, 'check', 'Dockerfile', '--output', 'report.txt');
    assert.equal(result.stdout, '');
    assert.match(readFileSync(join(root, 'report.txt'), 'utf8'), /3 findings/);
  });
});
