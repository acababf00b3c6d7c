import type { Analysis } from '../engine/analyze';
import { DEFAULT_LOOKAHEAD_DAYS } from '../matrix/status';
import type { Matrix } from '../matrix/types';
import type { Subject } from '../rules/subjects';
import type { Position, Range } from '../util/text';
import { comparePositions, rangeContains } from '../util/text';
import { visibleFindings } from './diagnostics';
import { renderCard } from './hoverCard';

export interface HoverInput {
  readonly analysis: Analysis;
  /** The analysed file's subjects (`subjectsOf` over the analysis's facts). */
  readonly subjects: readonly Subject[];
  readonly matrix: Matrix;
  /** `YYYY-MM-DD`. */
  readonly today: string;
  readonly lookaheadDays?: number;
  readonly position: Position;
}

export interface HoverCard {
  /** The card as markdown. */
  readonly markdown: string;
  /** What the card is about (a whole image reference, a dependency's name and version). */
  readonly range: Range;
}

/** The card for the subject under `position`, or `undefined` when the matrix knows nothing there. */
export function hoverAt(input: HoverInput): HoverCard | undefined {
  const subject = subjectAt(input.subjects, input.position);
  if (subject === undefined) return undefined;
  const findings = visibleFindings(input.analysis.findings).filter(
    (finding) =>
      rangeContains(subject.hoverRange, finding.range.start) ||
      rangeContains(finding.range, subject.range.start),
  );
  const markdown = renderCard(subject, {
    matrix: input.matrix,
    today: input.today,
    lookaheadDays: input.lookaheadDays ?? DEFAULT_LOOKAHEAD_DAYS,
    findings,
  });
  return { markdown, range: subject.hoverRange };
}

/** The innermost subject whose hover range holds `position` (an install line holds several). */
export function subjectAt(subjects: readonly Subject[], position: Position): Subject | undefined {
  let best: Subject | undefined;
  for (const subject of subjects) {
    if (!rangeContains(subject.hoverRange, position)) continue;
    if (best === undefined || isInside(subject.hoverRange, best.hoverRange)) best = subject;
  }
  return best;
}

function isInside(inner: Range, outer: Range): boolean {
  return (
    comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0
  );
}
