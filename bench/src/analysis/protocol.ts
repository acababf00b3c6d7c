/** The messages between the benchmark and an analysis worker. */
import type { AnalysisCase } from '../inputs/cases';
import type { CpuProfile } from './profile';
import type { ToolName } from './tools';

export interface WorkerInput {
  readonly input: AnalysisCase;
  readonly tool: ToolName;
}

export type WorkerRequest =
  | { readonly type: 'warm'; readonly minRuns: number; readonly budgetMs: number }
  | { readonly type: 'run'; readonly count: number }
  | { readonly type: 'profile'; readonly runs: number; readonly budgetMs: number };

export type WorkerReply =
  /** Loaded and about to run the tool for the first time. */
  | { readonly type: 'loaded' }
  | {
      readonly type: 'ready';
      readonly lines: number;
      readonly characters: number;
      /** Findings (ours), diagnostics (dockerfile-utils) or instructions (dockerfile-ast). */
      readonly results: number;
    }
  | { readonly type: 'warmed'; readonly runs: number }
  | { readonly type: 'samples'; readonly milliseconds: readonly number[] }
  | { readonly type: 'profiled'; readonly profile: CpuProfile; readonly runs: number };
