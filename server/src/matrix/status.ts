import { compareVersions, type Version } from '../versions/version';
import { lowestVersion, parseMatrixRange } from '../versions/versionSet';
import { daysBetween, describeDays, formatMonth, isDay, lastDayOf } from './dates';
import type { Language, Matrix, MatrixEntry, Tier, TierInfo } from './types';

/** Where an entry's support stands on a given day. */
export type SupportState =
  'ended' | 'ending-soon' | 'in-support' | 'open-ended' | 'rolling' | 'not-applicable' | 'unknown';

export interface EntryStatus {
  readonly entry: MatrixEntry;
  readonly tier: Tier;
  readonly tierInfo: TierInfo;
  readonly state: SupportState;
  /** The last day of support, `YYYY-MM-DD`, where the document gives or implies one. */
  readonly lastDay?: string;
  /** Days from `today` to `lastDay`: negative once support has ended. */
  readonly daysLeft?: number;
}

export const DEFAULT_LOOKAHEAD_DAYS = 90;

/** States in which the entry is supported today. */
const IN_SUPPORT: ReadonlySet<SupportState> = new Set([
  'in-support',
  'ending-soon',
  'open-ended',
  'rolling',
]);

export function isInSupport(status: EntryStatus): boolean {
  return IN_SUPPORT.has(status.state);
}

/** The matrix's description of `tier`; a plain one if the matrix lacks it, so callers never fail. */
export function tierInfo(matrix: Matrix, tier: Tier): TierInfo {
  return (
    matrix.tiers.find((info) => info.tier === tier) ?? {
      tier,
      title: `Tier ${tier}`,
      summary: '',
      meaning: '',
      response: { kind: 'none', text: '' },
      testingScope: '',
    }
  );
}

/**
 * Where `entry`'s support stands on `today` (`YYYY-MM-DD`). A month ("Oct 2027") means support
 * runs to its last day. Support ending within `lookaheadDays` (both ends included) is
 * `ending-soon`; support whose last day is before `today` is `ended`.
 *
 * An open-ended window ("Sept 2026+") is `open-ended` whatever the day: the document promises
 * support at least until the end of the month it names and gives no end, so a passed `lastDay`
 * means only that the promise is no longer dated. Such a status carries `lastDay` but no
 * `daysLeft`, since a negative count would read as ended.
 *
 * Throws a RangeError when `today` is not a real `YYYY-MM-DD` day (a caller's mistake). A date in
 * the data that is not a day or month yields `unknown`.
 */
export function statusAt(
  matrix: Matrix,
  entry: MatrixEntry,
  today: string,
  lookaheadDays: number = DEFAULT_LOOKAHEAD_DAYS,
): EntryStatus {
  // Statuses are asked for many times per analysis; matrices and entries are never mutated, so
  // the answer for one day and lookahead can be kept with them.
  let byEntry = STATUS_CACHE.get(matrix);
  if (!byEntry) {
    byEntry = new WeakMap();
    STATUS_CACHE.set(matrix, byEntry);
  }
  let byDay = byEntry.get(entry);
  if (!byDay) {
    byDay = new Map();
    byEntry.set(entry, byDay);
  }
  const key = `${today}/${lookaheadDays}`;
  let status = byDay.get(key);
  if (!status) {
    status = computeStatus(matrix, entry, today, lookaheadDays);
    if (byDay.size > MAX_CACHED_DAYS) byDay.clear();
    byDay.set(key, status);
  }
  return status;
}

const STATUS_CACHE = new WeakMap<Matrix, WeakMap<MatrixEntry, Map<string, EntryStatus>>>();
/** A long-running server sees a new day every day; the cache never holds more than a few. */
const MAX_CACHED_DAYS = 8;

function computeStatus(
  matrix: Matrix,
  entry: MatrixEntry,
  today: string,
  lookaheadDays: number,
): EntryStatus {
  if (!isDay(today)) throw new RangeError(`today must be a day as YYYY-MM-DD, got "${today}"`);
  const base = { entry, tier: entry.tier, tierInfo: tierInfo(matrix, entry.tier) };
  const support = entry.support;

  switch (support.kind) {
    case 'date':
    case 'rule': {
      const lastDay = lastDayOf(support.date);
      if (lastDay === undefined) return { ...base, state: 'unknown' };
      const daysLeft = daysBetween(today, lastDay);
      const state =
        daysLeft < 0 ? 'ended' : daysLeft <= lookaheadDays ? 'ending-soon' : 'in-support';
      return { ...base, state, lastDay, daysLeft };
    }
    case 'open-ended': {
      const lastDay = lastDayOf(support.from);
      return lastDay === undefined
        ? { ...base, state: 'open-ended' }
        : { ...base, state: 'open-ended', lastDay };
    }
    case 'rolling':
      return { ...base, state: 'rolling' };
    case 'ended':
      return { ...base, state: 'ended' };
    case 'not-applicable':
      return { ...base, state: 'not-applicable' };
    case 'none':
      return { ...base, state: 'unknown' };
  }
}

