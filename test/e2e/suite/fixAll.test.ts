import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { applyAction, codeActionsAt, describeActions } from './support/codeActions';
import {
  describeDiagnostics,
  rulesOf,
  waitForDiagnostics,
  waitForRules,
  withRule,
} from './support/diagnostics';
import { openScratch } from './support/documents';
import { FIX_ALL_KIND } from './support/extension';

async function fixAll(document: vscode.TextDocument): Promise<vscode.CodeAction> {
  const whole = new vscode.Range(0, 0, document.lineCount, 0);
  const actions = await codeActionsAt(document.uri, whole, FIX_ALL_KIND);
  const action = actions.find(
    (candidate) => candidate.kind && FIX_ALL_KIND.contains(candidate.kind),
  );
  assert.ok(action, `no ${FIX_ALL_KIND.value} action among:\n${describeActions(actions)}`);
  await applyAction(action);
  return action;
}

describe('Fix all (source.fixAll.cleanstart)', () => {
  it('applies every preferred fix of a Dockerfile at once', async () => {
    const text = [
      'FROM python:3.9-alpine',
      'RUN pip install flask',
      'CMD python app.py',
      'HEALTHCHECK CMD curl -f http://localhost/',
      '',
    ].join('\n');
    const { document } = await openScratch('Dockerfile', text);
    const before = await waitForRules(document.uri, ['runtime-support', 'musl-libc', 'shell-form']);
    assert.equal(withRule(before, 'shell-form').length, 3, describeDiagnostics(before));

    const action = await fixAll(document);
    const after = await waitForDiagnostics(
      document.uri,
      (diagnostics) => withRule(diagnostics, 'shell-form').length === 0,
      `shell-form to clear after "${action.title}"`,
    );

    // Every shell-form command became exec form in one go.
    assert.equal(document.lineAt(1).text, 'RUN ["pip", "install", "flask"]');
    assert.equal(document.lineAt(2).text, 'CMD ["python", "app.py"]');
    assert.equal(document.lineAt(3).text, 'HEALTHCHECK CMD ["curl", "-f", "http://localhost/"]');
    // The two fixes on the FROM line overlap, so one of them waits for the next round; no new
    // finding appears either way.
    assert.ok(after.length < before.length, describeDiagnostics(after));
    const remaining = rulesOf(after).filter(
      (rule) => rule !== 'runtime-support' && rule !== 'musl-libc',
    );
    assert.deepEqual(remaining, [], describeDiagnostics(after));
  });

  it('leaves nothing to fix once repeated', async () => {
    const { document } = await openScratch(
      'Dockerfile',
      'FROM python:3.9-alpine\nCMD python app.py\n',
    );
    let diagnostics = await waitForRules(document.uri, [
      'runtime-support',
      'musl-libc',
      'shell-form',
    ]);
    for (let round = 1; round <= 3 && diagnostics.length > 0; round++) {
      const count = diagnostics.length;
      const action = await fixAll(document);
      diagnostics = await waitForDiagnostics(
        document.uri,
        (current) => current.length < count,
        `fewer findings after round ${round} of "${action.title}"`,
      );
    }
    assert.deepEqual(diagnostics, [], describeDiagnostics(diagnostics));
    assert.match(document.lineAt(0).text, /^FROM python:3\.1[1-9](-\S+)?$/);
    assert.doesNotMatch(document.lineAt(0).text, /alpine/);
    assert.equal(document.lineAt(1).text, 'CMD ["python", "app.py"]');
  });
});
