/**
 * Logical lines of a requirements file: physical lines joined where one ends with a backslash, the
 * way pip joins them, with a map from each logical character back to where it stands.
 */
import type { LineIndex, Range } from '../../util/text';

interface Segment {
  /** Where the segment starts in the logical text. */
  readonly logical: number;
  /** Where the same character stands in the source. */
  readonly source: number;
}

export class LogicalLine {
  constructor(
    readonly text: string,
    private readonly segments: readonly Segment[],
    private readonly index: LineIndex,
  ) {}

  /** Source offset of the character at logical offset `offset`. */
  sourceOffset(offset: number): number {
    const segment = this.segmentAt(offset, false);
    return segment.source + (offset - segment.logical);
  }

  /** The source range of logical characters `start` to `end` (exclusive). */
  range(start: number, end: number): Range {
    const first = this.sourceOffset(start);
    // An end on a joint belongs to the segment before it, not to the next physical line.
    const segment = end > start ? this.segmentAt(end, true) : this.segmentAt(end, false);
    return this.index.rangeOf(first, segment.source + (end - segment.logical));
  }

  /** 0-based source line of logical offset `offset`. */
  lineAt(offset: number): number {
    return this.index.positionAt(this.sourceOffset(offset)).line;
  }

  private segmentAt(offset: number, endExclusive: boolean): Segment {
    let low = 0;
    let high = this.segments.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      const logical = this.segments[middle]?.logical ?? 0;
      if (endExclusive ? logical < offset : logical <= offset) low = middle;
      else high = middle - 1;
    }
    return this.segments[low] ?? { logical: 0, source: 0 };
  }
}

/** The characters pip's `str.split()` and `strip()` take for blanks on one line. */
export function isWhitespace(code: number): boolean {
  return code === 32 || code === 9 || code === 12 || code === 11 || code === 0xfeff;
}

/** pip takes a line whose first non-blank character is `#` as a comment, even after `\`. */
function isCommentLine(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 35 /* # */) return true;
    if (!isWhitespace(code)) return false;
  }
  return false;
}

/** The lines as pip reads them: continuation lines joined, the backslashes dropped. */
export function logicalLines(index: LineIndex): LogicalLine[] {
  const lines: LogicalLine[] = [];
  let pieces: string[] = [];
  let segments: Segment[] = [];
  let length = 0;

  const flush = (): void => {
    lines.push(new LogicalLine(pieces.join(''), segments, index));
    pieces = [];
    segments = [];
    length = 0;
  };

  for (let line = 0; line < index.lineCount; line++) {
    let start = index.offsetAt({ line, character: 0 });
    let text = index.lineText(line);
    if (line === 0 && text.charCodeAt(0) === 0xfeff) {
      start += 1;
      text = text.slice(1);
    }

    let kept = text.length;
    const comment = isCommentLine(text);
    const continues = !comment && text.endsWith('\\');
    if (continues) {
      while (kept > 0 && text.charCodeAt(kept - 1) === 92 /* \ */) kept--;
    }
    if (comment && segments.length > 0) {
      // pip puts a blank before a comment line that ends a continuation, so it stays a comment.
      segments.push({ logical: length, source: start });
      pieces.push(' ');
      length += 1;
    }
    segments.push({ logical: length, source: start });
    pieces.push(text.slice(0, kept));
    length += kept;

    if (!continues) flush();
  }
  if (segments.length > 0) flush();
  return lines;
}

/**
 * Where a comment starts: the first `#` at the start of the line or after whitespace. A `#` inside
 * a word, as in a URL's `#egg=` fragment, is not a comment.
 */
export function commentStart(text: string): number {
  for (let i = text.indexOf('#'); i >= 0; i = text.indexOf('#', i + 1)) {
    if (i === 0 || isWhitespace(text.charCodeAt(i - 1))) {
      let start = i;
      while (start > 0 && isWhitespace(text.charCodeAt(start - 1))) start--;
      return start;
    }
  }
  return text.length;
}
