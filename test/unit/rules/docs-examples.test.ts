/**
 * Runs the examples of every rule page in docs/rules as tests: a fenced block with `file=<name>`
 * followed by a `findings` block listing `line:column severity rule` (1-based) or `none`.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { DEFAULT_SETTINGS } from '../../../server/src/engine/settings';
import { BUNDLED_MATRIX } from '../../../server/src/matrix/load';
import { repositoryRoot } from '../../support/paths';

const DOCS = join(repositoryRoot(), 'docs', 'rules');
const DEFAULT_TODAY = '2026-12-03';

interface Example {
  readonly page: string;
  readonly fileName: string;
  readonly today: string;
  readonly text: string;
  readonly expected: readonly string[];
  readonly line: number;
}

/** Reads the examples of one page, in order. */
export function examplesOf(page: string, markdown: string): Example[] {
  const blocks = [...markdown.matchAll(/^```([^\n]*)\n([\s\S]*?)^```$/gm)];
  const examples: Example[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const info = blocks[i]?.[1] ?? '';
    const file = /\bfile=(\S+)/.exec(info)?.[1];
    if (!file) continue;
    const next = blocks[i + 1];
    assert.ok(
      next && next[1]?.trim() === 'findings',
      `${page}: example ${file} has a findings block`,
    );
    const lines = (next[2] ?? '')
      .trim()
      .split('\n')
      .map((line) => line.trim());
    examples.push({
      page,
      fileName: file,
      today: /\btoday=(\S+)/.exec(info)?.[1] ?? DEFAULT_TODAY,
      text: blocks[i]?.[2] ?? '',
      expected: lines.length === 1 && lines[0] === 'none' ? [] : lines,
      line: markdown.slice(0, blocks[i]?.index ?? 0).split('\n').length,
    });
    i++;
  }
  return examples;
}

const pages = readdirSync(DOCS).filter((name) => name.endsWith('.md') && name !== 'README.md');

describe('rule pages', () => {
  it('every rule has a page with examples', () => {
    assert.ok(pages.length >= 8);
    for (const page of pages) {
      assert.ok(
        examplesOf(page, readFileSync(join(DOCS, page), 'utf8')).length > 0,
        `${page} has examples`,
      );
    }
  });

  for (const page of pages) {
    describe(page, () => {
      for (const example of examplesOf(page, readFileSync(join(DOCS, page), 'utf8'))) {
        it(`example at line ${example.line} (${example.fileName})`, () => {
          const analysis = analyze({
            fileName: example.fileName,
            text: example.text,
            matrix: BUNDLED_MATRIX,
            settings: DEFAULT_SETTINGS,
            today: example.today,
          });
          const actual = analysis.findings
            .filter((finding) => !finding.suppressed)
            .map(
              (finding) =>
                `${finding.range.start.line + 1}:${finding.range.start.character + 1} ${finding.severity} ${finding.rule}`,
            );
          assert.deepEqual(
            actual,
            example.expected,
            analysis.findings.map((f) => f.message).join('\n'),
          );
        });
      }
    });
  }
});
