import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver/node';
import { LanguageServer } from './support/languageServer';

function rules(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${String(d.code)}:${String(d.severity)}`).sort();
}

describe('settings', () => {
  const started: LanguageServer[] = [];
  after(() => started.forEach((server) => server.kill()));

  it('are pulled from the editor, per document, and applied', async () => {
    const server = await LanguageServer.start({ settings: { rules: { 'shell-form': 'off' } } });
    started.push(server);
    const uri = 'file:///project/settings/Dockerfile';
    const mark = server.mark();
    await server.open(uri, 'dockerfile', 'FROM python:3.9\nCMD python app.py\n');
    const published = await server.diagnostics(uri, () => true, mark);
    assert.deepEqual(rules(published.diagnostics), ['runtime-support:2']);
    assert.ok(server.configurationRequests > 0, 'the server asked the editor for its settings');
    await server.stop();
  });

  it('re-check every open document when they change', async () => {
    const server = await LanguageServer.start();
    started.push(server);
    const dockerfile = 'file:///project/change/Dockerfile';
    const requirements = 'file:///project/change/requirements.txt';
    let mark = server.mark();
    await server.open(dockerfile, 'dockerfile', 'FROM python:3.9\nCMD python app.py\n');
    await server.open(requirements, 'pip-requirements', 'django==3.2\n');
    await server.diagnostics(dockerfile, () => true, mark);
    await server.diagnostics(requirements, () => true, mark);

    server.settings = {
      rules: { 'shell-form': 'off', 'runtime-support': 'error', 'dependency-support': 'hint' },
    };
    mark = server.mark();
    // Pull-based: the notification carries no settings; the server asks for them.
    await server.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: null,
    });
    const docker = await server.diagnostics(dockerfile, () => true, mark);
    assert.deepEqual(rules(docker.diagnostics), ['runtime-support:1']);
    const python = await server.diagnostics(requirements, () => true, mark);
    assert.deepEqual(rules(python.diagnostics), ['dependency-support:4']);
    await server.waitFor('cleanstart/matrixChanged', () => true, mark);
    await server.stop();
  });

  it('turn file kinds off and report newer versions when asked', async () => {
    const server = await LanguageServer.start({
      settings: { files: { goMod: { enabled: false } }, reportNewerVersions: true },
    });
    started.push(server);
    const goMod = 'file:///project/kinds/go.mod';
    const dockerfile = 'file:///project/kinds/Dockerfile';
    const mark = server.mark();
    await server.open(goMod, 'go.mod', 'module example.com/app\n\ngo 1.19\n');
    await server.open(dockerfile, 'dockerfile', 'FROM python:3.14\n');
    assert.deepEqual((await server.diagnostics(goMod, () => true, mark)).diagnostics, []);
    assert.deepEqual(rules((await server.diagnostics(dockerfile, () => true, mark)).diagnostics), [
      'runtime-support:3',
    ]);
    await server.stop();
  });

  it('fall back to the initialization options for editors without workspace/configuration', async () => {
    const server = await LanguageServer.start({
      settings: { rules: { 'runtime-support': 'off' } },
      capabilities: {},
    });
    started.push(server);
    const uri = 'file:///project/fallback/Dockerfile';
    let mark = server.mark();
    await server.open(uri, 'dockerfile', 'FROM python:3.9\n');
    assert.deepEqual((await server.diagnostics(uri, () => true, mark)).diagnostics, []);
    assert.equal(server.configurationRequests, 0);

    mark = server.mark();
    await server.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { cleanstart: { rules: { 'runtime-support': 'error' } } },
    });
    assert.deepEqual(rules((await server.diagnostics(uri, () => true, mark)).diagnostics), [
      'runtime-support:1',
    ]);
    await server.stop();
  });
});
