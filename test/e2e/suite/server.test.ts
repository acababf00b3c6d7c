import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { waitForDiagnostics, waitForRules, withRule } from './support/diagnostics';
import { openScratch } from './support/documents';
import { COMMANDS } from './support/extension';
import { waitForServerPids } from './support/serverProcess';

/** Types a new shell-form line and waits for the server to flag it: proof that it analyses. */
async function expectServerAnswers(editor: vscode.TextEditor, command: string): Promise<void> {
  const line = editor.document.lineCount - 1;
  await editor.edit((edit) => edit.insert(new vscode.Position(line, 0), `RUN ${command}\n`));
  await waitForDiagnostics(
    editor.document.uri,
    (diagnostics) =>
      withRule(diagnostics, 'shell-form').some(
        (diagnostic) => diagnostic.range.start.line === line,
      ),
    `shell-form on the new line ${line}`,
  );
}

describe('The language server', () => {
  it('restarts with the restart command and keeps serving', async () => {
    const editor = await openScratch('Dockerfile', 'FROM python:3.12-slim\nCMD python app.py\n');
    await waitForRules(editor.document.uri, ['shell-form']);
    const [before] = await waitForServerPids((pids) => pids.length === 1, 'one language server');
    assert.ok(before !== undefined);

    await vscode.commands.executeCommand(COMMANDS.restartServer);
    const after = await waitForServerPids(
      (pids) => pids.length === 1 && !pids.includes(before),
      'a new language server after the restart command',
    );
    assert.notEqual(after[0], before);
    await expectServerAnswers(editor, 'pip install flask');
  });

  it('comes back after it is killed', async () => {
    const editor = await openScratch('Dockerfile', 'FROM python:3.12-slim\nCMD python app.py\n');
    await waitForRules(editor.document.uri, ['shell-form']);
    const [victim] = await waitForServerPids((pids) => pids.length === 1, 'one language server');
    assert.ok(victim !== undefined);

    process.kill(victim, 'SIGKILL');
    await waitForServerPids(
      (pids) => pids.length === 1 && !pids.includes(victim),
      'the client to start a new language server',
    );
    await expectServerAnswers(editor, 'pip install requests');
  });
});
