import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileKindOf } from '../../../server/src/engine/analyze';
import { applyFix, check, findingOf, summary, withLineEndings } from './helpers';

describe('file kinds', () => {
  it('knows the names people give the four kinds of file', () => {
    const cases: [string, string | undefined][] = [
      ['Dockerfile', 'dockerfile'],
      ['/src/app/Containerfile', 'dockerfile'],
      ['api.dockerfile', 'dockerfile'],
      ['Dockerfile.prod', 'dockerfile'],
      ['C:\\work\\Dockerfile', 'dockerfile'],
      ['package.json', 'package.json'],
      ['requirements.txt', 'requirements'],
      ['requirements-dev.txt', 'requirements'],
      ['requirements/base.txt', 'requirements'],
      ['requirements.in', 'requirements'],
      ['dev.in', 'requirements'],
      ['go.mod', 'go.mod'],
      ['go.sum', undefined],
      ['package-lock.json', undefined],
      ['notes.txt', undefined],
    ];
    for (const [name, kind] of cases) assert.equal(fileKindOf(name), kind, name);
  });

  it('does not report what it cannot parse in .in files that are not requirements', () => {
    assert.deepEqual(
      summary(check('MANIFEST.in', 'include README.md\nrecursive-include src *.py\n')),
      [],
    );
  });
});

describe('settings', () => {
  it('changes severities and turns rules off', () => {
    const text = 'FROM python:3.9-alpine\nCMD python app.py\n';
    assert.deepEqual(
      summary(
        check('Dockerfile', text, {
          settings: { rules: { 'shell-form': 'off', 'musl-libc': 'warning' } },
        }),
      ),
      ['1:6 warning musl-libc', '1:13 warning runtime-support'],
    );
  });

  it('turns file kinds off', () => {
    const settings = {
      fileKinds: { dockerfile: false, 'package.json': true, requirements: true, 'go.mod': true },
    };
    assert.deepEqual(summary(check('Dockerfile', 'FROM python:3.9\n', { settings })), []);
  });

  it('uses the lookahead', () => {
    // Python 3.12's support ends Oct 2027: 152 days after 2027-06-01, 60 days after 2027-09-01.
    assert.deepEqual(
      summary(check('Dockerfile', 'FROM python:3.12\n', { today: '2027-06-01' })),
      [],
    );
    assert.deepEqual(summary(check('Dockerfile', 'FROM python:3.12\n', { today: '2027-09-01' })), [
      '1:13 information runtime-support',
    ]);
    assert.deepEqual(
      summary(
        check('Dockerfile', 'FROM python:3.12\n', {
          today: '2027-06-01',
          settings: { lookaheadDays: 180 },
        }),
      ),
      ['1:13 information runtime-support'],
    );
  });
});

describe('suppressions', () => {
  it('waives the finding on the next statement, with its reason', () => {
    const text = '# cleanstart-ignore runtime-support -- vendor image\nFROM python:3.9-slim\n';
    const analysis = check('Dockerfile', text);
    assert.deepEqual(summary(analysis), []);
    assert.deepEqual(findingOf(analysis, 'runtime-support').suppressed, {
      reason: 'vendor image',
      source: 'comment',
    });
  });

  it('covers a continued instruction, several rules, and whole files', () => {
    const text = [
      '# cleanstart-ignore-file musl-libc -- built for Alpine hosts',
      'FROM python:3.9-alpine',
      '# cleanstart-ignore shell-form,runtime-support -- legacy start script',
      'CMD python \\',
      '  app.py',
      '',
    ].join('\n');
    assert.deepEqual(summary(check('Dockerfile', text)), ['2:13 warning runtime-support']);
  });

  it('lets a waiver expire', () => {
    const text =
      '# cleanstart-ignore runtime-support until 2027-03-31 -- upgrade planned\nFROM python:3.9-slim\n';
    assert.deepEqual(summary(check('Dockerfile', text, { today: '2027-03-31' })), []);
    const later = check('Dockerfile', text, { today: '2027-04-01' });
    assert.deepEqual(summary(later), ['2:13 warning runtime-support']);
    assert.match(findingOf(later, 'runtime-support').message, /waiver expired on 2027-03-31/);
  });

  it('reports waivers that match nothing or name unknown rules', () => {
    const text =
      '# cleanstart-ignore musl-libc -- stale\nFROM python:3.12-slim\n# cleanstart-ignore bogus\n';
    assert.deepEqual(summary(check('Dockerfile', text)), [
      '1:1 information unused-suppression',
      '3:1 information unused-suppression',
    ]);
  });

  it('uses // in go.mod and # in requirements files', () => {
    const gomod =
      'module x\n\n// cleanstart-ignore runtime-support -- pinned by the platform team\ngo 1.21\n';
    assert.deepEqual(summary(check('go.mod', gomod)), []);
    const requirements =
      '# cleanstart-ignore dependency-support -- LTS until migration\nDjango==3.2.*\n';
    assert.deepEqual(summary(check('requirements.txt', requirements)), []);
  });

  it('applies waivers from the config file, by rule and text', () => {
    const text = '{ "dependencies": { "@hapi/hapi": "^21.0.0", "mongoose": "^8.0.0" } }';
    const analysis = check('package.json', text, {
      suppressions: [{ rule: 'dependency-support', match: 'hapi', reason: 'moving to Fastify' }],
    });
    assert.deepEqual(summary(analysis), ['1:59 information dependency-support']);
  });
});

