/**
 * The project config file, `.cleanstart.yaml` (or `.yml`): per-rule severity, ignored paths,
 * lookahead, matrix override path, a fixed date for reproducible CI runs, and waivers. Parsing is
 * pure; an invalid file yields problems with positions, and what is valid still applies.
 */
import { isMap, isSeq, isScalar, parseDocument, type Node } from 'yaml';
import { isDay } from '../matrix/dates';
import { LineIndex } from '../util/text';
import type { ConfigSuppression } from './analyze';
import { SEVERITIES, type RuleId } from './finding';
import { RULE_IDS } from './ruleInfo';
import type { AnalysisSettings, RuleSeverity } from './settings';

export interface ConfigWaiver extends ConfigSuppression {
  /** Glob patterns (relative to the config file) of the files it applies to; all when absent. */
  readonly files?: readonly string[];
}

export interface ProjectConfig {
  readonly rules: Partial<Record<RuleId, RuleSeverity>>;
  readonly lookaheadDays?: number;
  readonly reportNewerVersions?: boolean;
  /** Matrix override file, relative to the config file. */
  readonly matrix?: string;
  /** `YYYY-MM-DD`: judge support windows as of this day instead of today. */
  readonly today?: string;
  /** Glob patterns of paths not to check. */
  readonly ignore: readonly string[];
  readonly suppressions: readonly ConfigWaiver[];
}

export interface ConfigProblem {
  /** 1-based, for people. */
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export const EMPTY_CONFIG: ProjectConfig = { rules: {}, ignore: [], suppressions: [] };

const KEYS = [
  'rules',
  'lookaheadDays',
  'reportNewerVersions',
  'matrix',
  'today',
  'ignore',
  'suppressions',
];
const WAIVER_KEYS = ['rule', 'match', 'reason', 'until', 'files'];

class Reader {
  readonly problems: ConfigProblem[] = [];

  constructor(private readonly lines: LineIndex) {}

  reportAt(offset: number, message: string): void {
    const { line, character } = this.lines.positionAt(offset);
    this.problems.push({ line: line + 1, column: character + 1, message });
  }

  report(node: Node | null | undefined, message: string): void {
    this.reportAt(node?.range?.[0] ?? 0, message);
  }

  string(node: unknown, what: string): string | undefined {
    if (isScalar(node) && typeof node.value === 'string') return node.value;
    this.report(node as Node, `${what} must be a string`);
    return undefined;
  }

  strings(node: unknown, what: string): string[] {
    if (!isSeq(node)) {
      this.report(node as Node, `${what} must be a list of strings`);
      return [];
    }
    return node.items.flatMap((item) => this.string(item, `each entry of ${what}`) ?? []);
  }
}

function readRules(reader: Reader, node: unknown): Partial<Record<RuleId, RuleSeverity>> {
  const rules: Partial<Record<RuleId, RuleSeverity>> = {};
  if (!isMap(node)) {
    reader.report(node as Node, 'rules must map rule ids to a severity');
    return rules;
  }
  const allowed: readonly string[] = [...SEVERITIES, 'off'];
  for (const pair of node.items) {
    const id = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!RULE_IDS.includes(id as RuleId)) {
      reader.report(pair.key as Node, `unknown rule '${id}'; known rules: ${RULE_IDS.join(', ')}`);
      continue;
    }
    const value = isScalar(pair.value) ? String(pair.value.value) : '';
    if (!allowed.includes(value)) {
      reader.report(
        pair.value as Node,
        `the severity of ${id} must be one of ${allowed.join(', ')}`,
      );
      continue;
    }
    rules[id as RuleId] = value as RuleSeverity;
  }
  return rules;
}

