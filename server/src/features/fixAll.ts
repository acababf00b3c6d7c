import type { Finding, Fix, TextEdit } from '../engine/finding';
import { comparePositions } from '../util/text';
import { visibleFindings } from './diagnostics';

/** The fix to apply when only one is applied: the one marked preferred. */
export function preferredFix(finding: Finding): Fix | undefined {
  return finding.fixes.find((fix) => fix.isPreferred === true);
}

/**
 * Every visible finding's preferred fix as one set of edits. A fix whose edits would overlap one
 * already taken is skipped whole (half a fix can leave the file worse than none); an edit that is
 * exactly one already taken (two findings fixed by the same change) is taken once.
 */
export function fixAllEdits(findings: readonly Finding[]): TextEdit[] {
  const fixes = visibleFindings(findings)
    .map(preferredFix)
    .filter((fix): fix is Fix => fix !== undefined && fix.edits.length > 0)
    .map((fix) => [...fix.edits].sort(compareEdits))
    .sort((a, b) => compareEdits(a[0] as TextEdit, b[0] as TextEdit));

  const taken = new TakenEdits();
  for (const edits of fixes) {
    const fresh = edits.filter((edit) => !taken.has(edit));
    if (fresh.some((edit) => taken.conflictsWith(edit))) continue;
    if (fresh.some((edit, index) => index > 0 && conflicts(edit, fresh[index - 1] as TextEdit))) {
      continue;
    }
    for (const edit of fresh) taken.add(edit);
  }
  return taken.all();
}

function compareEdits(a: TextEdit, b: TextEdit): number {
  return (
    comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end)
  );
}

function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return compareEdits(a, b) === 0 && a.newText === b.newText;
}

/**
 * Two edits conflict when their ranges share a character, or when both insert at one point
 * (which text comes first would be arbitrary).
 */
export function conflicts(a: TextEdit, b: TextEdit): boolean {
  const aEmpty = comparePositions(a.range.start, a.range.end) === 0;
  const bEmpty = comparePositions(b.range.start, b.range.end) === 0;
  if (aEmpty && bEmpty) return comparePositions(a.range.start, b.range.start) === 0;
  return (
    comparePositions(a.range.start, b.range.end) < 0 &&
    comparePositions(b.range.start, a.range.end) < 0
  );
}

/**
 * Edits that do not conflict, kept in order. Since they never overlap, their ends are ordered
 * like their starts, so only the few around a new edit's place can conflict with it: a file with
 * thousands of fixes stays fast.
 */
class TakenEdits {
  private readonly edits: TextEdit[] = [];

  has(edit: TextEdit): boolean {
    const index = this.firstAtOrAfter(edit);
    return this.edits[index] !== undefined && sameEdit(this.edits[index], edit);
  }

  conflictsWith(edit: TextEdit): boolean {
    // Taken edits starting before the new edit's end, walked back while they could reach it.
    let index = this.firstStartingAtOrAfter(edit.range.end);
    while (
      index < this.edits.length &&
      comparePositions((this.edits[index] as TextEdit).range.start, edit.range.end) === 0
    ) {
      index++;
    }
    for (let i = index - 1; i >= 0; i--) {
      const other = this.edits[i] as TextEdit;
      if (conflicts(edit, other)) return true;
      if (comparePositions(other.range.end, edit.range.start) < 0) break;
    }
    return false;
  }

  add(edit: TextEdit): void {
    this.edits.splice(this.firstAtOrAfter(edit), 0, edit);
  }

  all(): TextEdit[] {
    return [...this.edits];
  }

  /** The index of the first edit not ordered before `edit`. */
  private firstAtOrAfter(edit: TextEdit): number {
    let low = 0;
    let high = this.edits.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (compareEdits(this.edits[middle] as TextEdit, edit) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private firstStartingAtOrAfter(position: TextEdit['range']['start']): number {
    let low = 0;
    let high = this.edits.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (comparePositions((this.edits[middle] as TextEdit).range.start, position) < 0)
        low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
