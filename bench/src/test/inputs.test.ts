import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validate } from 'dockerfile-utils';
import { analyze } from '../../../server/src/engine/analyze';
import { DEFAULT_SETTINGS } from '../../../server/src/engine/settings';
import { BUNDLED_MATRIX } from '../../../server/src/matrix/load';
import { ANALYSIS_CASES, caseText, lineCount, type AnalysisCase } from '../inputs/cases';
import { ANALYSIS_DAY } from '../lsp/servers';

/** A Dockerfile long enough to draw every kind of stage. */
const MEDIUM_DOCKERFILE: AnalysisCase = {
  id: 'dockerfile-400',
  kind: 'dockerfile',
  fileName: 'Dockerfile',
  size: 400,
  unit: 'lines',
  seed: 7,
};

/** Every generator, at sizes that analyse quickly. */
const SMALL_CASES = [
  ...ANALYSIS_CASES.filter((input) => input.kind === 'dockerfile' && input.size <= 50),
  MEDIUM_DOCKERFILE,
  ...ANALYSIS_CASES.filter((input) => input.kind !== 'dockerfile' && input.size <= 10_000),
];

describe('generated inputs', () => {
  it('have exactly the asked number of lines', () => {
    for (const input of SMALL_CASES.filter((candidate) => candidate.unit === 'lines')) {
      assert.equal(lineCount(caseText(input)), input.size, input.id);
    }
  });

  it('have exactly the asked number of dependencies in package.json', () => {
    for (const input of SMALL_CASES.filter((candidate) => candidate.kind === 'package.json')) {
      const manifest = JSON.parse(caseText(input)) as Record<string, unknown>;
      const sections = [
        'dependencies',
        'devDependencies',
        'optionalDependencies',
        'peerDependencies',
      ];
      const total = sections
        .map((section) => Object.keys((manifest[section] as object | undefined) ?? {}).length)
        .reduce((sum, value) => sum + value, 0);
      assert.equal(total, input.size, input.id);
    }
  });

  it('have exactly the asked number of go.mod requirements', () => {
    for (const input of SMALL_CASES.filter((candidate) => candidate.kind === 'go.mod')) {
      const requirements = caseText(input)
        .split('\n')
        .filter(
          (line) => /^(require )?\t?[\w.-]+\.[\w./-]+ v\S+/.test(line) && !line.includes('=>'),
        );
      assert.equal(requirements.length, input.size, input.id);
    }
  });

  it('are the same for the same seed and differ for another', () => {
    const [first] = SMALL_CASES;
    assert.ok(first);
    assert.equal(caseText(first), caseText({ ...first }));
    assert.notEqual(caseText(first), caseText({ ...first, seed: first.seed + 1 }));
  });

  it('are valid files: analysis reports no parse errors', () => {
    for (const input of SMALL_CASES) {
      const analysis = analyze({
        fileName: input.fileName,
        text: caseText(input),
        matrix: BUNDLED_MATRIX,
        settings: DEFAULT_SETTINGS,
        today: ANALYSIS_DAY,
      });
      const problems = analysis.findings.filter((finding) => finding.rule === 'parse-error');
      assert.deepEqual(
        problems.map((problem) => problem.message),
        [],
        input.id,
      );
    }
  });

  it('are Dockerfiles that dockerfile-utils finds nothing wrong with', () => {
    for (const input of SMALL_CASES.filter((candidate) => candidate.kind === 'dockerfile')) {
      assert.deepEqual(
        validate(caseText(input)).map((diagnostic) => diagnostic.message),
        [],
        input.id,
      );
    }
  });
});

describe('lineCount', () => {
  it('counts lines as an editor does', () => {
    assert.equal(lineCount('a'), 1);
    assert.equal(lineCount('a\n'), 1);
    assert.equal(lineCount('a\nb'), 2);
    assert.equal(lineCount('a\r\nb\r\n'), 2);
    assert.equal(lineCount(''), 1);
  });
});
