import type { Finding, RuleId } from '../engine/finding';
import type { AnalysisSettings } from '../engine/settings';
import type { MatrixIndex } from '../matrix/lookup';
import type { Matrix } from '../matrix/types';
import type { Facts } from '../parsers/types';
import type { LineIndex } from '../util/text';
import type { Subject } from './subjects';

/** Everything a rule may look at. Rules are pure functions of this. */
export interface RuleContext {
  readonly fileName: string;
  readonly text: string;
  readonly lines: LineIndex;
  readonly facts: Facts;
  readonly subjects: readonly Subject[];
  readonly matrix: Matrix;
  readonly index: MatrixIndex;
  readonly settings: AnalysisSettings;
  /** `YYYY-MM-DD`. */
  readonly today: string;
}

export interface Rule {
  readonly id: RuleId;
  check(context: RuleContext): Finding[];
}
