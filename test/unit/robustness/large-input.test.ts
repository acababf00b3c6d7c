import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import type { Analysis } from '../../../server/src/engine/analyze';
import { check } from '../engine/helpers';
import { decodeLossy } from './arbitraries';
import { DOCKERFILE, GO_MOD, PACKAGE_JSON, REQUIREMENTS } from './fixtures';
import { assertAnalysisInside } from './invariants';

const MB = 1024 * 1024;

/**
 * Far above what these files take on this kind of machine (one to four seconds for 10 MB), so
 * that only a change in how analysis scales fails it, not a busy machine.
 */
const TIME_LIMIT_MS = 30_000;

/** `piece` repeated until the text passes `size` characters. */
function filled(piece: string, size: number): string {
  return piece.repeat(Math.ceil(size / piece.length));
}

/** Analyses a file, checks its ranges and the time it took, and reports the time. */
function analyzeTimed(t: TestContext, fileName: string, text: string): Analysis {
  const started = performance.now();
  const analysis = check(fileName, text);
  const milliseconds = Math.round(performance.now() - started);
  if (text.length >= MB) {
    t.diagnostic(`${fileName}: ${(text.length / MB).toFixed(1)} MB in ${milliseconds} ms`);
  }
  assert.ok(milliseconds < TIME_LIMIT_MS, `${fileName} took ${milliseconds} ms`);
  assertAnalysisInside(text, analysis);
  return analysis;
}

function rules(analysis: Analysis): string[] {
  return [...new Set(analysis.findings.map((finding) => finding.rule))].sort();
}

describe('10 MB files', () => {
  it('reads a Dockerfile padded with comments and blank lines', (t) => {
    const text = DOCKERFILE.text + filled('# built nightly\n\n', 10 * MB);
    assert.ok(rules(analyzeTimed(t, 'Dockerfile', text)).includes('runtime-support'));
  });

  it('reads a requirements file with a 10 MB run of hash options', (t) => {
    const text = `Django==3.2 \\\n${filled('    --hash=sha256:0123456789abcdef \\\n', 10 * MB)}    --hash=sha256:0\n`;
    assert.deepEqual(rules(analyzeTimed(t, 'requirements.txt', text)), ['dependency-support']);
  });

  it('reads a go.mod with a 10 MB require block', (t) => {
    const text = `module example.com/big\n\ngo 1.20\n\nrequire (\n${filled('\tgithub.com/gin-gonic/gin v1.9.1\n', 10 * MB)})\n`;
    assert.ok(rules(analyzeTimed(t, 'go.mod', text)).includes('runtime-support'));
  });

  it('reads a package.json with a 10 MB dependencies object', (t) => {
    const entries = filled('"left-pad":"^1.3.0",', 10 * MB);
    const text = `{"engines":{"node":"^16.14.0"},"dependencies":{${entries}"next":"^13.5.6"}}`;
    assert.deepEqual(rules(analyzeTimed(t, 'package.json', text)), [
      'dependency-support',
      'runtime-support',
    ]);
  });

  it('reads a million line breaks of each kind', (t) => {
    for (const lineBreak of ['\n', '\r\n', '\r']) {
      const text = `FROM python:3.9-slim${lineBreak.repeat(MB)}CMD ["python", "app.py"]`;
      assert.deepEqual(rules(analyzeTimed(t, 'Dockerfile', text)), ['runtime-support']);
    }
  });

  it('turns away 10 MB of binary data with one finding', (t) => {
    const noise = new Uint8Array(10 * MB);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919 + (i >> 8)) & 0xff;
    const analysis = analyzeTimed(t, 'Dockerfile', decodeLossy(noise));
    assert.deepEqual(
      analysis.findings.map((finding) => finding.message),
      ['File not analysed: it looks like binary data, not text.'],
    );
  });
});

describe('many stages', () => {
  // Each Alpine stage with a literal tag gets a CleanStart image fix that analysis verifies by
  // analysing the whole file again; without a bound, n stages cost n whole analyses.
  it('analyses 800 Alpine stages in time that grows with the file, not with its square', (t) => {
    const text = 'FROM python:3.12-alpine\n'.repeat(800);
    const started = performance.now();
    const analysis = check('Dockerfile', text);
    const milliseconds = Math.round(performance.now() - started);
    t.diagnostic(`800 Alpine stages in ${milliseconds} ms`);
    assert.ok(milliseconds < 5000, `800 Alpine stages took ${milliseconds} ms`);
    assert.equal(analysis.findings.filter((finding) => finding.rule === 'musl-libc').length, 800);
  });
});

