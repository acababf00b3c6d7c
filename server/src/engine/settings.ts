import { DEFAULT_LOOKAHEAD_DAYS } from '../matrix/status';
import type { FileKind } from '../parsers/types';
import type { RuleId, Severity } from './finding';

/** A rule's configured severity, or `off` to turn it off. */
export type RuleSeverity = Severity | 'off';

/** Everything that changes what analysis reports. Built from editor settings, the config file and CLI flags. */
export interface AnalysisSettings {
  /** Per-rule severity overrides; a rule not named keeps the severity its finding carries. */
  readonly rules: Partial<Record<RuleId, RuleSeverity>>;
  /** Support that ends within this many days is reported as ending soon.  */
  readonly lookaheadDays: number;
  /** Report versions newer than every version the matrix lists (as information). Off by default. */
  readonly reportNewerVersions: boolean;
  /** File kinds to analyse. */
  readonly fileKinds: Readonly<Record<FileKind, boolean>>;
}

export const DEFAULT_SETTINGS: AnalysisSettings = {
  rules: {},
  lookaheadDays: DEFAULT_LOOKAHEAD_DAYS,
  reportNewerVersions: false,
  fileKinds: { dockerfile: true, 'package.json': true, requirements: true, 'go.mod': true },
};
