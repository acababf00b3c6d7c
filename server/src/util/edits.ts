import { LineIndex, comparePositions, type Range } from './text';

export interface Edit {
  readonly range: Range;
  readonly newText: string;
}

/** Applies non-overlapping edits to a text; overlapping ones after the first are skipped. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const lines = new LineIndex(text);
  const sorted = [...edits].sort((a, b) => comparePositions(a.range.start, b.range.start));
  let result = '';
  let cursor = 0;
  for (const edit of sorted) {
    const start = lines.offsetAt(edit.range.start);
    const end = lines.offsetAt(edit.range.end);
    if (start < cursor || end < start) continue;
    result += text.slice(cursor, start) + edit.newText;
    cursor = end;
  }
  return result + text.slice(cursor);
}