describe('other file kinds', () => {
  it('reads package.json runtimes, package managers and dependencies', () => {
    const text = JSON.stringify(
      {
        engines: { node: '>=14 <17' },
        volta: { node: '16.20.2' },
        packageManager: 'yarn@4.1.0',
        dependencies: { mongoose: '^8.0.3', express: '^4.18.2', 'my-lib': 'workspace:*' },
        devDependencies: { bcrypt: '^5.1.1' },
      },
      null,
      2,
    );
    const analysis = check('package.json', text);
    assert.deepEqual(summary(analysis), [
      '3:14 warning runtime-support',
      '6:14 warning runtime-support',
      '10:18 information dependency-support',
      '15:6 information native-extension',
    ]);
  });

  it('judges requirement ranges by what they admit', () => {
    for (const { name, text } of withLineEndings(
      'Django>=3.2\nDjango==3.2.*\nDjango>=4.2,<5\ncelery~=5.3\n',
    )) {
      assert.deepEqual(
        summary(check('requirements.txt', text)),
        [
          '1:7 hint dependency-support',
          '2:7 information dependency-support',
          '4:7 information dependency-support',
        ],
        name,
      );
    }
  });

  it('offers a supported requirement and the fix clears the finding', () => {
    const text = 'Django==3.2.*\n';
    const finding = findingOf(check('requirements.txt', text), 'dependency-support');
    assert.equal(applyFix('requirements.txt', text, finding, finding.fixes[0]!), 'Django>=4.2\n');
  });

  it('reads go.mod directives and module requirements', () => {
    const text =
      'module example.com/x\n\ngo 1.21\n\ntoolchain go1.21.5\n\nrequire github.com/labstack/echo/v4 v4.11.4\n';
    const analysis = check('go.mod', text);
    assert.deepEqual(summary(analysis), [
      '3:4 warning runtime-support',
      '5:13 warning runtime-support',
    ]);
    const toolchain = analysis.findings[1]!;
    assert.match(applyFix('go.mod', text, toolchain, toolchain.fixes[0]!), /toolchain go1\.22\.0/);
  });
});

describe('bad input', () => {
  it('does not analyse binary data', () => {
    const analysis = check('Dockerfile', 'FROM python:3.9\u0000\u0001\u0002');
    assert.deepEqual(summary(analysis), ['1:1 warning parse-error']);
    assert.match(analysis.findings[0]!.message, /binary/);
  });

  it('never throws on malformed text of any kind', () => {
    const samples = [
      '',
      '\uFEFF',
      '{',
      '[1,2',
      '"x"',
      'FROM',
      'require (',
      '-r',
      '\\\n\\',
      'FROM python:3.9 AS',
      '\r\r\n\n',
    ];
    for (const name of ['Dockerfile', 'package.json', 'requirements.txt', 'go.mod']) {
      for (const sample of samples)
        assert.doesNotThrow(() => check(name, sample), `${name}: ${JSON.stringify(sample)}`);
    }
  });
});
