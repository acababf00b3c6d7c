import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderReport } from '../../../server/src/features/reportMarkdown';
import type { ReportFinding, WorkspaceReport } from '../../../server/src/lsp/protocol';

function finding(line: number, fields: Partial<ReportFinding> = {}): ReportFinding {
  return {
    rule: 'runtime-support',
    severity: 'warning',
    message: 'Python 3.9 is Tier 3 on CleanStart. Use 3.12.',
    range: { start: { line, character: 5 }, end: { line, character: 15 } },
    ...fields,
  };
}

const REPORT: WorkspaceReport = {
  today: '2026-12-03',
  matrix: { title: 'CleanStart matrix', origin: 'bundled', updated: '2026-12-03', problems: [] },
  analyzedFiles: 5,
  complete: true,
  files: [
    {
      uri: 'file:///p/api/Dockerfile',
      path: 'api/Dockerfile',
      kind: 'dockerfile',
      origin: 'disk',
      findings: [
        finding(4, {
          rule: 'shell-form',
          severity: 'error',
          message: 'Shell-form CMD | needs /bin/sh',
        }),
        finding(0, { tier: 3 }),
      ],
    },
    {
      uri: 'file:///p/requirements_dev.txt',
      path: 'requirements_dev.txt',
      kind: 'requirements',
      origin: 'buffer',
      findings: [
        finding(1, {
          rule: 'dependency-support',
          severity: 'information',
          tier: 2,
          message: 'Django 3.2 is Tier 2',
        }),
      ],
    },
  ],
};

describe('the workspace report', () => {
  it('sums up findings by severity and by rule', () => {
    const markdown = renderReport(REPORT);
    assert.match(markdown, /^# CleanStart compatibility report$/m);
    assert.match(
      markdown,
      /Judged on 2026-12-03 against CleanStart matrix \(bundled, updated 2026-12-03\)\./,
    );
    assert.match(
      markdown,
      /\*\*3 findings\*\* in 2 of 5 files: 1 error, 1 warning, 1 information\./,
    );
    assert.match(markdown, /\| \[runtime-support\]\(\S+runtime-support\.md\) \| 1 \| warning \|/);
    assert.match(markdown, /\| \[shell-form\]\(\S+shell-form\.md\) \| 1 \| error \|/);
  });

  it('lists each file by rule with lines linked, severities and tiers', () => {
    const markdown = renderReport(REPORT);
    const api = markdown.indexOf('## [api/Dockerfile](file:///p/api/Dockerfile)');
    const requirements = markdown.indexOf(
      '## [requirements\\_dev.txt](file:///p/requirements_dev.txt) (unsaved editor text)',
    );
    assert.ok(api > 0 && requirements > api, markdown);
    const runtime = markdown.indexOf('### runtime-support', api);
    const shell = markdown.indexOf('### shell-form', api);
    assert.ok(runtime > api && shell > runtime, 'rules in their usual order');
    assert.match(
      markdown,
      /\| \[1\]\(file:\/\/\/p\/api\/Dockerfile#L1\) \| warning \| 3 \| Python 3\.9 is Tier 3/,
    );
    assert.match(
      markdown,
      /\| \[5\]\(file:\/\/\/p\/api\/Dockerfile#L5\) \| error \| – \| Shell-form CMD \\\| needs \/bin\/sh \|/,
    );
  });

  it('says when there is nothing to report, and when it is incomplete or the override failed', () => {
    const empty = renderReport({
      ...REPORT,
      files: [],
      complete: false,
      matrix: {
        ...REPORT.matrix,
        override: '.cleanstart/matrix.yaml',
        problems: [{ file: '.cleanstart/matrix.yaml', line: 1, column: 1, message: 'bad' }],
      },
    });
    assert.match(empty, /No findings in 5 files analysed\./);
    assert.match(empty, /still reading files/);
    assert.match(empty, /override has 1 problem; the bundled matrix is in force/);
  });
});
