import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../../server/src/util/edits';
import { applyFix, check, findingOf, fixOf, summary, withLineEndings } from './helpers';

const ALPINE_APP = 'FROM python:3.9-alpine\nCMD python app.py\n';

describe('a Python 3.9 Alpine image with a shell-form CMD', () => {
  for (const { name, text } of withLineEndings(ALPINE_APP)) {
    it(`shows runtime support, musl and shell form findings (${name})`, () => {
      assert.deepEqual(summary(check('Dockerfile', text)), [
        '1:6 error musl-libc',
        '1:13 warning runtime-support',
        '2:5 warning shell-form',
      ]);
    });
  }

  it('points at the tag version, and says the support ended', () => {
    const finding = findingOf(check('Dockerfile', ALPINE_APP), 'runtime-support');
    assert.deepEqual(finding.range, {
      start: { line: 0, character: 12 },
      end: { line: 0, character: 15 },
    });
    assert.match(finding.message, /Python 3\.9 is Tier 3/);
    assert.match(finding.message, /support ended Oct 2025/);
    assert.match(finding.message, /Use 3\.12\./);
    assert.equal(finding.deprecated, true);
  });

  it('moves to a supported version, keeping the variant', () => {
    const finding = findingOf(check('Dockerfile', ALPINE_APP), 'runtime-support');
    const fix = finding.fixes[0];
    assert.ok(fix?.isPreferred);
    assert.match(fix.title, /Python 3\.12/);
    const fixed = applyFix('Dockerfile', ALPINE_APP, finding, fix);
    assert.equal(fixed, 'FROM python:3.12-alpine\nCMD python app.py\n');
  });

  it('moves to the glibc variant, and both fixes give 3.12-slim', () => {
    const musl = findingOf(check('Dockerfile', ALPINE_APP), 'musl-libc');
    const glibc = fixOf(musl, 'glibc variant');
    const slim = applyFix('Dockerfile', ALPINE_APP, musl, glibc);
    assert.equal(slim, 'FROM python:3.9-slim\nCMD python app.py\n');
    const version = findingOf(check('Dockerfile', slim), 'runtime-support');
    assert.equal(
      applyFix('Dockerfile', slim, version, version.fixes[0]!),
      'FROM python:3.12-slim\nCMD python app.py\n',
    );
  });

  it('offers the CleanStart image', () => {
    const musl = findingOf(check('Dockerfile', ALPINE_APP), 'musl-libc');
    const fixed = applyFix('Dockerfile', ALPINE_APP, musl, fixOf(musl, 'CleanStart image'));
    assert.equal(fixed, 'FROM registry.cleanstart.com/python:3.12-stable\nCMD python app.py\n');
    assert.deepEqual(summary(check('Dockerfile', fixed)), ['2:5 error shell-form']);
  });

  it('converts the CMD to exec form', () => {
    const shell = findingOf(check('Dockerfile', ALPINE_APP), 'shell-form');
    const fixed = applyFix('Dockerfile', ALPINE_APP, shell, shell.fixes[0]!);
    assert.equal(fixed, 'FROM python:3.9-alpine\nCMD ["python", "app.py"]\n');
  });
});

describe('runtime-support', () => {
  it('edits the ARG default the version comes from, and points at it', () => {
    const text = 'ARG PY=3.9\nFROM python:${PY}-slim AS app\n';
    const finding = findingOf(check('Dockerfile', text), 'runtime-support');
    assert.equal(finding.related?.[0]?.range.start.line, 0);
    const fixed = applyFix('Dockerfile', text, finding, finding.fixes[0]!);
    assert.equal(fixed, 'ARG PY=3.12\nFROM python:${PY}-slim AS app\n');
  });

  it('stays silent where the value cannot be known', () => {
    assert.deepEqual(summary(check('Dockerfile', 'ARG TAG\nFROM python:${TAG}\n')), []);
    assert.deepEqual(summary(check('Dockerfile', 'FROM python:latest\nFROM node:lts-slim\n')), []);
  });

  it('judges every stage but not references to earlier stages', () => {
    const text =
      'FROM golang:1.20 AS build\nFROM build AS test\nFROM registry.cleanstart.com/golang:1.22-static\n';
    assert.deepEqual(summary(check('Dockerfile', text)), [
      '1:13 warning runtime-support',
      '3:37 warning runtime-support',
    ]);
  });

  it('says when no version of a runtime is in support', () => {
    const finding = findingOf(check('Dockerfile', 'FROM node:18-slim\n'), 'runtime-support');
    assert.match(finding.message, /No Node\.js version in the matrix is still in support/);
    assert.match(
      finding.fixes[0]?.title ?? '',
      /Node\.js 20 \(best remaining Tier 1; no Node\.js version is still in support\)/,
    );
  });

  it('reports Tier 2 and support ending soon as information', () => {
    assert.deepEqual(
      summary(check('Dockerfile', 'FROM python:3.10-slim\n', { today: '2026-09-01' })),
      ['1:13 information runtime-support'],
    );
    assert.deepEqual(summary(check('Dockerfile', 'FROM ruby:3.3\n')), [
      '1:11 information runtime-support',
    ]);
  });

  it('reports newer versions only when asked', () => {
    assert.deepEqual(summary(check('Dockerfile', 'FROM python:3.14\n')), []);
    assert.deepEqual(
      summary(
        check('Dockerfile', 'FROM python:3.14\n', { settings: { reportNewerVersions: true } }),
      ),
      ['1:13 information runtime-support'],
    );
  });

  it('reports versions the matrix does not list, below or between its entries', () => {
    const finding = findingOf(check('Dockerfile', 'FROM python:3.7\n'), 'runtime-support');
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, /not in the CleanStart matrix/);
  });
});