function readWaiver(reader: Reader, node: unknown): ConfigWaiver | undefined {
  if (!isMap(node)) {
    reader.report(node as Node, 'each suppression must be a mapping with rule and reason');
    return undefined;
  }
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!WAIVER_KEYS.includes(key))
      reader.report(pair.key as Node, `unknown suppression field '${key}'`);
  }
  const rule = reader.string(node.get('rule', true), 'suppression rule');
  const reason = node.has('reason')
    ? reader.string(node.get('reason', true), 'suppression reason')
    : undefined;
  if (reason === undefined && !node.has('reason'))
    reader.report(node, 'a suppression needs a reason');
  if (rule !== undefined && rule !== 'all' && !RULE_IDS.includes(rule as RuleId)) {
    reader.report(node.get('rule', true), `unknown rule '${rule}'`);
    return undefined;
  }
  let until: string | undefined;
  if (node.has('until')) {
    const value = node.get('until', true);
    const text = isScalar(value)
      ? String(value.value instanceof Date ? value.source : value.value)
      : '';
    if (isDay(text)) until = text;
    else reader.report(value, 'until must be a date written YYYY-MM-DD');
  }
  const match = node.has('match')
    ? reader.string(node.get('match', true), 'suppression match')
    : undefined;
  const files = node.has('files')
    ? reader.strings(node.get('files', true), 'suppression files')
    : undefined;
  if (rule === undefined || reason === undefined) return undefined;
  return { rule, reason, until, match, files };
}

/** Parses a config file's text. Unknown keys and invalid values are problems; valid values apply. */
export function parseConfig(text: string): { config: ProjectConfig; problems: ConfigProblem[] } {
  // Columns are counted without a byte order mark, as editors show them. Lone `\r` line breaks
  // become `\n` (same length, so offsets hold): the YAML parser reads only `\n` and `\r\n`.
  const source = (text.startsWith('\uFEFF') ? text.slice(1) : text).replace(/\r(?!\n)/g, '\n');
  const reader = new Reader(new LineIndex(source));
  const document = parseDocument(source, { prettyErrors: false, uniqueKeys: true });
  for (const error of document.errors) {
    reader.reportAt(error.pos[0], error.message.split('\n')[0] ?? error.message);
  }
  const root = document.contents;
  if (document.errors.length > 0) return { config: EMPTY_CONFIG, problems: reader.problems };
  if (root === null || (isScalar(root) && root.value === null))
    return { config: EMPTY_CONFIG, problems: [] };
  if (!isMap(root)) {
    reader.report(root, 'the config file must be a mapping of settings');
    return { config: EMPTY_CONFIG, problems: reader.problems };
  }
  let config: ProjectConfig = EMPTY_CONFIG;
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value;
    switch (key) {
      case 'rules':
        config = { ...config, rules: readRules(reader, value) };
        break;
      case 'lookaheadDays':
        if (
          isScalar(value) &&
          Number.isInteger(value.value) &&
          (value.value as number) >= 0 &&
          (value.value as number) <= 3650
        ) {
          config = { ...config, lookaheadDays: value.value as number };
        } else reader.report(value, 'lookaheadDays must be a whole number of days from 0 to 3650');
        break;
      case 'reportNewerVersions':
        if (isScalar(value) && typeof value.value === 'boolean')
          config = { ...config, reportNewerVersions: value.value };
        else reader.report(value, 'reportNewerVersions must be true or false');
        break;
      case 'matrix': {
        const path = reader.string(value, 'matrix');
        if (path !== undefined) config = { ...config, matrix: path };
        break;
      }
      case 'today': {
        const day = isScalar(value)
          ? String(value.value instanceof Date ? value.source : value.value)
          : '';
        if (isDay(day)) config = { ...config, today: day };
        else reader.report(value, 'today must be a date written YYYY-MM-DD');
        break;
      }
      case 'ignore':
        config = { ...config, ignore: reader.strings(value, 'ignore') };
        break;
      case 'suppressions':
        if (isSeq(value)) {
          const waivers = value.items.flatMap((item) => readWaiver(reader, item) ?? []);
          config = { ...config, suppressions: waivers };
        } else reader.report(value, 'suppressions must be a list');
        break;
      default:
        reader.report(pair.key, `unknown setting '${key}'; known settings: ${KEYS.join(', ')}`);
    }
  }
  return { config, problems: reader.problems };
}

/** The settings in force for a file: editor or command-line settings, then the config file over them. */
export function applyConfig(settings: AnalysisSettings, config: ProjectConfig): AnalysisSettings {
  return {
    ...settings,
    rules: { ...settings.rules, ...config.rules },
    lookaheadDays: config.lookaheadDays ?? settings.lookaheadDays,
    reportNewerVersions: config.reportNewerVersions ?? settings.reportNewerVersions,
  };
}