/**
 * One line on the support window for people: "ended 7 months ago (Apr 2026)", "ends in 43 days
 * (Jan 2027)", "supported at least until Sep 2026, no end announced".
 */
export function describeStatus(status: EntryStatus): string {
  const support = status.entry.support;
  const month = status.lastDay === undefined ? undefined : formatMonth(status.lastDay);
  switch (status.state) {
    case 'ended':
    case 'ending-soon':
    case 'in-support': {
      if (status.daysLeft === undefined) return 'support has ended';
      // Say the end as the document does: a month when it gives a month, else the day.
      const given = support.kind === 'date' || support.kind === 'rule' ? support.date : '';
      const end = /^\d{4}-\d{2}$/.test(given) ? month : status.lastDay;
      return `${describeDays(status.daysLeft)} (${end ?? ''})`;
    }
    case 'open-ended':
      return month === undefined
        ? 'no end announced'
        : `supported at least until ${month}, no end announced`;
    case 'rolling':
      return support.kind === 'rolling' ? support.description : 'rolling support';
    case 'not-applicable':
      return support.kind === 'not-applicable'
        ? `not applicable: ${support.reason}`
        : 'not applicable';
    case 'unknown':
      return 'no support end given';
  }
}

/** The lowest version an entry covers, used to order entries newest first. */
function entryVersion(entry: MatrixEntry): Version | undefined {
  const set = parseMatrixRange(entry.range);
  return set === undefined ? undefined : lowestVersion(set);
}

/** Newer first; entries with no comparable version last. */
function compareNewestFirst(a: EntryStatus, b: EntryStatus): number {
  const versionA = entryVersion(a.entry);
  const versionB = entryVersion(b.entry);
  if (versionA === undefined || versionB === undefined) {
    return (versionA === undefined ? 1 : 0) - (versionB === undefined ? 1 : 0);
  }
  return compareVersions(versionB, versionA);
}

/** Among entries out of support: the one that ended last first, then those with no end day. */
function compareEndedLatestFirst(a: EntryStatus, b: EntryStatus): number {
  if (a.lastDay === b.lastDay) return 0;
  if (a.lastDay === undefined) return 1;
  if (b.lastDay === undefined) return -1;
  return a.lastDay < b.lastDay ? 1 : -1;
}

/**
 * In support first; then entries with no end given, which may well still be supported; then
 * ended ones; not-applicable entries can never be used on CleanStart and go last.
 */
function usability(status: EntryStatus): number {
  if (isInSupport(status)) return 0;
  if (status.state === 'unknown') return 1;
  return status.state === 'ended' ? 2 : 3;
}

function compareBestFirst(a: EntryStatus, b: EntryStatus): number {
  return (
    a.tier - b.tier ||
    usability(a) - usability(b) ||
    (isInSupport(a) ? 0 : compareEndedLatestFirst(a, b)) ||
    compareNewestFirst(a, b)
  );
}

function runtimeStatuses(
  matrix: Matrix,
  language: Language,
  today: string,
  lookaheadDays: number,
): EntryStatus[] {
  return matrix.entries
    .filter((entry) => entry.category === 'runtime' && entry.language === language)
    .map((entry) => statusAt(matrix, entry, today, lookaheadDays));
}

/**
 * The language's runtime entries, best first: the order quick fixes offer them. Tier decides
 * first, as the document ranks its tiers; within a tier, versions in support come first (newest
 * first), then those with no end given, then those that ended (the most recently ended first,
 * then newest), then those that do not apply to CleanStart at all.
 */
export function supportedVersions(
  matrix: Matrix,
  language: Language,
  today: string,
  lookaheadDays: number = DEFAULT_LOOKAHEAD_DAYS,
): readonly EntryStatus[] {
  return runtimeStatuses(matrix, language, today, lookaheadDays).sort(compareBestFirst);
}

export interface Recommendation {
  readonly entry: MatrixEntry;
  readonly status: EntryStatus;
  /**
   * False when the recommended version is itself out of support on that day: no Tier 1 version
   * is in support (or, for a language without Tier 1 versions, no Tier 2 version).
   */
  readonly inSupport: boolean;
}

/**
 * The runtime version to suggest: the newest Tier 1 version in support. When no Tier 1 version is
 * in support, the Tier 1 version whose support ended last, with `inSupport: false`: an ended
 * Tier 1 version is still the officially tested one. Tier 2 is considered only for a language
 * with no Tier 1 runtime at all; Tier 3 never. Undefined when the matrix has nothing to suggest.
 */
export function recommendedVersion(
  matrix: Matrix,
  language: Language,
  today: string,
  lookaheadDays: number = DEFAULT_LOOKAHEAD_DAYS,
): Recommendation | undefined {
  const best = supportedVersions(matrix, language, today, lookaheadDays)[0];
  if (best === undefined || best.tier === 3 || best.state === 'not-applicable') return undefined;
  return { entry: best.entry, status: best, inSupport: isInSupport(best) };
}
