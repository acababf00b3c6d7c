import { commentPrefix } from '../engine/fileKind';
import type { Finding, RuleId, TextEdit } from '../engine/finding';
import type { Facts, FileKind } from '../parsers/types';
import type { LineIndex } from '../util/text';

/** Waiving these would hide the evidence that a waiver itself is wrong. */
const NOT_WAIVABLE: ReadonlySet<RuleId> = new Set<RuleId>(['unused-suppression', 'parse-error']);

/** The reason written into a new suppression comment, for the user to replace. */
export const REASON_PLACEHOLDER = '<reason>';

export function canWaiveInFile(kind: FileKind): boolean {
  return commentPrefix(kind) !== undefined;
}

export function isWaivable(rule: RuleId): boolean {
  return !NOT_WAIVABLE.has(rule);
}

/** `# cleanstart-ignore <rule> -- <reason>` in the file kind's comment syntax. */
export function suppressionComment(
  kind: FileKind,
  rule: RuleId,
  reason: string,
): string | undefined {
  const marker = commentPrefix(kind);
  if (marker === undefined) return undefined;
  return `${marker} cleanstart-ignore ${rule} -- ${reason}`;
}

/**
 * The edit that waives `finding` with a comment on a new line above the statement it is in (the
 * first line of a continued Dockerfile instruction or requirement), indented like that line;
 * `undefined` when the file kind has no comments.
 */
export function suppressionEdit(
  kind: FileKind,
  lines: LineIndex,
  finding: Finding,
  facts?: Facts,
): TextEdit | undefined {
  const comment = suppressionComment(kind, finding.rule, REASON_PLACEHOLDER);
  if (comment === undefined) return undefined;
  const line = statementStart(lines, finding.range.start.line, continuationOf(kind, facts));
  const indentation = /^[ \t]*/.exec(lines.lineText(line))?.[0] ?? '';
  const position = { line, character: 0 };
  return {
    range: { start: position, end: position },
    newText: `${indentation}${comment}${lineBreakOf(lines, line)}`,
  };
}

/** The character that continues a statement on the next line, where the format has one. */
function continuationOf(kind: FileKind, facts: Facts | undefined): string | undefined {
  if (kind === 'dockerfile') return facts?.kind === 'dockerfile' ? facts.escapeCharacter : '\\';
  return kind === 'requirements' ? '\\' : undefined;
}

function statementStart(lines: LineIndex, line: number, continuation: string | undefined): number {
  if (continuation === undefined) return line;
  let start = line;
  while (
    start > 0 &&
    lines
      .lineText(start - 1)
      .trimEnd()
      .endsWith(continuation)
  )
    start--;
  return start;
}

/** The line break the text already uses, so an inserted line does not mix styles. */
function lineBreakOf(lines: LineIndex, line: number): string {
  const text = lines.text;
  for (const candidate of [line, line - 1]) {
    if (candidate < 0) continue;
    const end = lines.lineEnd(candidate);
    if (text.startsWith('\r\n', end)) return '\r\n';
    if (text.startsWith('\r', end)) return '\r';
    if (text.startsWith('\n', end)) return '\n';
  }
  return '\n';
}
