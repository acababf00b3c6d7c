/**
 * Scanning helpers shared by the parts of a requirement, bound to one logical line.
 */
import type { ParseProblem, Requirement, UnnamedRequirement } from '../types';
import { isWhitespace, type LogicalLine } from './logicalLines';

/** What one requirement line yields: a named requirement, or a URL or path without a name. */
export interface ReadRequirement {
  readonly requirement?: Requirement;
  readonly unnamed?: UnnamedRequirement;
}

/** PEP 503: lower case, every run of `-`, `_` and `.` made one `-`. */
export function normalizePackageName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

function isNameCharacter(code: number, edge: boolean): boolean {
  const alphanumeric =
    (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return alphanumeric || (!edge && (code === 45 || code === 46 || code === 95));
}

/** End of the project name starting at `start`, or `start` when there is none. */
export function nameEnd(text: string, start: number, end: number): number {
  if (start >= end || !isNameCharacter(text.charCodeAt(start), true)) return start;
  let last = start + 1;
  for (let i = start + 1; i < end; i++) {
    const code = text.charCodeAt(i);
    if (!isNameCharacter(code, false)) break;
    if (isNameCharacter(code, true)) last = i + 1;
  }
  return last;
}

export function skipBlanks(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && isWhitespace(text.charCodeAt(i))) i++;
  return i;
}

export function trimEnd(text: string, start: number, end: number): number {
  let i = end;
  while (i > start && isWhitespace(text.charCodeAt(i - 1))) i--;
  return i;
}

/** A logical line, where its problems go, and the clauses already checked in this file. */
export class Reader {
  constructor(
    readonly line: LogicalLine,
    readonly problems: ParseProblem[],
    /** Clause text to validity: files repeat clauses, and checking one is not cheap. */
    readonly checkedClauses: Map<string, boolean>,
  ) {}

  get text(): string {
    return this.line.text;
  }

  problem(start: number, end: number, message: string): void {
    this.problems.push({ range: this.line.range(start, end), message });
  }
}
