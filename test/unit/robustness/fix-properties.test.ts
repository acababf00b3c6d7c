import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fileKindOf } from '../../../server/src/engine/analyze';
import type { Finding, Fix } from '../../../server/src/engine/finding';
import { visibleFindings } from '../../../server/src/features/diagnostics';
import { fixAllEdits } from '../../../server/src/features/fixAll';
import { isWaivable, suppressionEdit } from '../../../server/src/features/suppressionFix';
import type { FileKind } from '../../../server/src/parsers/types';
import { LineIndex } from '../../../server/src/util/text';
import { check } from '../engine/helpers';
import { documentOf, FILE_KINDS, mutatedFixture, options, type Document } from './arbitraries';
import { assertProperty } from './fuzzing';
import { assertAnalysisInside, assertEditsApply, assertFixClears, sameFinding } from './invariants';

/** Broken fixtures mostly, since they keep findings with fixes; any document sometimes. */
function documentWithFindings(kind: FileKind): fc.Arbitrary<Document> {
  return fc.oneof({ weight: 3, arbitrary: mutatedFixture(kind) }, documentOf(kind));
}

/**
 * Counts the cases that had something to check, so that a property whose inputs stop producing
 * findings fails instead of passing on nothing.
 */
class Coverage {
  cases = 0;
  checked = 0;

  assertMostlyChecked(what: string): void {
    assert.ok(
      this.checked * 4 >= this.cases,
      `only ${this.checked} of ${this.cases} cases had ${what} to check`,
    );
  }
}

/** One of `items`, chosen by a number from the case, so that shrinking can move the choice. */
function pick<T>(items: readonly T[], choice: number): T | undefined {
  return items.length === 0 ? undefined : items[choice % items.length];
}

describe('quick fixes on broken files', () => {
  for (const kind of FILE_KINDS) {
    it(`every fix in ${kind} files clears its finding and changes nothing else`, (t) => {
      const coverage = new Coverage();
      assertProperty(
        t.name,
        fc.property(documentWithFindings(kind), options, fc.nat(), (document, settings, choice) => {
          coverage.cases++;
          const analysis = check(document.fileName, document.text, settings);
          const fixes = analysis.findings.flatMap((finding) =>
            finding.fixes.map((fix): [Finding, Fix] => [finding, fix]),
          );
          const chosen = pick(fixes, choice);
          if (chosen === undefined) return;
          coverage.checked++;
          assertFixClears(document.text, chosen[0], chosen[1], (fixed) =>
            check(document.fileName, fixed, settings),
          );
        }),
        250,
      );
      coverage.assertMostlyChecked('a fix');
    });
  }

  for (const kind of FILE_KINDS.filter((kind) => kind !== 'package.json')) {
    it(`a waiver comment in ${kind} files waives the finding it was made for`, (t) => {
      const coverage = new Coverage();
      assertProperty(
        t.name,
        fc.property(documentWithFindings(kind), fc.nat(), (document, choice) => {
          coverage.cases++;
          const analysis = check(document.fileName, document.text);
          const waivable = visibleFindings(analysis.findings).filter((finding) =>
            isWaivable(finding.rule),
          );
          const finding = pick(waivable, choice);
          if (finding === undefined || analysis.facts === undefined) return;
          coverage.checked++;
          const lines = new LineIndex(document.text);
          const edit = suppressionEdit(kind, lines, finding, analysis.facts);
          assert.ok(edit, `a waiver edit for ${finding.rule}`);
          const waived = assertEditsApply(document.text, [edit]);
          const after = check(document.fileName, waived);
          assertAnalysisInside(waived, after);
          const moved: Finding = {
            ...finding,
            range: {
              start: { ...finding.range.start, line: finding.range.start.line + 1 },
              end: finding.range.end,
            },
          };
          const still = visibleFindings(after.findings).find((other) => sameFinding(other, moved));
          assert.equal(still, undefined, `the waiver leaves ${finding.rule} shown:\n${waived}`);
        }),
        200,
      );
      coverage.assertMostlyChecked('a waivable finding');
    });
  }

  for (const kind of FILE_KINDS) {
    it(`fix-all in ${kind} files applies edits that do not overlap`, (t) => {
      const coverage = new Coverage();
      assertProperty(
        t.name,
        fc.property(documentWithFindings(kind), (document) => {
          coverage.cases++;
          const edits = fixAllEdits(check(document.fileName, document.text).findings);
          if (edits.length === 0) return;
          coverage.checked++;
          const fixed = assertEditsApply(document.text, edits);
          const after = check(document.fileName, fixed);
          assert.equal(after.kind, fileKindOf(document.fileName));
          assertAnalysisInside(fixed, after);
        }),
        150,
      );
      coverage.assertMostlyChecked('fix-all edits');
    });
  }
});
