import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import type { MatrixInfo, WorkspaceReport } from '../../server/src/lsp/protocol';
import { LanguageServer, messageOf } from './support/languageServer';
import { TestWorkspace } from './support/workspace';

function keys(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map(
    (d) => `${String(d.code)}@${d.range.start.line}:${d.range.start.character}`,
  );
}

const PROJECT = {
  Dockerfile: 'FROM python:3.9\n',
  'web/package.json': '{ "engines": { "node": "14" } }\n',
  'web/node_modules/left/package.json': '{ "engines": { "node": "12" } }\n',
  'build/Dockerfile': 'FROM python:2.7\n',
  '.gitignore': 'build/\n',
  'README.md': 'FROM python:3.9\n',
};

describe('the workspace', () => {
  const cleanup: (() => void)[] = [];
  after(() => cleanup.forEach((step) => step()));

  async function start(files: Record<string, string>, settings: Record<string, unknown> = {}) {
    const workspace = new TestWorkspace(files);
    const server = await LanguageServer.start({ workspaceFolders: [workspace.folder()], settings });
    cleanup.push(
      () => server.kill(),
      () => workspace.remove(),
    );
    return { workspace, server };
  }

  it('is checked at start, skipping dependencies and ignored files', async () => {
    const { workspace, server } = await start(PROJECT);
    const dockerfile = await server.diagnostics(
      workspace.uri('Dockerfile'),
      (p) => p.diagnostics.length > 0,
    );
    assert.equal(dockerfile.version, undefined, 'read from disk, so no version');
    assert.deepEqual(keys(dockerfile.diagnostics), ['runtime-support@0:12']);
    const web = await server.diagnostics(workspace.uri('web/package.json'));
    assert.deepEqual(keys(web.diagnostics), ['runtime-support@0:24']);
    await server.waitFor<{ message: string }>('window/logMessage', (p) =>
      /Workspace check: 2 files/.test(p.message),
    );
    const published = server
      .received<PublishDiagnosticsParams>('textDocument/publishDiagnostics')
      .map((p) => p.uri);
    assert.ok(!published.includes(workspace.uri('build/Dockerfile')));
    assert.ok(!published.includes(workspace.uri('web/node_modules/left/package.json')));
    await server.stop();
  });

  it('lets the live buffer win, and shows the disk again after close', async () => {
    const { workspace, server } = await start(PROJECT);
    const uri = workspace.uri('Dockerfile');
    await server.diagnostics(uri, (p) => p.diagnostics.length > 0);
    let mark = server.mark();
    await server.open(uri, 'dockerfile', 'FROM python:3.12\n');
    const buffer = await server.diagnostics(uri, (p) => p.version === 1, mark);
    assert.deepEqual(buffer.diagnostics, []);

    mark = server.mark();
    await server.close(uri);
    const disk = await server.diagnostics(uri, (p) => p.diagnostics.length > 0, mark);
    assert.deepEqual(keys(disk.diagnostics), ['runtime-support@0:12']);
    await server.stop();
  });

  it('is not checked at start when the setting says so', async () => {
    const { workspace, server } = await start(PROJECT, { checkWorkspaceOnStartup: false });
    const probe = workspace.uri('probe/Dockerfile');
    const mark = server.mark();
    await server.open(probe, 'dockerfile', 'FROM python:3.12\n');
    await server.diagnostics(probe, () => true, mark);
    const published = server
      .received<PublishDiagnosticsParams>('textDocument/publishDiagnostics')
      .map((p) => p.uri);
    assert.ok(!published.includes(workspace.uri('Dockerfile')));
    await server.stop();
  });

  it('reports every finding by file, reading the disk when the startup check is off', async () => {
    const { workspace, server } = await start(PROJECT, { checkWorkspaceOnStartup: false });
    const open = workspace.uri('requirements.txt');
    await server.open(open, 'pip-requirements', 'django==3.2\n');
    const report: WorkspaceReport = await server.connection.sendRequest('cleanstart/report');
    assert.equal(report.today, '2026-12-03');
    assert.equal(report.complete, true);
    assert.deepEqual(
      report.files.map((file) => [
        file.path,
        file.origin,
        file.findings.map((f) => `${f.rule}:${String(f.tier)}`),
      ]),
      [
        ['Dockerfile', 'disk', ['runtime-support:3']],
        ['requirements.txt', 'buffer', ['dependency-support:2']],
        ['web/package.json', 'disk', ['runtime-support:3']],
      ],
    );
    assert.equal(report.analyzedFiles, 3);
    await server.stop();
  });

  it('uses the config file, shows its problems on it, and re-checks when it changes', async () => {
    const { workspace, server } = await start({
      Dockerfile: 'FROM python:3.9\nCMD python app.py\n',
      '.cleanstart.yaml': 'rules:\n  shell-form: loud\n',
    });
    const config = await server.diagnostics(
      workspace.uri('.cleanstart.yaml'),
      (p) => p.diagnostics.length > 0,
    );
    assert.equal(config.diagnostics[0]?.range.start.line, 1);
    assert.match(messageOf(config.diagnostics[0]), /shell-form/);
    assert.equal(config.diagnostics[0]?.code, 'parse-error');

    const mark = server.mark();
    workspace.write('.cleanstart.yaml', 'rules:\n  shell-form: off\n');
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: workspace.uri('.cleanstart.yaml'), type: 2 }],
    });
    const cleared = await server.diagnostics(workspace.uri('.cleanstart.yaml'), () => true, mark);
    assert.deepEqual(cleared.diagnostics, []);
    const dockerfile = await server.diagnostics(
      workspace.uri('Dockerfile'),
      (p) => !keys(p.diagnostics).some((key) => key.startsWith('shell-form')),
      mark,
    );
    assert.deepEqual(keys(dockerfile.diagnostics), ['runtime-support@0:12']);
    await server.stop();
  });

  it('shows config file problems when only an open document reads it', async () => {
    const { workspace, server } = await start(
      { '.cleanstart.yaml': 'lookaheadDays: soon\n' },
      { checkWorkspaceOnStartup: false },
    );
    const uri = workspace.uri('app/Dockerfile');
    await server.open(uri, 'dockerfile', 'FROM python:3.12\n');
    const config = await server.diagnostics(
      workspace.uri('.cleanstart.yaml'),
      (p) => p.diagnostics.length > 0,
    );
    assert.match(messageOf(config.diagnostics[0]), /lookaheadDays/);
    await server.waitFor<{ message: string }>('window/logMessage', (p) =>
      /lookaheadDays/.test(p.message),
    );
    await server.stop();
  });

  it('uses a matrix override, and keeps the bundled matrix when it is broken', async () => {
    const override = [
      'source:',
      '  title: ACME ratings',
      '  updated: "2026-11-30"',
      'entries:',
      '  - id: runtime/python/3.9',
      '    tier: 1',
      '    support: { kind: date, date: "2027-12" }',
      '',
    ].join('\n');
    const { workspace, server } = await start({
      Dockerfile: 'FROM python:3.9\n',
      '.cleanstart/matrix.yaml': override,
    });
    await server.waitFor<{ message: string }>('window/logMessage', (p) =>
      /Workspace check/.test(p.message),
    );
    let info: MatrixInfo = await server.connection.sendRequest('cleanstart/matrixInfo', {
      uri: workspace.uri('Dockerfile'),
    });
    assert.equal(info.title, 'ACME ratings');
    assert.equal(info.override, workspace.path('.cleanstart/matrix.yaml'));
    assert.deepEqual(info.problems, []);

    const mark = server.mark();
    workspace.write(
      '.cleanstart/matrix.yaml',
      'entries:\n  - id: runtime/python/3.9\n    tier: seven\n',
    );
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: workspace.uri('.cleanstart/matrix.yaml'), type: 2 }],
    });
    await server.waitFor('cleanstart/matrixChanged', () => true, mark);
    const problems = await server.diagnostics(
      workspace.uri('.cleanstart/matrix.yaml'),
      (p) => p.diagnostics.length > 0,
      mark,
    );
    assert.equal(problems.diagnostics[0]?.range.start.line, 2);
    info = await server.connection.sendRequest('cleanstart/matrixInfo', {
      uri: workspace.uri('Dockerfile'),
    });
    assert.equal(info.override, undefined);
    assert.ok(info.problems.length > 0);
    assert.doesNotMatch(info.title, /ACME/);
    const errors = server
      .received<{ type: number }>('window/logMessage')
      .filter((m) => m.type === 1);
    assert.deepEqual(errors, []);
    await server.stop();
  });
});
