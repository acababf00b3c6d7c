import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver';
import type { Finding } from '../../../server/src/engine/finding';
import { toDiagnostic, toDiagnostics } from '../../../server/src/features/diagnostics';

const URI = 'file:///project/Dockerfile';

const base: Finding = {
  rule: 'runtime-support',
  range: { start: { line: 0, character: 12 }, end: { line: 0, character: 15 } },
  severity: 'warning',
  message: 'Python 3.9 is Tier 3 on CleanStart. Use 3.12.',
  fixes: [],
};

describe('diagnostics', () => {
  it('carry the source, the rule as code and a link to its page', () => {
    const diagnostic = toDiagnostic(base, URI);
    assert.equal(diagnostic.source, 'cleanstart');
    assert.equal(diagnostic.code, 'runtime-support');
    assert.match(diagnostic.codeDescription?.href ?? '', /\/docs\/rules\/runtime-support\.md$/);
    assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
    assert.deepEqual(diagnostic.range, base.range);
    assert.equal(diagnostic.message, base.message);
    assert.equal(diagnostic.tags, undefined);
    assert.equal(diagnostic.relatedInformation, undefined);
  });

  it('map every severity', () => {
    const severities = (['error', 'warning', 'information', 'hint'] as const).map(
      (severity) => toDiagnostic({ ...base, severity }, URI).severity,
    );
    assert.deepEqual(severities, [
      DiagnosticSeverity.Error,
      DiagnosticSeverity.Warning,
      DiagnosticSeverity.Information,
      DiagnosticSeverity.Hint,
    ]);
  });

  it('strike out ended support and point at related places in the same file', () => {
    const related = {
      range: { start: { line: 3, character: 0 }, end: { line: 3, character: 9 } },
      message: 'ARG here',
    };
    const diagnostic = toDiagnostic({ ...base, deprecated: true, related: [related] }, URI);
    assert.deepEqual(diagnostic.tags, [DiagnosticTag.Deprecated]);
    assert.deepEqual(diagnostic.relatedInformation, [
      { location: { uri: URI, range: related.range }, message: 'ARG here' },
    ]);
  });

  it('leave suppressed findings out', () => {
    const suppressed: Finding = {
      ...base,
      suppressed: { reason: 'vendor image', source: 'comment' },
    };
    assert.deepEqual(
      toDiagnostics([suppressed, { ...base, rule: 'shell-form' }], URI).map((d) => d.code),
      ['shell-form'],
    );
  });
});
