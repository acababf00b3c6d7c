/** The JSON report: findings with 0-based LSP positions, and suppressed findings apart. */
import type { Finding } from '../../engine/finding';
import type { FileReport } from '../report';

function serialize(file: string, finding: Finding) {
  return {
    file,
    range: finding.range,
    severity: finding.severity,
    rule: finding.rule,
    message: finding.message,
    ...(finding.entryId ? { entry: finding.entryId } : {}),
    ...(finding.related?.length ? { related: finding.related } : {}),
    fixes: finding.fixes.map((fix) => ({
      title: fix.title,
      edits: fix.edits,
      ...(fix.isPreferred ? { isPreferred: true } : {}),
    })),
    ...(finding.suppressed ? { suppressed: finding.suppressed } : {}),
  };
}

export function formatJson(reports: readonly FileReport[], _cwd: string): string {
  const findings = reports.flatMap((report) =>
    report.findings
      .filter((finding) => !finding.suppressed)
      .map((finding) => serialize(report.relativePath, finding)),
  );
  const suppressed = reports.flatMap((report) =>
    report.findings
      .filter((finding) => finding.suppressed)
      .map((finding) => serialize(report.relativePath, finding)),
  );
  return `${JSON.stringify({ findings, suppressed, files: reports.map((report) => report.relativePath) }, null, 2)}\n`;
}
