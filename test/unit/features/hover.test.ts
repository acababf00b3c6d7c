import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hoverAt } from '../../../server/src/features/hover';
import type { HoverCard } from '../../../server/src/features/hover';
import { indexMatrix } from '../../../server/src/matrix/lookup';
import { BUNDLED_MATRIX } from '../../../server/src/matrix/load';
import { subjectsOf } from '../../../server/src/rules/subjects';
import type { Position } from '../../../server/src/util/text';
import { check, TODAY, withLineEndings } from '../engine/helpers';

const INDEX = indexMatrix(BUNDLED_MATRIX);

/** The card at the `|` in `marked`, which is removed from the text. */
function hover(fileName: string, marked: string, today = TODAY): HoverCard | undefined {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'the text marks the cursor with |');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const analysis = check(fileName, text, { today });
  assert.ok(analysis.facts);
  return hoverAt({
    analysis,
    subjects: subjectsOf(analysis.facts, INDEX),
    matrix: BUNDLED_MATRIX,
    today,
    position: positionAt(text, offset),
  });
}

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: (before[before.length - 1] ?? '').length };
}

function card(fileName: string, marked: string, today?: string): string {
  const found = hover(fileName, marked, today);
  assert.ok(found, `a hover card in ${fileName}`);
  return found.markdown;
}

