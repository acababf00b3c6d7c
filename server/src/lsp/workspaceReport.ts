import { visibleFindings } from '../features/diagnostics';
import type { AnalyzedFile } from './analyzer';
import type { MatrixInfo, ReportFile, ReportFinding, WorkspaceReport } from './protocol';

export interface ReportInput {
  /** Open documents' and disk files' analyses; an open document must come only once. */
  readonly files: readonly AnalyzedFile[];
  readonly matrix: MatrixInfo;
  readonly today: string;
  readonly complete: boolean;
  readonly displayPath: (uri: string) => string;
}

/** Every visible finding of the workspace by file: files with findings, by path. */
export function buildReport(input: ReportInput): WorkspaceReport {
  const files: ReportFile[] = [];
  let analyzed = 0;
  for (const file of input.files) {
    if (file.kind === undefined) continue;
    analyzed++;
    const findings = visibleFindings(file.analysis.findings).map((finding): ReportFinding => ({
      rule: finding.rule,
      severity: finding.severity,
      message: finding.message,
      range: finding.range,
      entryId: finding.entryId,
      tier:
        finding.entryId === undefined
          ? undefined
          : file.context.matrix.index.entry(finding.entryId)?.tier,
    }));
    if (findings.length === 0) continue;
    files.push({
      uri: file.uri,
      path: input.displayPath(file.uri),
      kind: file.kind,
      origin: file.origin,
      findings,
    });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    today: input.today,
    matrix: input.matrix,
    files,
    analyzedFiles: analyzed,
    complete: input.complete,
  };
}
