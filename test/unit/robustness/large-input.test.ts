import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_ANALYSED_LENGTH, type Analysis } from '../../../server/src/engine/analyze';
import { check } from '../engine/helpers';
import { decodeLossy } from './arbitraries';
import { DOCKERFILE, GO_MOD, PACKAGE_JSON, REQUIREMENTS } from './fixtures';
import { assertAnalysisInside } from './invariants';

const MB = 1024 * 1024;

/** Just under the size above which analysis turns a file away (`MAX_ANALYSED_LENGTH`). */
const LARGE = MAX_ANALYSED_LENGTH - 64 * 1024;

/** `piece` repeated until the text passes `size` characters. */
function filled(piece: string, size: number): string {
  return piece.repeat(Math.ceil(size / piece.length));
}

/** Analyses a large file and checks that every range lies inside it. */
function analyzeLarge(fileName: string, text: string): Analysis {
  const analysis = check(fileName, text);
  assertAnalysisInside(text, analysis);
  return analysis;
}

function rules(analysis: Analysis): string[] {
  return [...new Set(analysis.findings.map((finding) => finding.rule))].sort();
}

describe('files of nearly the largest size analysed', () => {
  it('reads a Dockerfile padded with comments and blank lines', () => {
    const text = DOCKERFILE.text + filled('# built nightly\n\n', LARGE);
    assert.ok(rules(analyzeLarge('Dockerfile', text)).includes('runtime-support'));
  });

  it('reads a requirements file with a long run of hash options', () => {
    const text = `Django==3.2 \\\n${filled('    --hash=sha256:0123456789abcdef \\\n', LARGE)}    --hash=sha256:0\n`;
    assert.deepEqual(rules(analyzeLarge('requirements.txt', text)), ['dependency-support']);
  });

  it('reads a go.mod with a long require block', () => {
    const text = `module example.com/big\n\ngo 1.20\n\nrequire (\n${filled('\tgithub.com/gin-gonic/gin v1.9.1\n', LARGE)})\n`;
    assert.ok(rules(analyzeLarge('go.mod', text)).includes('runtime-support'));
  });

  it('reads a package.json with a long dependencies object', () => {
    const entries = filled('"left-pad":"^1.3.0",', LARGE);
    const text = `{"engines":{"node":"^16.14.0"},"dependencies":{${entries}"next":"^13.5.6"}}`;
    assert.deepEqual(rules(analyzeLarge('package.json', text)), [
      'dependency-support',
      'runtime-support',
    ]);
  });

  it('reads a million line breaks of each kind', () => {
    for (const lineBreak of ['\n', '\r\n', '\r']) {
      const text = `FROM python:3.9-slim${lineBreak.repeat(900_000)}CMD ["python", "app.py"]`;
      assert.deepEqual(rules(analyzeLarge('Dockerfile', text)), ['runtime-support']);
    }
  });

  it('turns away binary data with one finding', () => {
    const noise = new Uint8Array(LARGE);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919 + (i >> 8)) & 0xff;
    const analysis = analyzeLarge('Dockerfile', decodeLossy(noise));
    assert.deepEqual(
      analysis.findings.map((finding) => finding.message),
      ['File not analysed: it looks like binary data, not text.'],
    );
  });
});

describe('10 MB files', () => {
  it('are turned away with one finding, of each kind', () => {
    for (const [fileName, fixture] of [
      ['Dockerfile', DOCKERFILE.text],
      ['requirements.txt', REQUIREMENTS.text],
      ['go.mod', GO_MOD.text],
      ['package.json', PACKAGE_JSON.text],
    ] as const) {
      const analysis = analyzeLarge(fileName, fixture + filled('\n', 10 * MB));
      assert.deepEqual(
        analysis.findings.map((finding) => finding.rule),
        ['parse-error'],
        fileName,
      );
      assert.match(analysis.findings[0]?.message ?? '', /larger than 2 MB/);
    }
  });
});

describe('many stages', () => {
  // Each Alpine stage gets a CleanStart image fix; deciding whether to offer it once re-analysed the
  // whole file per stage (minutes for this input). The benchmarks keep the figures.
  it('analyses 800 Alpine stages, each with its own fixes', () => {
    const text = 'FROM python:3.12-alpine\n'.repeat(800);
    const analysis = check('Dockerfile', text);
    const musl = analysis.findings.filter((finding) => finding.rule === 'musl-libc');
    assert.equal(musl.length, 800);
    assert.ok(musl.every((finding) => finding.fixes.length === 2));
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
    it(`reads a ${fileName} with a 1 MB line (${text.slice(0, 24).replace(/\n/g, ' ')}…)`, () => {
      analyzeLarge(fileName, text);
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
    it(`reads ${depth.toLocaleString('en')} levels of ${name}`, () => {
      const analysis = analyzeLarge('package.json', text);
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
    it(`reads ${fixture.fileName} with invalid UTF-8 sequences decoded as U+FFFD`, () => {
      const bytes = new TextEncoder().encode(fixture.text);
      const broken = new Uint8Array(bytes.length + 6);
      broken.set(bytes.subarray(0, 40), 0);
      broken.set([0xc3, 0x28, 0xff, 0xe2, 0x82, 0xf0], 40);
      broken.set(bytes.subarray(40), 46);
      const text = decodeLossy(broken);
      assert.ok(text.includes('\ufffd'));
      analyzeLarge(fixture.fileName, text);
    });

    it(`reads ${fixture.fileName} with a NUL byte past the binary check`, () => {
      const padding = fixture.fileName === 'go.mod' ? '// padding\n' : '# padding\n';
      const head = fixture.fileName.endsWith('package.json') ? '' : filled(padding, 9000);
      const text = `${head}${fixture.text.slice(0, 60)}\u0000${fixture.text.slice(60)}`;
      const analysis = analyzeLarge(fixture.fileName, text);
      if (head !== '') assert.ok(analysis.facts, 'analysed as text');
    });

    it(`reads ${fixture.fileName} with byte-order marks at the start and inside`, () => {
      const text = `\ufeff${fixture.text.replace(/\n/g, '\n\ufeff')}`;
      analyzeLarge(fixture.fileName, text);
    });
  }

  it('reads text made only of odd characters', () => {
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
        analyzeLarge(fileName, text);
      }
    }
  });
});
