/**
 * What must hold for any input: ranges inside the document, fixes that clear their finding and
 * touch nothing else. Positions are checked against line lengths counted here, apart from the
 * engine's own LineIndex, so that a mistake there cannot hide a mistake elsewhere.
 */
import assert from 'node:assert/strict';
import type { Analysis } from '../../../server/src/engine/analyze';
import type { Finding, Fix, TextEdit } from '../../../server/src/engine/finding';
import { applyEdits } from '../../../server/src/util/edits';
import type { Position, Range } from '../../../server/src/util/text';

/** Line starts and lengths of a text whose lines end at `\r\n`, `\r` or `\n`. */
export class DocumentShape {
  private readonly starts: number[] = [0];
  private readonly lengths: number[] = [];

  constructor(readonly text: string) {
    const breaks = /\r\n|\r|\n/g;
    let lineStart = 0;
    for (let match = breaks.exec(text); match !== null; match = breaks.exec(text)) {
      this.lengths.push(match.index - lineStart);
      lineStart = match.index + match[0].length;
      this.starts.push(lineStart);
    }
    this.lengths.push(text.length - lineStart);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Why `position` is not a place in the document, or `undefined` when it is one. */
  positionProblem(position: Position): string | undefined {
    const { line, character } = position;
    if (!Number.isInteger(line) || !Number.isInteger(character)) return 'is not whole numbers';
    if (line < 0 || line >= this.lineCount) return `line ${line} of ${this.lineCount} lines`;
    const length = this.lengths[line] ?? 0;
    if (character < 0 || character > length) {
      return `character ${character} on line ${line}, which has ${length}`;
    }
    return undefined;
  }

  rangeProblem(range: Range): string | undefined {
    const problem = this.positionProblem(range.start) ?? this.positionProblem(range.end);
    if (problem !== undefined) return problem;
    return this.offsetOf(range.start) > this.offsetOf(range.end)
      ? 'starts after its end'
      : undefined;
  }

  offsetOf(position: Position): number {
    return (this.starts[position.line] ?? 0) + position.character;
  }
}

export interface PlacedRange {
  /** Where the range was found, for the failure message: `findings[2].fixes[0].edits[1]`. */
  readonly path: string;
  readonly range: Range;
}

function isPosition(value: unknown): value is Position {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.line === 'number' && typeof candidate.character === 'number';
}

function isRange(value: unknown): value is Range {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return isPosition(candidate.start) && isPosition(candidate.end);
}

/** Every range anywhere in `value` (facts, findings), with the path that leads to it. */
export function rangesIn(value: unknown, path = ''): PlacedRange[] {
  const found: PlacedRange[] = [];
  const visit = (node: unknown, at: string): void => {
    if (typeof node !== 'object' || node === null) return;
    if (isRange(node)) {
      found.push({ path: at, range: node });
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, `${at}[${index}]`));
      return;
    }
    for (const [key, child] of Object.entries(node)) visit(child, at === '' ? key : `${at}.${key}`);
  };
  visit(value, path);
  return found;
}

/** Fails with the first range that is not inside `text`. */
export function assertRangesInside(text: string, ranges: readonly PlacedRange[]): void {
  const shape = new DocumentShape(text);
  for (const { path, range } of ranges) {
    const problem = shape.rangeProblem(range);
    if (problem !== undefined) {
      assert.fail(`${path} ${JSON.stringify(range)} is outside the document: ${problem}`);
    }
  }
}

/** Findings, their related locations and every fix edit lie inside the analysed text. */
export function assertAnalysisInside(text: string, analysis: Analysis): void {
  assertRangesInside(text, rangesIn(analysis.findings, 'findings'));
  if (analysis.facts !== undefined) assertRangesInside(text, rangesIn(analysis.facts, 'facts'));
}

/** A finding's identity for "is it gone": rule, start, message and matrix entry. */
export function sameFinding(a: Finding, b: Finding): boolean {
  return (
    a.rule === b.rule &&
    a.range.start.line === b.range.start.line &&
    a.range.start.character === b.range.start.character &&
    a.message === b.message &&
    a.entryId === b.entryId
  );
}

interface PlacedEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/**
 * Applies `edits` and checks that the text outside them is the original's, piece by piece: before
 * the first edit, between edits and after the last. Edits must not overlap, and two insertions
 * at one point are ambiguous.
 */
export function assertEditsApply(text: string, edits: readonly TextEdit[]): string {
  const shape = new DocumentShape(text);
  edits.forEach((edit, index) => {
    const problem = shape.rangeProblem(edit.range);
    if (problem !== undefined) assert.fail(`edit ${index} is outside the document: ${problem}`);
  });
  const placed: PlacedEdit[] = edits
    .map((edit) => ({
      start: shape.offsetOf(edit.range.start),
      end: shape.offsetOf(edit.range.end),
      newText: edit.newText,
    }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < placed.length; i++) {
    const previous = placed[i - 1] as PlacedEdit;
    const current = placed[i] as PlacedEdit;
    assert.ok(previous.end <= current.start, `edits overlap at offset ${current.start}`);
    assert.ok(
      !(
        previous.start === previous.end &&
        previous.start === current.start &&
        current.start === current.end
      ),
      `two insertions at offset ${current.start}`,
    );
  }
  const fixed = applyEdits(text, edits);
  let cursor = 0;
  let at = 0;
  for (const edit of placed) {
    const kept = text.slice(cursor, edit.start);
    assert.equal(
      fixed.slice(at, at + kept.length),
      kept,
      `text before offset ${edit.start} changed`,
    );
    at += kept.length;
    assert.equal(fixed.slice(at, at + edit.newText.length), edit.newText);
    at += edit.newText.length;
    cursor = edit.end;
  }
  assert.equal(fixed.slice(at), text.slice(cursor), `text after offset ${cursor} changed`);
  return fixed;
}

/**
 * Applies one fix of `finding` and checks the fix invariant: nothing outside its edits changes,
 * the fixed text analyses cleanly (with `reanalyze`, the same analysis that found the finding),
 * and the finding is gone from it.
 */
export function assertFixClears(
  text: string,
  finding: Finding,
  fix: Fix,
  reanalyze: (text: string) => Analysis,
): string {
  const fixed = assertEditsApply(text, fix.edits);
  const after = reanalyze(fixed);
  assertAnalysisInside(fixed, after);
  const remaining = after.findings.find((other) => sameFinding(other, finding));
  assert.equal(
    remaining,
    undefined,
    `"${fix.title}" leaves its ${finding.rule} finding in place:\n${JSON.stringify(fixed)}`,
  );
  return fixed;
}
