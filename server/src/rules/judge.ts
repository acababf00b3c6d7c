/**
 * Judging a subject's versions against the matrix. A range is judged by the versions it admits:
 * if any of them is a tested, supported choice, the range is fine.
 */
import { statusAt, type EntryStatus } from '../matrix/status';
import type { Matrix, MatrixEntry } from '../matrix/types';
import {
  complement,
  highestVersion,
  intersect,
  isEmpty,
  parseMatrixRange,
  union,
  atLeast,
  type VersionSet,
} from '../versions/versionSet';
import type { Subject } from './subjects';

export type Verdict =
  /** Admits a Tier 1 version in support: nothing to say (maybe a hint about what else it admits). */
  | { readonly kind: 'fine'; readonly alsoAdmits: readonly EntryStatus[] }
  /** Admits only versions newer than every version listed. */
  | { readonly kind: 'newer' }
  /** The best version admitted is a listed entry that is not a supported Tier 1 choice. */
  | { readonly kind: 'entry'; readonly status: EntryStatus }
  /** Admits only versions the matrix does not list, older than or between listed ones. */
  | { readonly kind: 'unlisted' };

const ENTRY_SETS = new WeakMap<MatrixEntry, VersionSet>();

/** The versions an entry covers, parsed once per entry: entries are never mutated. */
export function entrySet(entry: MatrixEntry): VersionSet {
  let set = ENTRY_SETS.get(entry);
  if (!set) {
    set = parseMatrixRange(entry.range) ?? [];
    ENTRY_SETS.set(entry, set);
  }
  return set;
}

/** True for a Tier 1 entry whose support has not ended (or has no end). */
export function isGoodChoice(status: EntryStatus): boolean {
  return (
    status.tier === 1 &&
    status.state !== 'ended' &&
    status.state !== 'not-applicable' &&
    status.state !== 'ending-soon'
  );
}

/**
 * Orders statuses best first: supported Tier 1, Tier 1 ending soon, supported Tier 2, Tier 2
 * ending soon, then ended or Tier 3; newer versions before older within a rank.
 */
export function rank(status: EntryStatus): number {
  const ended = status.state === 'ended' || status.state === 'not-applicable';
  if (ended || status.tier === 3) return 4;
  const soon = status.state === 'ending-soon' ? 1 : 0;
  return (status.tier - 1) * 2 + soon;
}

function newerThanListed(admitted: VersionSet, listed: VersionSet): boolean {
  const top = highestVersion(listed);
  if (listed.length === 0) return !isEmpty(admitted);
  if (top === undefined) return false;
  const upper = listed[listed.length - 1]?.upper;
  return !isEmpty(intersect(admitted, atLeast(top, !(upper?.inclusive ?? false))));
}

/** The statuses of the entries whose versions `versions` admits, best first. */
export function admittedStatuses(
  entries: readonly MatrixEntry[],
  versions: VersionSet,
  matrix: Matrix,
  today: string,
  lookaheadDays: number,
): EntryStatus[] {
  return entries
    .filter((entry) => !isEmpty(intersect(entrySet(entry), versions)))
    .map((entry) => statusAt(matrix, entry, today, lookaheadDays))
    .sort((a, b) => rank(a) - rank(b) || compareEntryVersions(b.entry, a.entry));
}

export function judge(
  subject: Subject,
  matrix: Matrix,
  today: string,
  lookaheadDays: number,
): Verdict | undefined {
  const versions = subject.versions;
  if (!versions || isEmpty(versions) || subject.entries.length === 0) return undefined;
  const statuses = admittedStatuses(subject.entries, versions, matrix, today, lookaheadDays);
  const best = statuses[0];
  if (best && isGoodChoice(best)) {
    return { kind: 'fine', alsoAdmits: statuses.filter((status) => rank(status) >= 2) };
  }
  const listed = union(...subject.entries.map(entrySet));
  if (newerThanListed(versions, listed)) return { kind: 'newer' };
  if (best) return { kind: 'entry', status: best };
  const unlisted = intersect(versions, complement(listed));
  return isEmpty(unlisted) ? undefined : { kind: 'unlisted' };
}

/** Orders entries by the lowest version they cover. */
export function compareEntryVersions(a: MatrixEntry, b: MatrixEntry): number {
  const lowA = entrySet(a)[0]?.lower?.version ?? [];
  const lowB = entrySet(b)[0]?.lower?.version ?? [];
  for (let i = 0; i < Math.max(lowA.length, lowB.length); i++) {
    const difference = (lowA[i] ?? 0) - (lowB[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
