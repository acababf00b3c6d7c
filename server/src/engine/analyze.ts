import { indexMatrix } from '../matrix/lookup';
import type { Matrix } from '../matrix/types';
import { parseDockerfile } from '../parsers/dockerfile';
import { parseGoMod } from '../parsers/gomod';
import { parsePackageJson } from '../parsers/packageJson';
import { parseRequirements } from '../parsers/requirements';
import type { Facts, FileKind } from '../parsers/types';
import type { RuleContext } from '../rules/context';
import { subjectsOf } from '../rules/subjects';
import { LineIndex, comparePositions } from '../util/text';
import { commentPrefix, fileKindOf, isLenientName } from './fileKind';
import type { Finding } from './finding';
import { RULES } from './rules';
import type { AnalysisSettings } from './settings';
import { applySuppressions, parseSuppressions } from './suppressions';

export { fileKindOf };

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

/** Files larger than this are not analysed: nothing written by hand is this long. */
export const MAX_ANALYSED_LENGTH = 2 * 1024 * 1024;

function parse(kind: FileKind, text: string): Facts {
  switch (kind) {
    case 'dockerfile':
      return parseDockerfile(text);
    case 'package.json':
      return parsePackageJson(text);
    case 'requirements':
      return parseRequirements(text);
    case 'go.mod':
      return parseGoMod(text);
  }
}

function looksBinary(text: string): boolean {
  return text.slice(0, 8192).includes('\u0000');
}

function notAnalysed(lines: LineIndex, message: string): Finding {
  return {
    rule: 'parse-error',
    range: {
      start: { line: 0, character: 0 },
      end: lines.positionAt(Math.min(lines.lineEnd(0), 200)),
    },
    severity: 'warning',
    message,
    fixes: [],
  };
}

function problemFindings(facts: Facts, lenient: boolean): Finding[] {
  if (lenient) return [];
  return facts.problems.map((problem) => ({
    rule: 'parse-error',
    range: problem.range,
    severity: 'warning',
    message: problem.message,
    fixes: [],
  }));
}

/**
 * Messages and fix titles quote what was written; a pathological token (a megabyte-long version)
 * is cut so that no editor or report has to show it whole.
 */
const MAX_MESSAGE_LENGTH = 1000;

function shorten(text: string): string {
  return text.length <= MAX_MESSAGE_LENGTH ? text : `${text.slice(0, MAX_MESSAGE_LENGTH - 1)}…`;
}

function bounded(finding: Finding): Finding {
  const long =
    finding.message.length > MAX_MESSAGE_LENGTH ||
    finding.fixes.some((fix) => fix.title.length > MAX_MESSAGE_LENGTH);
  if (!long) return finding;
  return {
    ...finding,
    message: shorten(finding.message),
    fixes: finding.fixes.map((fix) => ({ ...fix, title: shorten(fix.title) })),
  };
}

/** Applies per-rule severities from the settings, dropping rules that are off. */
function withConfiguredSeverity(
  findings: readonly Finding[],
  settings: AnalysisSettings,
): Finding[] {
  const result: Finding[] = [];
  for (const finding of findings) {
    const configured = settings.rules[finding.rule];
    if (configured === 'off') continue;
    result.push(configured === undefined ? finding : { ...finding, severity: configured });
  }
  return result;
}

function runRules(input: AnalysisInput, lines: LineIndex, facts: Facts): Finding[] {
  const index = indexMatrix(input.matrix);
  const subjects = subjectsOf(facts, index);
  const context: RuleContext = { ...input, lines, facts, subjects, index };
  return RULES.flatMap((rule) => rule.check(context));
}

/**
 * Analyses one file: parse, run every rule, apply waivers and configured severities. Pure: the
 * result depends only on the input.
 */
export function analyze(input: AnalysisInput): Analysis {
  const kind = fileKindOf(input.fileName);
  if (!kind || !input.settings.fileKinds[kind]) return { kind, findings: [] };
  const lines = new LineIndex(input.text);
  if (input.text.length > MAX_ANALYSED_LENGTH) {
    return {
      kind,
      findings: [
        notAnalysed(
          lines,
          `File not analysed: it is larger than ${MAX_ANALYSED_LENGTH / 1024 / 1024} MB.`,
        ),
      ],
    };
  }
  if (looksBinary(input.text)) {
    return {
      kind,
      findings: [notAnalysed(lines, 'File not analysed: it looks like binary data, not text.')],
    };
  }
  const facts = parse(kind, input.text);
  const ruleFindings = runRules(input, lines, facts);
  const prefix = commentPrefix(kind);
  const continuation = facts.kind === 'dockerfile' ? facts.escapeCharacter : '\\';
  const inline = prefix ? parseSuppressions(lines, prefix, continuation) : [];
  const all = [
    ...problemFindings(facts, isLenientName(input.fileName)),
    ...applySuppressions(ruleFindings, inline, input.suppressions ?? [], input.today),
  ];
  const findings = withConfiguredSeverity(all.map(bounded), input.settings).sort(
    (a, b) => comparePositions(a.range.start, b.range.start) || a.rule.localeCompare(b.rule),
  );
  return { kind, facts, findings };
}
