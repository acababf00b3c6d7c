import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseDockerfile } from '../../../server/src/parsers/dockerfile';
import { parseGoMod } from '../../../server/src/parsers/gomod';
import { parsePackageJson } from '../../../server/src/parsers/packageJson';
import { parseRequirements } from '../../../server/src/parsers/requirements';
import type { Facts, FileKind } from '../../../server/src/parsers/types';
import { documentOf, FILE_KINDS } from './arbitraries';
import { assertProperty } from './fuzzing';
import { assertRangesInside, rangesIn } from './invariants';

const PARSERS: Readonly<Record<FileKind, (text: string) => Facts>> = {
  dockerfile: parseDockerfile,
  requirements: parseRequirements,
  'package.json': parsePackageJson,
  'go.mod': parseGoMod,
};

describe('parsers on broken and random text', () => {
  for (const kind of FILE_KINDS) {
    it(`reads any ${kind} text without throwing, every range inside the text`, (t) => {
      assertProperty(
        t.name,
        fc.property(documentOf(kind), ({ text }) => {
          const facts = PARSERS[kind](text);
          assert.equal(facts.kind, kind);
          assertRangesInside(text, rangesIn(facts, 'facts'));
          for (const problem of facts.problems) assert.notEqual(problem.message.trim(), '');
        }),
        400,
      );
    });
  }

  // The engine turns away text with NUL bytes near the start as binary; the parsers still get
  // NUL bytes further in, and must cope on their own.
  for (const kind of FILE_KINDS) {
    it(`copes with NUL bytes anywhere in ${kind} text`, (t) => {
      const withNul = documentOf(kind).chain(({ text }) =>
        fc.nat({ max: text.length }).map((at) => `${text.slice(0, at)}\u0000${text.slice(at)}`),
      );
      assertProperty(
        t.name,
        fc.property(withNul, (text) => {
          assertRangesInside(text, rangesIn(PARSERS[kind](text), 'facts'));
        }),
        100,
      );
    });
  }
});
