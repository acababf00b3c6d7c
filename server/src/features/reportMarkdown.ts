/**
 * The workspace report as markdown, for a preview: a summary, then every file's findings grouped
 * by rule. Imports nothing at run time beyond the rule page links, so the client can use it.
 */
import type { RuleId, Severity } from '../engine/finding';
import type { ReportFile, ReportFinding, WorkspaceReport } from '../lsp/protocol';
import { RULE_IDS, ruleDocsUrl } from '../engine/ruleInfo';

const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

const SEVERITY_LABEL: Record<Severity, [singular: string, plural: string]> = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  information: ['information', 'information'],
  hint: ['hint', 'hints'],
};

export function renderReport(report: WorkspaceReport): string {
  const findings = report.files.flatMap((file) => file.findings);
  const out: string[] = ['# CleanStart compatibility report', ''];

  const matrix =
    report.matrix.override === undefined ? 'bundled' : `override ${code(report.matrix.override)}`;
  out.push(
    `Judged on ${report.today} against ${report.matrix.title} (${matrix}, updated ${report.matrix.updated}).`,
    '',
  );
  if (!report.complete) {
    out.push(
      '> The workspace check is still reading files; run the report again for the rest.',
      '',
    );
  }
  if (report.matrix.problems.length > 0) {
    out.push(
      `> The matrix override has ${count(report.matrix.problems.length, 'problem', 'problems')}; the bundled matrix is in force.`,
      '',
    );
  }

  if (findings.length === 0) {
    out.push(`No findings in ${count(report.analyzedFiles, 'file', 'files')} analysed.`, '');
    return out.join('\n');
  }

  out.push(
    `**${count(findings.length, 'finding', 'findings')}** in ${report.files.length} of ${count(report.analyzedFiles, 'file', 'files')}: ${severitySummary(findings)}.`,
    '',
    ...ruleTable(findings),
    '',
  );

  for (const file of report.files) out.push(...fileSection(file));
  return out.join('\n');
}

function ruleTable(findings: readonly ReportFinding[]): string[] {
  const rows = ['| Rule | Findings | Most severe |', '|---|---:|---|'];
  for (const rule of RULE_IDS) {
    const ofRule = findings.filter((finding) => finding.rule === rule);
    if (ofRule.length === 0) continue;
    const worst = SEVERITY_ORDER.find((severity) => ofRule.some((f) => f.severity === severity));
    rows.push(`| [${rule}](${ruleDocsUrl(rule)}) | ${ofRule.length} | ${worst ?? ''} |`);
  }
  return rows;
}

function fileSection(file: ReportFile): string[] {
  const origin = file.origin === 'buffer' ? ' (unsaved editor text)' : '';
  const out = [`## [${escapeText(file.path)}](${file.uri})${origin}`, ''];
  const rules = RULE_IDS.filter((rule) => file.findings.some((finding) => finding.rule === rule));
  for (const rule of rules) out.push(...ruleSection(file, rule));
  return out;
}

function ruleSection(file: ReportFile, rule: RuleId): string[] {
  const out = [`### ${rule}`, '', '| Line | Severity | Tier | Finding |', '|---:|---|:---:|---|'];
  const findings = file.findings
    .filter((finding) => finding.rule === rule)
    .sort((a, b) => a.range.start.line - b.range.start.line);
  for (const finding of findings) {
    const line = finding.range.start.line + 1;
    const link = `[${line}](${file.uri}#L${line})`;
    const tier = finding.tier === undefined ? '–' : String(finding.tier);
    out.push(`| ${link} | ${finding.severity} | ${tier} | ${escapeCell(finding.message)} |`);
  }
  out.push('');
  return out;
}

function severitySummary(findings: readonly ReportFinding[]): string {
  return SEVERITY_ORDER.map((severity) => {
    const n = findings.filter((finding) => finding.severity === severity).length;
    const [singular, plural] = SEVERITY_LABEL[severity];
    return n === 0 ? '' : count(n, singular, plural);
  })
    .filter((part) => part !== '')
    .join(', ');
}

function count(n: number, singular: string, plural: string): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

/** Text that markdown would otherwise read as markup. */
export function escapeText(text: string): string {
  return text.replace(/([\\`*_[\]<>|~])/g, '\\$1');
}

/** A table cell: markup escaped and line breaks folded, since a cell is one line. */
function escapeCell(text: string): string {
  return escapeText(text).replace(/\r\n|\r|\n/g, ' ');
}
