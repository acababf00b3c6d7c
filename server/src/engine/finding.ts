import type { Range } from '../util/text';

/**
 * What will break at build or start is an error; Tier 3 or ended support is a warning; Tier 2 or
 * support ending soon is information; hints are for ranges that could be tightened.
 */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** Stable rule ids: users type them in settings, config files and suppression comments. */
export type RuleId =
  | 'runtime-support'
  | 'dependency-support'
  | 'package-manager-support'
  | 'musl-libc'
  | 'shell-form'
  | 'native-extension'
  | 'unused-suppression'
  | 'parse-error';

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The fix to pick when only one is applied (an editor's preferred quick fix, fix-all). */
  readonly isPreferred?: boolean;
}

export interface RelatedLocation {
  readonly range: Range;
  readonly message: string;
}

export interface Finding {
  readonly rule: RuleId;
  readonly range: Range;
  readonly severity: Severity;
  readonly message: string;
  /** The matrix entry the finding is about, where there is one. */
  readonly entryId?: string;
  /** True when the version's support has ended: editors draw it struck through. */
  readonly deprecated?: boolean;
  readonly related?: readonly RelatedLocation[];
  readonly fixes: readonly Fix[];
  /** Set when a suppression comment or the config file waives the finding. */
  readonly suppressed?: { readonly reason: string; readonly source: 'comment' | 'config' };
}
