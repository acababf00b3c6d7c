import assert from 'node:assert/strict';
import { analyze, type Analysis, type ConfigSuppression } from '../../../server/src/engine/analyze';
import type { Finding, Fix } from '../../../server/src/engine/finding';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../../../server/src/engine/settings';
import { BUNDLED_MATRIX } from '../../../server/src/matrix/load';
import { applyEdits } from '../../../server/src/util/edits';

export const TODAY = '2026-12-03';

export interface CheckOptions {
  readonly today?: string;
  readonly settings?: Partial<AnalysisSettings>;
  readonly suppressions?: readonly ConfigSuppression[];
}

export function check(fileName: string, text: string, options: CheckOptions = {}): Analysis {
  return analyze({
    fileName,
    text,
    matrix: BUNDLED_MATRIX,
    settings: { ...DEFAULT_SETTINGS, ...options.settings },
    today: options.today ?? TODAY,
    suppressions: options.suppressions,
  });
}

/** Unsuppressed findings as `line:col severity rule` (1-based), for compact assertions. */
export function summary(analysis: Analysis): string[] {
  return analysis.findings
    .filter((finding) => !finding.suppressed)
    .map(
      (finding) =>
        `${finding.range.start.line + 1}:${finding.range.start.character + 1} ${finding.severity} ${finding.rule}`,
    );
}

export function findingOf(analysis: Analysis, rule: string): Finding {
  const finding = analysis.findings.find((candidate) => candidate.rule === rule);
  assert.ok(finding, `a ${rule} finding among: ${summary(analysis).join('; ')}`);
  return finding;
}

export function fixOf(finding: Finding, titleContains: string): Fix {
  const fix = finding.fixes.find((candidate) => candidate.title.includes(titleContains));
  assert.ok(fix, `a fix "${titleContains}" among: ${finding.fixes.map((f) => f.title).join('; ')}`);
  return fix;
}

/** A finding's identity across an edit: its rule and where it starts (an edit may move its end). */
function key(finding: Finding): string {
  const { start } = finding.range;
  return `${finding.rule}@${start.line}:${start.character}`;
}

/**
 * Applies a fix and checks what every fix must guarantee: the finding is gone (no finding of the
 * same rule, range and matrix entry remains) and no finding appears at a new place.
 */
export function applyFix(
  fileName: string,
  text: string,
  finding: Finding,
  fix: Fix,
  options: CheckOptions = {},
): string {
  const before = check(fileName, text, options);
  const fixed = applyEdits(text, fix.edits);
  const after = check(fileName, fixed, options);
  const same = after.findings.find(
    (other) =>
      key(other) === key(finding) &&
      other.entryId === finding.entryId &&
      other.message === finding.message,
  );
  assert.equal(same, undefined, `"${fix.title}" clears the finding:\n${fixed}`);
  const known = new Set(before.findings.map(key));
  const anywhereNew = after.findings.filter((other) => !known.has(key(other)));
  assert.deepEqual(
    anywhereNew.map((other) => `${key(other)} ${other.message}`),
    [],
    `"${fix.title}" adds no finding:\n${fixed}`,
  );
  return fixed;
}

/** The same text with each kind of line ending. */
export function withLineEndings(text: string): { name: string; text: string }[] {
  return [
    { name: 'LF', text },
    { name: 'CRLF', text: text.replace(/\n/g, '\r\n') },
    { name: 'CR', text: text.replace(/\n/g, '\r') },
  ];
}
