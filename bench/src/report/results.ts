/** Everything one run of the benchmarks measured: the shape of `bench/results.json`. */
import type { Diagnosis } from '../analysis/diagnoses';
import type { ProfileLine } from '../analysis/profile';
import type { CaseTiming, TimingLimits } from '../analysis/timing';
import type { Machine } from '../measure/machine';
import type { ColdStartResult } from '../scenarios/coldStart';
import type { PackageResult } from '../scenarios/extensionPackage';
import type { MemoryResult } from '../scenarios/memory';
import type { TypingResult } from '../scenarios/typing';

export interface PackagingStep {
  readonly command: string;
  readonly exitCode: number | null;
  readonly seconds: number;
  /** The end of its output when it failed. */
  readonly outputTail?: string;
}

export interface CaseProfile {
  readonly caseId: string;
  readonly runs: number;
  /** The functions with the largest total share, in our code and the parser. */
  readonly top: readonly ProfileLine[];
  readonly diagnoses: readonly Diagnosis[];
}

export interface TargetResult {
  readonly id: string;
  readonly description: string;
  /** Undefined when the figures needed were not measured. */
  readonly met: boolean | undefined;
  /** The figures the verdict rests on. */
  readonly detail: string;
  /** Why it was missed, from the measurements; empty when met. */
  readonly causes: readonly string[];
}

export interface BenchResults {
  readonly machine: Machine;
  readonly quick: boolean;
  /** The day support windows were judged against. */
  readonly analysisDay: string;
  readonly packaging?: PackagingStep;
  readonly limits: TimingLimits;
  readonly analysis: readonly CaseTiming[];
  readonly profiles: readonly CaseProfile[];
  readonly coldStart: readonly ColdStartResult[];
  readonly coldStartRuns: number;
  readonly typing: readonly TypingResult[];
  readonly memory?: MemoryResult;
  readonly extensionPackage?: PackageResult;
  readonly cpuResolutionMs: number;
  readonly targets: readonly TargetResult[];
  /** Sections that failed as a whole, with the reason. */
  readonly failures: readonly string[];
  readonly totalSeconds: number;
}
