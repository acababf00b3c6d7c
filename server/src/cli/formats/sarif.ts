/**
 * SARIF 2.1.0, as code-scanning services read it: rule metadata with help links, 1-based lines and
 * columns in UTF-16 code units, fixes as replacements, and waived findings as suppressions.
 */
import { pathToFileURL } from 'node:url';
import type { Finding, Severity } from '../../engine/finding';
import { RULE_INFO, ruleDocsUrl } from '../../engine/ruleInfo';
import type { Range } from '../../util/text';
import type { FileReport } from '../report';
import { VERSION } from '../../productVersion';

const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

function region(range: Range) {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

function artifact(relativePath: string) {
  return { uri: relativePath.split('\\').join('/'), uriBaseId: '%SRCROOT%' };
}

function result(report: FileReport, finding: Finding) {
  const location = {
    physicalLocation: {
      artifactLocation: artifact(report.relativePath),
      region: region(finding.range),
    },
  };
  return {
    ruleId: finding.rule,
    ruleIndex: RULE_INFO.findIndex((rule) => rule.id === finding.rule),
    level: LEVELS[finding.severity],
    message: { text: finding.message },
    locations: [location],
    ...(finding.related?.length
      ? {
          relatedLocations: finding.related.map((related, id) => ({
            id,
            message: { text: related.message },
            physicalLocation: {
              artifactLocation: artifact(report.relativePath),
              region: region(related.range),
            },
          })),
        }
      : {}),
    ...(finding.fixes.length
      ? {
          fixes: finding.fixes.map((fix) => ({
            description: { text: fix.title },
            artifactChanges: [
              {
                artifactLocation: artifact(report.relativePath),
                replacements: fix.edits.map((edit) => ({
                  deletedRegion: region(edit.range),
                  insertedContent: { text: edit.newText },
                })),
              },
            ],
          })),
        }
      : {}),
    ...(finding.suppressed
      ? {
          suppressions: [
            {
              kind: finding.suppressed.source === 'comment' ? 'inSource' : 'external',
              ...(finding.suppressed.reason ? { justification: finding.suppressed.reason } : {}),
            },
          ],
        }
      : {}),
  };
}

export function formatSarif(reports: readonly FileReport[], cwd: string): string {
  const root = pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).href;
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'cleanstart-compat',
            version: VERSION,
            informationUri: 'https://github.com/cleanstart/cleanstart-compat',
            rules: RULE_INFO.map((rule) => ({
              id: rule.id,
              name: rule.title.replace(/(^|\s)(\w)/g, (_, _space: string, letter: string) =>
                letter.toUpperCase(),
              ),
              shortDescription: { text: rule.title },
              fullDescription: { text: rule.summary },
              helpUri: ruleDocsUrl(rule.id),
              help: { text: `${rule.summary} See ${ruleDocsUrl(rule.id)}` },
              defaultConfiguration: { level: LEVELS[rule.defaultSeverity] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: root } },
        columnKind: 'utf16CodeUnits',
        artifacts: reports.map((report) => ({ location: artifact(report.relativePath) })),
        results: reports.flatMap((report) =>
          report.findings.map((finding) => result(report, finding)),
        ),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