describe('shell-form', () => {
  it('is an error in a stage without a shell, and silent in builders that have one', () => {
    const text = [
      'FROM python:3.12-slim AS build',
      'RUN pip install -r requirements.txt && echo done',
      'FROM registry.cleanstart.com/python:3.12-stable',
      'RUN mkdir /data',
      'CMD ["python", "app.py"]',
      '',
    ].join('\n');
    const analysis = check('Dockerfile', text);
    assert.deepEqual(summary(analysis), ['4:5 error shell-form']);
    const finding = findingOf(analysis, 'shell-form');
    assert.match(finding.message, /registry\.cleanstart\.com\/python:3\.12-stable/);
    assert.match(finding.message, /build will fail/);
    assert.equal(finding.related?.[0]?.range.start.line, 2);
  });

  it('does not convert what exec form cannot say', () => {
    for (const command of [
      'python app.py $PORT',
      'a && b',
      'cat x > y',
      'ls *.py',
      'cd /app',
      'A=1 python x',
    ]) {
      const finding = findingOf(
        check('Dockerfile', `FROM python:3.12\nCMD ${command}\n`),
        'shell-form',
      );
      assert.deepEqual(finding.fixes, [], command);
      assert.match(finding.message, /Exec form cannot say the same/, command);
    }
  });

  it('does not convert a CMD that an ENTRYPOINT receives, nor an ENTRYPOINT a CMD feeds', () => {
    const text = 'FROM python:3.12\nENTRYPOINT ["python"]\nCMD app.py\n';
    assert.deepEqual(findingOf(check('Dockerfile', text), 'shell-form').fixes, []);
  });

  it('converts an exec form that only wraps a plain command in sh -c', () => {
    const text =
      'FROM registry.cleanstart.com/python:3.12-stable\nENTRYPOINT ["sh", "-c", "python -m app"]\n';
    const finding = findingOf(check('Dockerfile', text), 'shell-form');
    assert.equal(finding.severity, 'error');
    assert.equal(
      applyFix('Dockerfile', text, finding, finding.fixes[0]!),
      'FROM registry.cleanstart.com/python:3.12-stable\nENTRYPOINT ["python", "-m", "app"]\n',
    );
  });

  it('leaves a Dockerfile already in exec form alone', () => {
    assert.deepEqual(
      summary(check('Dockerfile', 'FROM python:3.12-slim\nCMD ["python", "app.py"]\n')),
      [],
    );
  });
});

describe('musl-libc', () => {
  it('flags Alpine images in builders too, once per image', () => {
    const text =
      'FROM node:22-alpine AS build\nFROM build AS test\nFROM gcr.io/distroless/nodejs22-debian12\n';
    const analysis = check('Dockerfile', text);
    assert.deepEqual(
      analysis.findings
        .filter((finding) => finding.rule === 'musl-libc')
        .map((finding) => finding.range.start.line),
      [0],
    );
  });

  it('switches Rust musl targets to gnu', () => {
    const text =
      'FROM rust:1.80 AS build\nRUN cargo build --release --target x86_64-unknown-linux-musl\n';
    const finding = findingOf(check('Dockerfile', text), 'musl-libc');
    assert.equal(finding.severity, 'warning');
    assert.match(applyEdits(text, finding.fixes[0]!.edits), /x86_64-unknown-linux-gnu/);
  });

  it('offers the CleanStart image only where the switch breaks nothing that works today', () => {
    const builder =
      'FROM python:3.12-alpine AS build\nRUN pip install -r requirements.txt\nFROM python:3.12-slim\nCMD ["python"]\n';
    const musl = findingOf(check('Dockerfile', builder), 'musl-libc');
    assert.deepEqual(
      musl.fixes.map((fix) => fix.title),
      ['Use the glibc variant python:3.12-slim'],
    );
    const derived = 'FROM python:3.12-alpine AS base\nFROM base AS build\nRUN make\nFROM scratch\n';
    assert.ok(
      !findingOf(check('Dockerfile', derived), 'musl-libc').fixes.some((fix) =>
        fix.title.includes('CleanStart'),
      ),
    );
  });

  it('swaps the Alpine part of a tag that comes partly from an ARG', () => {
    const text = 'ARG NODE=20\nFROM node:${NODE}-alpine3.19\n';
    const finding = findingOf(check('Dockerfile', text), 'musl-libc');
    assert.equal(
      applyEdits(text, fixOf(finding, 'glibc').edits),
      'ARG NODE=20\nFROM node:${NODE}-slim\n',
    );
  });
});
