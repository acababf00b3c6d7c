/** The compiler-style report: `file:line:col: severity rule: message`, then a summary line. */
import type { Severity } from '../../engine/finding';
import type { FileReport } from '../report';

const COLORS: Record<Severity, string> = {
  error: '\u001b[31m',
  warning: '\u001b[33m',
  information: '\u001b[36m',
  hint: '\u001b[2m',
};
const RESET = '\u001b[0m';
const BOLD = '\u001b[1m';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function formatText(
  reports: readonly FileReport[],
  _cwd: string,
  options: { color: boolean },
): string {
  const paint = (text: string, code: string) => (options.color ? `${code}${text}${RESET}` : text);
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  let suppressed = 0;
  let filesWithFindings = 0;
  for (const report of reports) {
    let any = false;
    for (const finding of report.findings) {
      if (finding.suppressed) {
        suppressed++;
        continue;
      }
      any = true;
      counts[finding.severity]++;
      const { line, character } = finding.range.start;
      const location = paint(`${report.relativePath}:${line + 1}:${character + 1}:`, BOLD);
      lines.push(
        `${location} ${paint(finding.severity, COLORS[finding.severity])} ${finding.rule}: ${finding.message}`,
      );
    }
    if (any) filesWithFindings++;
  }
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const parts = [
    plural(counts.error, 'error'),
    plural(counts.warning, 'warning'),
    `${counts.information} information`,
  ];
  if (counts.hint > 0) parts.push(plural(counts.hint, 'hint'));
  const summary =
    total === 0
      ? `No findings in ${plural(reports.length, 'file')}`
      : `${plural(total, 'finding')} (${parts.join(', ')}) in ${filesWithFindings} of ${plural(reports.length, 'file')}`;
  lines.push(suppressed > 0 ? `${summary}; ${suppressed} suppressed.` : `${summary}.`);
  return `${lines.join('\n')}\n`;
}
