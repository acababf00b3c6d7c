/**
 * The editor's `cleanstart` settings section, read defensively: the values come from user and
 * workspace JSON, so every field is checked and a bad one falls back to its default.
 */
import type { RuleId } from '../engine/finding';
import type { AnalysisSettings, RuleSeverity } from '../engine/settings';
import { DEFAULT_SETTINGS } from '../engine/settings';
import type { FileKind } from '../parsers/types';
import { isRuleId } from '../engine/ruleInfo';

export const SETTINGS_SECTION = 'cleanstart';

export interface EditorSettings {
  readonly analysis: AnalysisSettings;
  /** A matrix override file; relative paths are taken from the workspace folder. Empty for none. */
  readonly matrixOverridePath: string;
  readonly checkWorkspaceOnStartup: boolean;
}

export const DEFAULT_EDITOR_SETTINGS: EditorSettings = {
  analysis: DEFAULT_SETTINGS,
  matrixOverridePath: '',
  checkWorkspaceOnStartup: true,
};

/** Setting keys under `cleanstart.files` for each file kind (`cleanstart.files.goMod.enabled`). */
export const FILE_KIND_SETTING: Record<FileKind, string> = {
  dockerfile: 'dockerfile',
  'package.json': 'packageJson',
  requirements: 'requirements',
  'go.mod': 'goMod',
};

const RULE_SEVERITIES: ReadonlySet<string> = new Set<RuleSeverity>([
  'error',
  'warning',
  'information',
  'hint',
  'off',
]);

/** Reads the section as the editor sent it; anything missing or malformed takes its default. */
export function readEditorSettings(section: unknown): EditorSettings {
  const raw = asRecord(section);
  const defaults = DEFAULT_EDITOR_SETTINGS;
  return {
    analysis: {
      rules: readRules(raw.rules),
      lookaheadDays: readLookahead(raw.lookaheadDays),
      reportNewerVersions:
        typeof raw.reportNewerVersions === 'boolean'
          ? raw.reportNewerVersions
          : defaults.analysis.reportNewerVersions,
      fileKinds: readFileKinds(raw.files),
    },
    matrixOverridePath:
      typeof raw.matrixOverridePath === 'string'
        ? raw.matrixOverridePath.trim()
        : defaults.matrixOverridePath,
    checkWorkspaceOnStartup:
      typeof raw.checkWorkspaceOnStartup === 'boolean'
        ? raw.checkWorkspaceOnStartup
        : defaults.checkWorkspaceOnStartup,
  };
}

/** `default` (and anything unknown) leaves the rule to the config file and the rule itself. */
function readRules(value: unknown): Partial<Record<RuleId, RuleSeverity>> {
  const rules: Partial<Record<RuleId, RuleSeverity>> = {};
  for (const [rule, severity] of Object.entries(asRecord(value))) {
    if (isRuleId(rule) && typeof severity === 'string' && RULE_SEVERITIES.has(severity)) {
      rules[rule] = severity as RuleSeverity;
    }
  }
  return rules;
}

function readLookahead(value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 3650) {
    return value;
  }
  return DEFAULT_SETTINGS.lookaheadDays;
}

function readFileKinds(value: unknown): Record<FileKind, boolean> {
  const files = asRecord(value);
  const kinds = { ...DEFAULT_SETTINGS.fileKinds };
  for (const kind of Object.keys(kinds) as FileKind[]) {
    const enabled = asRecord(files[FILE_KIND_SETTING[kind]]).enabled;
    if (typeof enabled === 'boolean') kinds[kind] = enabled;
  }
  return kinds;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
