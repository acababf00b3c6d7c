import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { ParseProblem } from '../../../server/src/parsers/types';
import { LineIndex, type Range } from '../../../server/src/util/text';

export const LINE_ENDINGS: readonly (readonly [name: string, eol: string])[] = [
  ['LF', '\n'],
  ['CRLF', '\r\n'],
  ['CR', '\r'],
];

/**
 * Registers one test per line-ending style: `text` is written with `\n` and rewritten with each
 * style; `check` gets the rewritten text.
 */
export function itEachLineEnding(title: string, text: string, check: (text: string) => void): void {
  for (const [name, eol] of LINE_ENDINGS) {
    it(`${title} (${name})`, () => check(text.replace(/\n/g, eol)));
  }
}

/** The source text a range covers. */
export function textAt(text: string, range: Range | undefined): string | undefined {
  if (!range) return undefined;
  const lines = new LineIndex(text);
  return text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
}

/** Where a range starts, as `line:character`, for compact assertions. */
export function startOf(range: Range | undefined): string | undefined {
  return range ? `${range.start.line}:${range.start.character}` : undefined;
}

/** The one problem whose message contains `fragment`; fails when there is none or several. */
export function problemWith(problems: readonly ParseProblem[], fragment: string): ParseProblem {
  const found = problems.filter((problem) => problem.message.includes(fragment));
  assert.equal(
    found.length,
    1,
    `one problem mentioning "${fragment}" in ${JSON.stringify(problems.map((p) => p.message))}`,
  );
  const [problem] = found;
  assert.ok(problem);
  return problem;
}