describe('hover cards', () => {
  it('describe a base image version: tier, coverage, support end, reaction, notes', () => {
    const markdown = card('Dockerfile', 'FROM python:3.|9-slim\nCMD ["python", "app.py"]\n');
    const title = markdown.split('\n')[0];
    assert.equal(title, '**Python 3.9** — Tier 3 (expected compatible, not tested), support ended');
    assert.match(markdown, /Written as `python:3\.9-slim`/);
    assert.match(markdown, /\*\*Test coverage:\*\* None/);
    assert.match(markdown, /\*\*Support:\*\* ended 13 months ago \(Oct 2025\)/);
    assert.match(markdown, /\*\*Fix timeline if something breaks:\*\* 4 or more weeks/);
    assert.match(markdown, /\*\*Notes:\*\* EOL, not tested, use 3\.10\+ if possible/);
    assert.doesNotMatch(markdown, /Also admits/);
  });

  it('recommend the version to use and give the runtime figures', () => {
    const markdown = card('Dockerfile', 'FROM |python:3.9\n');
    assert.match(
      markdown,
      /\*\*Recommended:\*\* Python 3\.12 \(Tier 1, supported until Oct 2027\)/,
    );
    assert.match(markdown, /\*\*Typical startup:\*\* 500-800ms cold, 200-400ms warm/);
    assert.match(markdown, /\*\*Typical idle memory:\*\* 50-150MB/);
    assert.match(
      markdown,
      /\[runtime-support\]\(https:\/\/github\.com\/.*\/docs\/rules\/runtime-support\.md\)/,
    );
  });

  it('cover the whole image reference and answer anywhere on it', () => {
    const text = 'FROM python:3.12-slim AS app\n';
    for (const cursor of [5, 11, 16, 21]) {
      const found = hover('Dockerfile', `${text.slice(0, cursor)}|${text.slice(cursor)}`);
      assert.ok(found, `a card at character ${cursor}`);
      assert.deepEqual(found.range, {
        start: { line: 0, character: 5 },
        end: { line: 0, character: 21 },
      });
    }
    assert.equal(hover('Dockerfile', 'FROM python:3.12-slim AS a|pp\n'), undefined);
    assert.equal(hover('Dockerfile', 'FR|OM python:3.12-slim\n'), undefined);
  });

  it('say a supported version is in support and recommend nothing else', () => {
    const markdown = card('Dockerfile', 'FROM python:3.1|2\n');
    assert.match(
      markdown.split('\n')[0] ?? '',
      /Python 3\.12\*\* — Tier 1 \(officially tested\), in support/,
    );
    assert.match(markdown, /\*\*Response time if something breaks:\*\* 1-2 business days/);
    assert.doesNotMatch(markdown, /Recommended/);
  });

  it('explain a version the matrix does not list as Tier 3 by definition', () => {
    const markdown = card('Dockerfile', 'FROM python:3.|7\n');
    assert.match(markdown.split('\n')[0] ?? '', /not in the matrix, so Tier 3/);
    assert.match(
      markdown,
      /\*\*Tier 3:\*\* Tier 3 \(Expected Compatible\)\. These frameworks should work/,
    );
    assert.match(markdown, /\*\*Listed:\*\* Python 3\.12 \(Tier 1\), Python 3\.11 \(Tier 1\)/);
  });

  it('say so when no version of the runtime is in support', () => {
    const markdown = card('package.json', '{ "engines": { "node": "|20" } }\n');
    assert.match(
      markdown.split('\n')[0] ?? '',
      /Node\.js 20\*\* — Tier 1 \(officially tested\), support ended/,
    );
    assert.match(
      markdown,
      /\*\*Recommended:\*\* nothing better: no Node\.js version in the matrix is in support today/,
    );
    assert.match(markdown, /300-600ms cold/);
  });

  it('describe dependencies in requirements files, package.json and go.mod', () => {
    const django = card('requirements.txt', 'flask>=3\ndj|ango==3.2.18\n');
    assert.match(
      django.split('\n')[0] ?? '',
      /\*\*Django ==3\.2\.18\*\* — Tier 2 \(community tested\)/,
    );
    assert.match(django, /\*\*Notes:\*\* LTS version, community tested/);
    assert.match(django, /\*\*Recommended:\*\* Django 4\.2\+/);
    assert.match(django, /\[dependency-support\]/);
    assert.match(django, /Written as `django==3\.2\.18`/);

    const express = card('package.json', '{ "dependencies": { "express": "^4.|19.2" } }\n');
    assert.match(express.split('\n')[0] ?? '', /\*\*Express \^4\.19\.2\*\* — Tier 1/);
    assert.match(express, /Written as `"express": "\^4\.19\.2"`/);

    const gin = card(
      'go.mod',
      'module example.com/app\n\ngo 1.22\n\nrequire github.com/gin-gonic/gin v1.|9.1\n',
    );
    assert.match(gin.split('\n')[0] ?? '', /Gin v1\.9\.1\*\* — Tier 1/);
  });

  it('say when no version is written', () => {
    const markdown = card('requirements.txt', 'djan|go\n');
    assert.match(markdown.split('\n')[0] ?? '', /\*\*Django\*\* — no version given/);
    assert.match(markdown, /No version is written here/);
    assert.match(markdown, /\*\*Listed:\*\* Django 4\.2\+ \(Tier 1\), Django 3\.2 \(Tier 2\)/);
  });

  it('describe the go directive and package managers', () => {
    const go = card('go.mod', 'module example.com/app\n\ngo 1.2|1\n');
    assert.match(
      go.split('\n')[0] ?? '',
      /\*\*Go 1\.21\*\* — Tier 1 \(officially tested\), support ended/,
    );
    assert.match(go, /50-100ms cold/);

    const conda = card('Dockerfile', 'FROM python:3.12\nRUN ["co|nda", "install", "numpy"]\n');
    assert.match(conda, /Tier 3/);
    assert.match(conda, /\[package-manager-support\]/);
  });

  it('escape markdown in what the file says', () => {
    const markdown = card('requirements.txt', 'djan|go==3.2.*\n');
    assert.match(markdown.split('\n')[0] ?? '', /Django ==3\.2\.\\\*/);
  });

  it('read the same with every line ending', () => {
    const marked = 'FROM node:22 AS build\nRUN ["npm", "ci"]\nFROM python:3.|10-slim\n';
    const expected = card('Dockerfile', marked);
    for (const { name, text } of withLineEndings(marked)) {
      const found = hover('Dockerfile', text);
      assert.equal(found?.markdown, expected, name);
      assert.equal(found?.range.start.line, 2, name);
    }
  });

  it('judge support against the day given', () => {
    const before = card('Dockerfile', 'FROM python:3.1|0\n', '2026-09-01');
    assert.match(before.split('\n')[0] ?? '', /Tier 2 \(community tested\), support ending soon/);
    assert.match(before, /ends in 2 months \(Oct 2026\)/);
    const after = card('Dockerfile', 'FROM python:3.1|0\n', '2026-12-03');
    assert.match(after.split('\n')[0] ?? '', /support ended/);
  });
});
