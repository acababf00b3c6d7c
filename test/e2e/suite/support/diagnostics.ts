import * as vscode from 'vscode';
import { SOURCE } from './extension';

/** How long the language server gets to publish after a change, on a slow CI machine. */
export const DIAGNOSTICS_TIMEOUT_MS = 15_000;

export function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** The extension's diagnostics on `uri`, in document order. */
export function cleanstartDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((diagnostic) => diagnostic.source === SOURCE)
    .sort((a, b) => a.range.start.compareTo(b.range.start));
}

export function withRule(
  diagnostics: readonly vscode.Diagnostic[],
  rule: string,
): vscode.Diagnostic[] {
  return diagnostics.filter((diagnostic) => ruleOf(diagnostic) === rule);
}

export function rulesOf(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return [...new Set(diagnostics.map((diagnostic) => ruleOf(diagnostic) ?? '?'))].sort();
}

const SEVERITY_NAMES = ['error', 'warning', 'information', 'hint'];

export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return '(none)';
  return diagnostics
    .map((diagnostic) => {
      const { start, end } = diagnostic.range;
      const where = `${start.line}:${start.character}-${end.line}:${end.character}`;
      const severity = SEVERITY_NAMES[diagnostic.severity] ?? String(diagnostic.severity);
      return `${ruleOf(diagnostic)} ${severity} ${where} ${diagnostic.message}`;
    })
    .join('\n');
}

/**
 * Resolves with the extension's diagnostics on `uri` as soon as `accept` holds for them: at once if
 * it already does, else at the first diagnostics change that makes it hold. Rejects after
 * `timeoutMs` with what was there, so a failure shows what the editor showed.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  expectation: string,
  timeoutMs = DIAGNOSTICS_TIMEOUT_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const current = cleanstartDiagnostics(uri);
    if (accept(current)) {
      resolve(current);
      return;
    }
    const key = uri.toString();
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === key)) return;
      const diagnostics = cleanstartDiagnostics(uri);
      if (!accept(diagnostics)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(diagnostics);
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      const shown = describeDiagnostics(cleanstartDiagnostics(uri));
      reject(
        new Error(
          `Timed out after ${timeoutMs} ms waiting for ${expectation} on ${uri.path}; shown:\n${shown}`,
        ),
      );
    }, timeoutMs);
  });
}

/** Waits until the diagnostics on `uri` include every rule in `rules`. */
export function waitForRules(
  uri: vscode.Uri,
  rules: readonly string[],
  timeoutMs = DIAGNOSTICS_TIMEOUT_MS,
): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(
    uri,
    (diagnostics) => rules.every((rule) => withRule(diagnostics, rule).length > 0),
    `diagnostics ${rules.join(', ')}`,
    timeoutMs,
  );
}
