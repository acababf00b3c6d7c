import type { Matrix } from '../matrix/types';
import type { Facts, FileKind } from '../parsers/types';
import type { Finding } from './finding';
import type { AnalysisSettings } from './settings';

/** Waivers from the project's config file (`.cleanstart.yaml`), matched against one file. */
export interface ConfigSuppression {
  readonly rule: string;
  /** Matches findings whose message or entry mentions this text (`django`, `node`), or all when absent. */
  readonly match?: string;
  readonly reason: string;
  /** `YYYY-MM-DD`: the waiver lapses after this day. */
  readonly until?: string;
}

export interface AnalysisInput {
  readonly fileName: string;
  readonly text: string;
  readonly matrix: Matrix;
  readonly settings: AnalysisSettings;
  /** `YYYY-MM-DD`. */
  readonly today: string;
  readonly suppressions?: readonly ConfigSuppression[];
}

export interface Analysis {
  readonly kind: FileKind | undefined;
  readonly facts?: Facts;
  /** Every finding, suppressed ones included (they carry `suppressed`). */
  readonly findings: readonly Finding[];
}

export declare function fileKindOf(fileName: string): FileKind | undefined;
export declare function analyze(input: AnalysisInput): Analysis;
