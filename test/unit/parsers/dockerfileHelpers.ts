import assert from 'node:assert/strict';
import { it } from 'node:test';
import { parseDockerfile } from '../../../server/src/parsers/dockerfile';
import type { DockerfileFacts } from '../../../server/src/parsers/types';
import { LineIndex, type Range } from '../../../server/src/util/text';

export const LINE_ENDINGS: readonly (readonly [name: string, eol: string])[] = [
  ['LF', '\n'],
  ['CRLF', '\r\n'],
  ['CR', '\r'],
];

/**
 * Registers one test per line-ending style: `text` is written with `\n` and rewritten with each
 * style before parsing; `check` gets the facts and the text they came from.
 */
export function itEachLineEnding(
  title: string,
  text: string,
  check: (facts: DockerfileFacts, text: string) => void,
): void {
  for (const [name, eol] of LINE_ENDINGS) {
    it(`${title} (${name})`, () => {
      const written = text.replace(/\n/g, eol);
      check(parseDockerfile(written), written);
    });
  }
}

/**
 * Parses `text` (written with `\n`) under every line-ending style, checks that all give the same
 * facts, and returns them.
 */
export function parseEachLineEnding(text: string): DockerfileFacts {
  const [first, ...others] = LINE_ENDINGS.map(([, eol]) =>
    parseDockerfile(text.replace(/\n/g, eol)),
  );
  assert.ok(first);
  for (const facts of others) assert.deepEqual(facts, first);
  return first;
}

/** The source text a range covers. */
export function textAt(text: string, range: Range | undefined): string | undefined {
  if (!range) return undefined;
  const lines = new LineIndex(text);
  return text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
}
