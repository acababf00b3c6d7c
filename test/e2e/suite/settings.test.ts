import * as assert from 'node:assert/strict';
import { afterEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import {
  describeDiagnostics,
  rulesOf,
  waitForDiagnostics,
  waitForRules,
  withRule,
} from './support/diagnostics';
import { openFile } from './support/documents';

async function setRules(rules: Record<string, string> | undefined): Promise<void> {
  await vscode.workspace
    .getConfiguration('cleanstart')
    .update('rules', rules, vscode.ConfigurationTarget.Workspace);
}

describe('Settings', () => {
  afterEach(async () => {
    await setRules(undefined);
  });

  it('cleanstart.rules turns a rule off and back on', async () => {
    const { document } = await openFile('Dockerfile');
    await waitForRules(document.uri, ['runtime-support', 'musl-libc', 'shell-form']);

    await setRules({ 'shell-form': 'off' });
    const off = await waitForDiagnostics(
      document.uri,
      (diagnostics) => withRule(diagnostics, 'shell-form').length === 0,
      'shell-form to go once turned off',
    );
    assert.deepEqual(rulesOf(off), ['musl-libc', 'runtime-support'], describeDiagnostics(off));

    await setRules(undefined);
    await waitForRules(document.uri, ['runtime-support', 'musl-libc', 'shell-form']);
  });

  it('cleanstart.rules changes a rule severity', async () => {
    const { document } = await openFile('Dockerfile');
    const before = await waitForRules(document.uri, ['runtime-support']);
    assert.equal(
      withRule(before, 'runtime-support')[0]?.severity,
      vscode.DiagnosticSeverity.Warning,
    );

    await setRules({ 'runtime-support': 'error' });
    const after = await waitForDiagnostics(
      document.uri,
      (diagnostics) =>
        withRule(diagnostics, 'runtime-support')[0]?.severity === vscode.DiagnosticSeverity.Error,
      'runtime-support as an error',
    );
    // Only that rule changed.
    assert.equal(withRule(after, 'musl-libc')[0]?.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(withRule(after, 'shell-form')[0]?.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(after.length, before.length, describeDiagnostics(after));
  });
});
