/**
 * Sets of versions as unions of intervals. The matrix's ranges, npm ranges, PEP 440 specifiers and
 * image tags all become version sets, so "which matrix entries does this range admit" is one
 * intersection.
 */
import { compareVersions, nextPrefix, parseVersion, type Version } from './version';

export interface Bound {
  readonly version: Version;
  readonly inclusive: boolean;
}

/** An interval; a missing bound is unbounded on that side. */
export interface Interval {
  readonly lower?: Bound;
  readonly upper?: Bound;
}

/** A union of disjoint intervals in ascending order; empty means no version. */
export type VersionSet = readonly Interval[];

export const ALL_VERSIONS: VersionSet = [{}];
export const NO_VERSIONS: VersionSet = [];

export function exactly(version: Version): VersionSet {
  return [{ lower: { version, inclusive: true }, upper: { version, inclusive: true } }];
}

/** Every version that starts with `prefix`: `3.12` → `>=3.12 <3.13`. */
export function withPrefix(prefix: Version): VersionSet {
  if (prefix.length === 0) return ALL_VERSIONS;
  return [
    {
      lower: { version: prefix, inclusive: true },
      upper: { version: nextPrefix(prefix), inclusive: false },
    },
  ];
}

export function atLeast(version: Version, inclusive = true): VersionSet {
  return [{ lower: { version, inclusive } }];
}

export function below(version: Version, inclusive = false): VersionSet {
  return [{ upper: { version, inclusive } }];
}

function lowerCompare(a: Bound | undefined, b: Bound | undefined): number {
  if (!a) return b ? -1 : 0;
  if (!b) return 1;
  return (
    compareVersions(a.version, b.version) ||
    (a.inclusive === b.inclusive ? 0 : a.inclusive ? -1 : 1)
  );
}

function upperCompare(a: Bound | undefined, b: Bound | undefined): number {
  if (!a) return b ? 1 : 0;
  if (!b) return -1;
  return (
    compareVersions(a.version, b.version) ||
    (a.inclusive === b.inclusive ? 0 : a.inclusive ? 1 : -1)
  );
}

function isEmptyInterval(interval: Interval): boolean {
  const { lower, upper } = interval;
  if (!lower || !upper) return false;
  const order = compareVersions(lower.version, upper.version);
  return order > 0 || (order === 0 && !(lower.inclusive && upper.inclusive));
}

/** True when `a` ends before `b` starts with no version between (so they cannot merge). */
function separated(a: Interval, b: Interval): boolean {
  if (!a.upper || !b.lower) return false;
  const order = compareVersions(a.upper.version, b.lower.version);
  return order < 0 || (order === 0 && !a.upper.inclusive && !b.lower.inclusive);
}

/** Sorts, drops empty intervals and merges overlapping or touching ones. */
export function normalize(intervals: readonly Interval[]): VersionSet {
  const sorted = intervals
    .filter((interval) => !isEmptyInterval(interval))
    .sort((a, b) => lowerCompare(a.lower, b.lower));
  const result: Interval[] = [];
  for (const interval of sorted) {
    const last = result[result.length - 1];
    if (last && !separated(last, interval)) {
      result[result.length - 1] = {
        lower: last.lower,
        upper: upperCompare(last.upper, interval.upper) >= 0 ? last.upper : interval.upper,
      };
    } else {
      result.push(interval);
    }
  }
  return result;
}

export function union(...sets: readonly VersionSet[]): VersionSet {
  return normalize(sets.flat());
}

export function intersect(a: VersionSet, b: VersionSet): VersionSet {
  const result: Interval[] = [];
  for (const x of a) {
    for (const y of b) {
      const interval: Interval = {
        lower: lowerCompare(x.lower, y.lower) >= 0 ? x.lower : y.lower,
        upper: upperCompare(x.upper, y.upper) <= 0 ? x.upper : y.upper,
      };
      if (!isEmptyInterval(interval)) result.push(interval);
    }
  }
  return normalize(result);
}

export function complement(set: VersionSet): VersionSet {
  const result: Interval[] = [];
  let lower: Bound | undefined;
  for (const interval of normalize(set)) {
    if (interval.lower) {
      result.push({
        lower,
        upper: { version: interval.lower.version, inclusive: !interval.lower.inclusive },
      });
    }
    if (!interval.upper) return normalize(result);
    lower = { version: interval.upper.version, inclusive: !interval.upper.inclusive };
  }
  result.push({ lower });
  return normalize(result);
}

export function intersects(a: VersionSet, b: VersionSet): boolean {
  return intersect(a, b).length > 0;
}

export function isEmpty(set: VersionSet): boolean {
  return normalize(set).length === 0;
}

export function contains(set: VersionSet, version: Version): boolean {
  return intersects(set, exactly(version));
}

/** The lowest bound of the set, `undefined` when it is unbounded below or empty. */
export function lowestVersion(set: VersionSet): Version | undefined {
  return set[0]?.lower?.version;
}

/** The highest bound of the set, `undefined` when it is unbounded above or empty. */
export function highestVersion(set: VersionSet): Version | undefined {
  const last = set[set.length - 1];
  return last?.upper?.version;
}

const COMPARATOR = /^(>=|<=|>|<|=)?(\d+(?:\.\d+)*)$/;

/**
 * Parses the matrix's range syntax: comparator sets joined by `||`, each a space-separated list of
 * `>=`, `>`, `<`, `<=`, `=` comparators (a bare version means `=`), or `*`.
 */
export function parseMatrixRange(text: string): VersionSet | undefined {
  const alternatives: VersionSet[] = [];
  for (const alternative of text.split('||')) {
    const words = alternative.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) return undefined;
    let set: VersionSet = ALL_VERSIONS;
    for (const word of words) {
      if (word === '*') continue;
      const match = COMPARATOR.exec(word);
      const version = match?.[2] === undefined ? undefined : parseVersion(match[2]);
      if (!version) return undefined;
      set = intersect(set, comparatorSet(match?.[1] ?? '=', version));
    }
    alternatives.push(set);
  }
  return union(...alternatives);
}

function comparatorSet(operator: string, version: Version): VersionSet {
  switch (operator) {
    case '>=':
      return atLeast(version, true);
    case '>':
      return atLeast(version, false);
    case '<':
      return below(version, false);
    case '<=':
      return below(version, true);
    default:
      return exactly(version);
  }
}

/** Renders a set in the matrix's range syntax (for messages and tests). */
export function formatVersionSet(set: VersionSet): string {
  if (set.length === 0) return '(none)';
  return set
    .map((interval) => {
      const parts: string[] = [];
      if (interval.lower)
        parts.push(`${interval.lower.inclusive ? '>=' : '>'}${interval.lower.version.join('.')}`);
      if (interval.upper)
        parts.push(`${interval.upper.inclusive ? '<=' : '<'}${interval.upper.version.join('.')}`);
      return parts.length === 0 ? '*' : parts.join(' ');
    })
    .join(' || ');
}