describe('1 MB lines', () => {
  const line = 'x'.repeat(MB);
  const cases: [string, string][] = [
    ['Dockerfile', `FROM python:3.9-${line}\nCMD ["python"]\n`],
    ['Dockerfile', `FROM python:3.9-alpine\n# ${line}\nRUN echo ${'ab '.repeat(MB / 12)}\n`],
    ['requirements.txt', `Django==3.2\n${line}==1.0\nrequests>=${'1'.repeat(MB)}\n`],
    ['requirements.txt', `# ${line}\nnumpy>=1.26 --hash=sha256:${'0'.repeat(MB)}\n`],
    ['go.mod', `module example.com/${line}\ngo 1.20\nrequire example.com/${line} v1.0.0\n`],
    ['package.json', `{"description":"${line}","engines":{"node":"^16.14.0"},"${line}":1}`],
    [
      'package.json',
      `{"dependencies":{"${line}":"^1.0.0","next":"${'^13.5.6 || '.repeat(MB / 11)}1"}}`,
    ],
  ];
  for (const [fileName, text] of cases) {
    it(`reads a ${fileName} with a 1 MB line (${text.slice(0, 24).replace(/\n/g, ' ')}…)`, (t) => {
      analyzeTimed(t, fileName, text);
    });
  }
});

describe('deeply nested JSON', () => {
  const depth = 100_000;
  const cases: [string, string][] = [
    ['arrays', `{"engines":{"node":"16"},"dependencies":${'['.repeat(depth)}${']'.repeat(depth)}}`],
    ['objects', `{"volta":{"node":"16.0.0"},"x":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`],
    ['an unclosed nest', `{"engines":{"node":"16"},"x":${'[{"a":'.repeat(depth)}`],
    ['a nest in engines', `{"engines":${'{"node":'.repeat(depth)}"16"${'}'.repeat(depth)}}`],
  ];
  for (const [name, text] of cases) {
    it(`reads ${depth.toLocaleString('en')} levels of ${name}`, (t) => {
      const analysis = analyzeTimed(t, 'package.json', text);
      assert.ok(
        analysis.findings.some((finding) => /nested more than/.test(finding.message)),
        'says the nesting is too deep',
      );
    });
  }
});

describe('bytes that are not UTF-8, NUL bytes and byte-order marks', () => {
  const fixtures = [DOCKERFILE, REQUIREMENTS, GO_MOD, PACKAGE_JSON];

  for (const fixture of fixtures) {
    it(`reads ${fixture.fileName} with invalid UTF-8 sequences decoded as U+FFFD`, (t) => {
      const bytes = new TextEncoder().encode(fixture.text);
      const broken = new Uint8Array(bytes.length + 6);
      broken.set(bytes.subarray(0, 40), 0);
      broken.set([0xc3, 0x28, 0xff, 0xe2, 0x82, 0xf0], 40);
      broken.set(bytes.subarray(40), 46);
      const text = decodeLossy(broken);
      assert.ok(text.includes('\ufffd'));
      analyzeTimed(t, fixture.fileName, text);
    });

    it(`reads ${fixture.fileName} with a NUL byte past the binary check`, (t) => {
      const padding = fixture.fileName === 'go.mod' ? '// padding\n' : '# padding\n';
      const head = fixture.fileName.endsWith('package.json') ? '' : filled(padding, 9000);
      const text = `${head}${fixture.text.slice(0, 60)}\u0000${fixture.text.slice(60)}`;
      const analysis = analyzeTimed(t, fixture.fileName, text);
      if (head !== '') assert.ok(analysis.facts, 'analysed as text');
    });

    it(`reads ${fixture.fileName} with byte-order marks at the start and inside`, (t) => {
      const text = `\ufeff${fixture.text.replace(/\n/g, '\n\ufeff')}`;
      analyzeTimed(t, fixture.fileName, text);
    });
  }

  it('reads text made only of odd characters', (t) => {
    for (const text of [
      '',
      '\ufeff',
      '\u0000',
      '\ud800',
      '\udc00\ud800',
      '\r',
      '\r\n\r',
      '\u2028',
    ]) {
      for (const fileName of ['Dockerfile', 'requirements.txt', 'go.mod', 'package.json']) {
        analyzeTimed(t, fileName, text);
      }
    }
  });
});
