import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { waitForDiagnostics, waitForRules, withRule } from './support/diagnostics';
import { openFile, openScratch } from './support/documents';
import { expectDiagnostics } from './support/expect';

const { Error: ERROR, Warning: WARNING, Information: INFORMATION } = vscode.DiagnosticSeverity;

const DOCKERFILE_EXPECTED = [
  { rule: 'runtime-support', severity: WARNING, underlines: '3.9', mentions: ['3.9', 'tier 3'] },
  {
    rule: 'musl-libc',
    severity: ERROR,
    underlines: 'python:3.9-alpine',
    mentions: ['musl', 'glibc'],
  },
  { rule: 'shell-form', severity: WARNING, underlines: 'python app.py', mentions: ['shell'] },
];

describe('Diagnostics', () => {
  it('underline a Dockerfile: old runtime, Alpine base, shell-form CMD', async () => {
    const { document } = await openFile('Dockerfile');
    const diagnostics = await waitForRules(document.uri, [
      'runtime-support',
      'musl-libc',
      'shell-form',
    ]);
    expectDiagnostics(document, diagnostics, DOCKERFILE_EXPECTED);

    const [runtime] = withRule(diagnostics, 'runtime-support');
    assert.ok(
      runtime?.tags?.includes(vscode.DiagnosticTag.Deprecated),
      'ended support is struck through',
    );
    const code = runtime?.code;
    assert.ok(typeof code === 'object', 'the rule id links to its page');
    assert.match(code.target.toString(), /runtime-support/);
  });

  it('are the same for a Dockerfile with CRLF line endings', async () => {
    const text = 'FROM python:3.9-alpine\r\nCOPY app.py /app/app.py\r\nCMD python app.py\r\n';
    const { document } = await openScratch('Dockerfile', text);
    const diagnostics = await waitForRules(document.uri, [
      'runtime-support',
      'musl-libc',
      'shell-form',
    ]);
    expectDiagnostics(document, diagnostics, DOCKERFILE_EXPECTED);
  });

  it('are the same for a Dockerfile with lone CR line endings', async () => {
    const text = 'FROM python:3.9-alpine\rCOPY app.py /app/app.py\rCMD python app.py\r';
    const { document } = await openScratch('Dockerfile', text);
    const diagnostics = await waitForRules(document.uri, [
      'runtime-support',
      'musl-libc',
      'shell-form',
    ]);
    expectDiagnostics(document, diagnostics, DOCKERFILE_EXPECTED);
  });

  it('flag an ended Node.js in package.json engines', async () => {
    const { document } = await openFile('package.json');
    const diagnostics = await waitForRules(document.uri, ['runtime-support']);
    expectDiagnostics(document, diagnostics, [
      { rule: 'runtime-support', severity: WARNING, underlines: '14', mentions: ['14', 'tier 3'] },
    ]);
  });

  it('flag a Tier 2 framework in requirements.txt', async () => {
    const { document } = await openFile('requirements.txt');
    const diagnostics = await waitForRules(document.uri, ['dependency-support']);
    expectDiagnostics(document, diagnostics, [
      {
        rule: 'dependency-support',
        severity: INFORMATION,
        underlines: '==3.2.25',
        mentions: ['tier 2'],
      },
    ]);
  });

  it('flag an ended Go in go.mod', async () => {
    const { document } = await openFile('go.mod');
    const diagnostics = await waitForRules(document.uri, ['runtime-support']);
    expectDiagnostics(document, diagnostics, [
      {
        rule: 'runtime-support',
        severity: WARNING,
        underlines: '1.19',
        mentions: ['1.19', 'tier 3'],
      },
    ]);
  });

  it('go away once a checked file is closed and deleted', async () => {
    const { document } = await openScratch(
      'Dockerfile',
      'FROM python:3.9-alpine\nCMD python app.py\n',
    );
    const uri = document.uri;
    await waitForRules(uri, ['runtime-support', 'musl-libc', 'shell-form']);

    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    // Deleted as the explorer deletes it: through a workspace edit.
    const edit = new vscode.WorkspaceEdit();
    edit.deleteFile(uri);
    assert.ok(await vscode.workspace.applyEdit(edit), 'the file is deleted');
    await waitForDiagnostics(
      uri,
      (diagnostics) => diagnostics.length === 0,
      'no diagnostics on a deleted file',
    );
  });

  it('follow edits as the user types', async () => {
    const editor = await openScratch('Dockerfile', 'FROM python:3.12-slim\nCMD python app.py\n');
    const uri = editor.document.uri;
    await waitForRules(uri, ['shell-form']);

    const command = editor.document.lineAt(1).range;
    await editor.edit((edit) => edit.replace(command, 'CMD ["python", "app.py"]'));
    await waitForDiagnostics(uri, (diagnostics) => diagnostics.length === 0, 'no diagnostics');

    await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), 'RUN pip install flask\n'));
    const diagnostics = await waitForRules(uri, ['shell-form']);
    expectDiagnostics(editor.document, diagnostics, [
      { rule: 'shell-form', severity: WARNING, underlines: 'pip install flask' },
    ]);
  });
});
