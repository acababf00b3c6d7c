import type { LineIndex } from '../../util/text';

/**
 * Text read out of a Dockerfile that no longer matches the source character for character (line
 * continuations joined, quotes removed), with the source offset of every character kept so that
 * whatever is found in it can be reported at its exact place.
 */
export interface MappedText {
  readonly text: string;
  /** Source offset of each character of `text`: `offsets.length === text.length`. */
  readonly offsets: readonly number[];
}

export interface SourceContext {
  /** The Dockerfile text, lone `\r` line breaks read as `\n` (same offsets, same lines). */
  readonly source: string;
  readonly lines: LineIndex;
  readonly escape: string;
}

/** A span of source offsets, end exclusive. */
export interface SourceSpan {
  readonly start: number;
  readonly end: number;
}

export function sliceSource(source: string, start: number, end: number): MappedText {
  const offsets: number[] = [];
  for (let offset = start; offset < end; offset++) offsets.push(offset);
  return { text: source.slice(start, end), offsets };
}

/**
 * The source span covering `text[start..end)`, from its first character to just past its last.
 * An empty slice stands where its next character (or the end of the previous one) stands.
 */
export function spanOf(mapped: MappedText, start: number, end: number): SourceSpan {
  const { offsets } = mapped;
  if (end > start) {
    const first = offsets[start] ?? 0;
    return { start: first, end: (offsets[end - 1] ?? first) + 1 };
  }
  const at = offsets[start] ?? (offsets[start - 1] ?? -1) + 1;
  return { start: at, end: at };
}

export function sliceMapped(mapped: MappedText, start: number, end: number): MappedText {
  return { text: mapped.text.slice(start, end), offsets: mapped.offsets.slice(start, end) };
}

/** Without leading and trailing spaces, tabs and line breaks. */
export function trimMapped(mapped: MappedText): MappedText {
  const { text } = mapped;
  let start = 0;
  let end = text.length;
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? mapped : sliceMapped(mapped, start, end);
}

/** Joins pieces with a line break between them; the break borrows the next piece's offset. */
export function concatMapped(parts: readonly MappedText[]): MappedText {
  let text = '';
  const offsets: number[] = [];
  for (const part of parts) {
    if (text.length > 0) {
      text += '\n';
      offsets.push(part.offsets[0] ?? (offsets[offsets.length - 1] ?? -1) + 1);
    }
    text += part.text;
    for (const offset of part.offsets) offsets.push(offset);
  }
  return { text, offsets };
}

/**
 * The logical text of `source[start..end)` as Docker reads an instruction: an escape character
 * followed by nothing but spaces or tabs up to the line break joins the next line, and the empty
 * and comment lines that follow a continuation are dropped. Any other escape character stays,
 * since the shell sees it. `source` must have no lone `\r` line breaks.
 */
export function joinContinuations(
  source: string,
  start: number,
  end: number,
  escape: string,
): MappedText {
  const limit = Math.min(end, source.length);
  const escapeCode = escape.charCodeAt(0);
  const parts: string[] = [];
  const offsets: number[] = [];
  let runStart = start;
  let index = start;

  const flush = (upTo: number): void => {
    if (upTo > runStart) {
      parts.push(source.slice(runStart, upTo));
      for (let offset = runStart; offset < upTo; offset++) offsets.push(offset);
    }
  };

  while (index < limit) {
    const code = source.charCodeAt(index);
    if (code === escapeCode) {
      let next = index + 1;
      while (next < limit && isSpaceOrTab(source.charCodeAt(next))) next++;
      if (next >= limit || isLineBreak(source.charCodeAt(next))) {
        flush(index);
        index = skipDroppedLines(source, afterLineBreak(source, next), limit);
        runStart = index;
        continue;
      }
      index++;
      continue;
    }
    if (code === 13 /* \r */) {
      // A `\r\n` inside the span (a heredoc body) reads as one `\n`.
      flush(index);
      runStart = index + 1;
    }
    index++;
  }
  flush(limit);
  return { text: parts.join(''), offsets };
}

/** Skips the empty and comment lines that Docker ignores after a line continuation. */
function skipDroppedLines(source: string, from: number, limit: number): number {
  let lineStart = from;
  while (lineStart < limit) {
    let index = lineStart;
    while (index < limit && isSpaceOrTab(source.charCodeAt(index))) index++;
    if (index >= limit) return limit;
    const code = source.charCodeAt(index);
    if (isLineBreak(code)) {
      lineStart = afterLineBreak(source, index);
      continue;
    }
    if (code !== 35 /* # */) return lineStart;
    while (index < limit && !isLineBreak(source.charCodeAt(index))) index++;
    lineStart = afterLineBreak(source, index);
  }
  return lineStart;
}

function afterLineBreak(source: string, index: number): number {
  if (source.charCodeAt(index) === 13 && source.charCodeAt(index + 1) === 10) return index + 2;
  return index < source.length ? index + 1 : index;
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

function isSpaceOrTab(code: number): boolean {
  return code === 32 || code === 9;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}
