import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver';
import type { Diagnostic, DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { Finding, Severity } from '../engine/finding';
import { ruleDocsUrl } from '../engine/ruleInfo';

/** The `source` of every diagnostic, as editors show it next to the message. */
export const DIAGNOSTIC_SOURCE = 'cleanstart';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** One finding as an LSP diagnostic; `uri` is the document the finding belongs to. */
export function toDiagnostic(finding: Finding, uri: string): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.rule,
    codeDescription: { href: ruleDocsUrl(finding.rule) },
    message: finding.message,
  };
  if (finding.deprecated === true) diagnostic.tags = [DiagnosticTag.Deprecated];
  if (finding.related !== undefined && finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map(
      (related): DiagnosticRelatedInformation => ({
        location: { uri, range: related.range },
        message: related.message,
      }),
    );
  }
  return diagnostic;
}

/** The findings editors should show: suppressed ones are left out. */
export function visibleFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => finding.suppressed === undefined);
}

export function toDiagnostics(findings: readonly Finding[], uri: string): Diagnostic[] {
  return visibleFindings(findings).map((finding) => toDiagnostic(finding, uri));
}
