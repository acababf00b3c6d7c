/**
 * Waivers: `# cleanstart-ignore <rule>[,<rule>] [until YYYY-MM-DD] -- <reason>` on the line before
 * a statement (`//` in go.mod), `# cleanstart-ignore-file …` for the whole file, and the config
 * file's `suppressions`. A waiver past its `until` day no longer applies and the finding says so;
 * a waiver that matches nothing is itself reported, so stale ones do not pile up.
 */
import type { ConfigSuppression } from './analyze';
import type { Finding, RuleId } from './finding';
import { RULE_IDS } from './ruleInfo';
import type { LineIndex } from '../util/text';
import { lineRange, type Range } from '../util/text';

export interface InlineSuppression {
  readonly rules: readonly string[];
  readonly reason: string;
  readonly until?: string;
  readonly fileWide: boolean;
  /** Where the comment stands. */
  readonly range: Range;
  /** The lines it covers, inclusive (the whole file for file-wide ones). */
  readonly firstLine: number;
  readonly lastLine: number;
}

const COMMENT = /^(\s*)(#|\/\/)\s*cleanstart-ignore(-file)?\b(.*)$/;
const UNTIL = /\buntil\s+(\d{4}-\d{2}-\d{2})\b/;

function isCommentOrBlank(line: string, prefix: string): boolean {
  const trimmed = line.trim();
  return trimmed === '' || trimmed.startsWith(prefix);
}

/** Reads every suppression comment of a file. `prefix` is the file kind's comment marker. */
export function parseSuppressions(
  lines: LineIndex,
  prefix: string,
  continuation = '\\',
): InlineSuppression[] {
  const result: InlineSuppression[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const text = lines.lineText(line);
    const match = COMMENT.exec(text);
    if (!match || match[2] !== prefix) continue;
    const body = match[4] ?? '';
    const separator = body.indexOf('--');
    const head = separator < 0 ? body : body.slice(0, separator);
    const reason = separator < 0 ? '' : body.slice(separator + 2).trim();
    const until = UNTIL.exec(head)?.[1];
    const rules = head
      .replace(UNTIL, '')
      .split(/[\s,]+/)
      .filter(Boolean);
    const fileWide = match[3] !== undefined;
    const range = lineRange(line, (match[1] ?? '').length, text.length);
    if (fileWide) {
      result.push({
        rules,
        reason,
        until,
        fileWide,
        range,
        firstLine: 0,
        lastLine: lines.lineCount,
      });
      continue;
    }
    let first = line + 1;
    while (first < lines.lineCount && isCommentOrBlank(lines.lineText(first), prefix)) first++;
    let last = first;
    while (last + 1 < lines.lineCount && lines.lineText(last).trimEnd().endsWith(continuation))
      last++;
    result.push({ rules, reason, until, fileWide, range, firstLine: first, lastLine: last });
  }
  return result;
}

function names(rules: readonly string[], rule: RuleId): boolean {
  return rules.includes(rule) || rules.includes('all');
}

function expired(until: string | undefined, today: string): boolean {
  return until !== undefined && today > until;
}

/**
 * Marks waived findings as suppressed, adds "waiver expired" to findings whose waiver lapsed, and
 * reports unused and malformed waivers as `unused-suppression` findings.
 */
export function applySuppressions(
  findings: readonly Finding[],
  inline: readonly InlineSuppression[],
  config: readonly ConfigSuppression[],
  today: string,
): Finding[] {
  const used = new Set<InlineSuppression>();
  const result = findings.map((finding): Finding => {
    if (finding.rule === 'parse-error') return finding;
    const line = finding.range.start.line;
    const comment = inline.find(
      (suppression) =>
        names(suppression.rules, finding.rule) &&
        line >= suppression.firstLine &&
        line <= suppression.lastLine,
    );
    if (comment) {
      used.add(comment);
      if (expired(comment.until, today)) {
        return {
          ...finding,
          message: `${finding.message} (Its waiver expired on ${comment.until}.)`,
        };
      }
      return { ...finding, suppressed: { reason: comment.reason, source: 'comment' } };
    }
    const waiver = config.find(
      (suppression) =>
        (suppression.rule === finding.rule || suppression.rule === 'all') &&
        (suppression.match === undefined ||
          `${finding.message} ${finding.entryId ?? ''}`
            .toLowerCase()
            .includes(suppression.match.toLowerCase())),
    );
    if (waiver) {
      if (expired(waiver.until, today)) {
        return {
          ...finding,
          message: `${finding.message} (Its waiver in the config file expired on ${waiver.until}.)`,
        };
      }
      return { ...finding, suppressed: { reason: waiver.reason, source: 'config' } };
    }
    return finding;
  });
  for (const suppression of inline) {
    const unknown = suppression.rules.filter(
      (rule) => rule !== 'all' && !RULE_IDS.includes(rule as RuleId),
    );
    let message: string | undefined;
    if (suppression.rules.length === 0) {
      message =
        'This cleanstart-ignore comment names no rule: write the rule ids to ignore, then -- and a reason.';
    } else if (unknown.length > 0) {
      message = `This cleanstart-ignore comment names unknown rule${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}. Known rules: ${RULE_IDS.join(', ')}.`;
    } else if (!used.has(suppression)) {
      message = `This cleanstart-ignore comment for ${suppression.rules.join(', ')} matches no finding: remove it.`;
    }
    if (message) {
      result.push({
        rule: 'unused-suppression',
        range: suppression.range,
        severity: 'information',
        message,
        fixes: [],
      });
    }
  }
  return result;
}
