import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { describeDiagnostics, rulesOf, withRule } from './diagnostics';
import { rangeOf } from './documents';

export interface ExpectedDiagnostic {
  readonly rule: string;
  readonly severity: vscode.DiagnosticSeverity;
  /** The exact text the diagnostic underlines (its first appearance in the document). */
  readonly underlines: string;
  readonly occurrence?: number;
  /** Words the message must contain, case-insensitive: loose enough to survive rewording. */
  readonly mentions?: readonly string[];
}

function sameRange(a: vscode.Range, b: vscode.Range): boolean {
  return a.start.isEqual(b.start) && a.end.isEqual(b.end);
}

/**
 * Checks that the diagnostics are exactly the expected ones: the same rules, each with its
 * severity and underlined range, and nothing else.
 */
export function expectDiagnostics(
  document: vscode.TextDocument,
  diagnostics: readonly vscode.Diagnostic[],
  expected: readonly ExpectedDiagnostic[],
): void {
  const shown = describeDiagnostics(diagnostics);
  assert.deepEqual(
    rulesOf(diagnostics),
    [...new Set(expected.map((entry) => entry.rule))].sort(),
    `rules on ${document.uri.path}; shown:\n${shown}`,
  );
  assert.equal(diagnostics.length, expected.length, `diagnostic count; shown:\n${shown}`);
  for (const entry of expected) {
    const range = rangeOf(document, entry.underlines, entry.occurrence);
    const match = withRule(diagnostics, entry.rule).find((diagnostic) =>
      sameRange(diagnostic.range, range),
    );
    assert.ok(match, `${entry.rule} does not underline "${entry.underlines}"; shown:\n${shown}`);
    assert.equal(match.severity, entry.severity, `severity of ${entry.rule}; shown:\n${shown}`);
    for (const word of entry.mentions ?? []) {
      assert.ok(
        match.message.toLowerCase().includes(word.toLowerCase()),
        `${entry.rule}'s message does not mention "${word}": ${match.message}`,
      );
    }
  }
}
