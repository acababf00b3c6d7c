import type { Language, Matrix, MatrixEntry, Tier, TierInfo } from './types';

/** Where an entry's support stands on a given day. */
export type SupportState =
  | 'ended'
  | 'ending-soon'
  | 'in-support'
  | 'open-ended'
  | 'rolling'
  | 'not-applicable'
  | 'unknown';

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

// Implemented with the matrix loader; see statusAt and recommendedVersion.
export declare function statusAt(
  matrix: Matrix,
  entry: MatrixEntry,
  today: string,
  lookaheadDays?: number,
): EntryStatus;

export interface Recommendation {
  readonly entry: MatrixEntry;
  readonly status: EntryStatus;
  /** False when no Tier 1 version of the runtime is in support on that day. */
  readonly inSupport: boolean;
}

export declare function recommendedVersion(
  matrix: Matrix,
  language: Language,
  today: string,
  lookaheadDays?: number,
): Recommendation | undefined;
