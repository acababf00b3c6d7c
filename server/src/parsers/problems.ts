import type { ParseProblem } from './types';

/** Past this many problems a file is likely not of the kind its name says (binary, another format). */
export const MAX_PROBLEMS = 100;

/**
 * The first `MAX_PROBLEMS` problems, and one more that says how many were left out, so that an
 * unreadable file does not bury the editor in diagnostics.
 */
export function limitProblems(problems: readonly ParseProblem[]): ParseProblem[] {
  if (problems.length <= MAX_PROBLEMS) return [...problems];
  const kept = problems.slice(0, MAX_PROBLEMS);
  const next = problems[MAX_PROBLEMS];
  if (next) {
    kept.push({
      range: next.range,
      message: `${problems.length - MAX_PROBLEMS} more problems in this file are not listed. Fix the ones above first; the file may not be of the kind its name says.`,
    });
  }
  return kept;
}

/** In reading order, whichever stage of a parser found them. The sort is stable. */
export function sortProblems(problems: ParseProblem[]): ParseProblem[] {
  return problems.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
}
