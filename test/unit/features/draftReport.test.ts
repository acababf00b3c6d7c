import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { draftReport } from '../../../server/src/features/draftReport';
import type { Draft } from '../../../server/src/features/draftReport';
import { subjectAt } from '../../../server/src/features/hover';
import { indexMatrix } from '../../../server/src/matrix/lookup';
import { BUNDLED_MATRIX } from '../../../server/src/matrix/load';
import { subjectsOf } from '../../../server/src/rules/subjects';
import type { Position } from '../../../server/src/util/text';
import { rangeContains } from '../../../server/src/util/text';
import { check, TODAY } from '../engine/helpers';

function draft(fileName: string, text: string, position: Position): Draft | undefined {
  const analysis = check(fileName, text);
  assert.ok(analysis.facts);
  const subjects = subjectsOf(analysis.facts, indexMatrix(BUNDLED_MATRIX));
  const finding = analysis.findings.find((candidate) => rangeContains(candidate.range, position));
  return draftReport({
    matrix: BUNDLED_MATRIX,
    today: TODAY,
    lookaheadDays: 90,
    path: fileName,
    facts: analysis.facts,
    finding,
    subject: subjectAt(subjects, position),
  });
}

describe('drafted incompatibility reports', () => {
  it('fill in the framework, version and image, and keep the rest for the user', () => {
    const text = 'FROM python:3.9-slim AS app\nRUN ["pip", "install", "django==3.2"]\n';
    const result = draft('Dockerfile', text, { line: 1, character: 32 });
    assert.ok(result);
    assert.equal(result.subject, 'Django ==3.2');
    const lines = result.markdown.split('\n');
    assert.equal(lines[0], 'Title: Django ==3.2 incompatibility');
    assert.ok(lines.includes('Image: python:3.9-slim'), result.markdown);
    assert.ok(lines.includes('Framework: Django ==3.2'), result.markdown);
    assert.ok(lines.includes('Container Runtime: [Container Runtime]'), result.markdown);
    assert.ok(lines.includes('Host OS: [Host OS]'), result.markdown);
    assert.ok(lines.includes('[Steps to reproduce]'), result.markdown);
    assert.ok(lines.includes('[Full error message]'), result.markdown);
  });

  it('say what the matrix says about the version', () => {
    const text = 'FROM python:3.9\n';
    const result = draft('Dockerfile', text, { line: 0, character: 13 });
    assert.ok(result);
    assert.equal(result.subject, 'Python 3.9');
    assert.match(result.markdown, /^What the CleanStart matrix says:$/m);
    assert.match(result.markdown, /^- Python 3\.9: Tier 3 \(expected compatible, not tested\)$/m);
    assert.match(result.markdown, /^- Support: ended 13 months ago \(Oct 2025\)$/m);
    assert.match(result.markdown, /^- Matrix entry: runtime\/python\/3\.9$/m);
    assert.match(
      result.markdown,
      /^- Finding \(runtime-support, Dockerfile:1\): Python 3\.9 is Tier 3/m,
    );
  });

  it('use the base image of the stage a finding is in, through stage references', () => {
    const text =
      'FROM golang:1.22 AS build\nFROM python:3.12 AS base\nFROM base\nRUN ["conda", "install", "numpy"]\n';
    const result = draft('Dockerfile', text, { line: 3, character: 7 });
    assert.ok(result);
    assert.match(result.markdown, /^Image: python:3\.12$/m);
  });

  it('leave the image for the user outside Dockerfiles', () => {
    const result = draft('requirements.txt', 'django==3.2\n', { line: 0, character: 2 });
    assert.ok(result);
    assert.match(result.markdown, /^Image: \[Image\]$/m);
    assert.match(result.markdown, /^Framework: Django ==3\.2$/m);
  });

  it('draft nothing where the matrix knows nothing', () => {
    assert.equal(
      draft('requirements.txt', 'left-pad==1.0\n', { line: 0, character: 2 }),
      undefined,
    );
  });
});
