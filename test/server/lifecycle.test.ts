import assert from 'node:assert/strict';
import { execFileSync, fork } from 'node:child_process';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import {
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { repositoryRoot } from '../support/paths';
import { LanguageServer, SERVER_PATH } from './support/languageServer';

const BIN = join(repositoryRoot(), 'bin', 'cleanstart-language-server.js');

describe('the language server process', () => {
  const started: LanguageServer[] = [];
  after(() => started.forEach((server) => server.kill()));

  it('announces what it can do', async () => {
    const server = await LanguageServer.start();
    started.push(server);
    const capabilities = server.capabilities;
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2 });
    assert.equal(capabilities.hoverProvider, true);
    assert.deepEqual(capabilities.codeActionProvider, {
      codeActionKinds: ['quickfix', 'source.fixAll.cleanstart'],
      resolveProvider: false,
    });
    const announcement = await server.waitFor<{ message: string }>('window/logMessage', (params) =>
      params.message.includes('started'),
    );
    assert.match(announcement.message, /CleanStart language server \S+ started/);
  });

  it('asks the editor to send settings changes and to watch its config files', async () => {
    const server = await LanguageServer.start();
    started.push(server);
    const configuration = await server.waitFor<{ registrations: { method: string }[] }>(
      'client/registerCapability',
      (params) => params.registrations.some((r) => r.method === 'workspace/didChangeConfiguration'),
    );
    assert.ok(configuration);
    const watchers = await server.waitFor<{
      registrations: { method: string; registerOptions: unknown }[];
    }>('client/registerCapability', (params) =>
      params.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'),
    );
    assert.match(JSON.stringify(watchers.registrations[0]?.registerOptions), /\.cleanstart/);
  });

  it('answers requests about documents it was never sent', async () => {
    const server = await LanguageServer.start();
    started.push(server);
    const uri = 'file:///nowhere/Dockerfile';
    const position = { line: 0, character: 0 };
    const range = { start: position, end: position };
    assert.equal(
      await server.connection.sendRequest('textDocument/hover', {
        textDocument: { uri },
        position,
      }),
      null,
    );
    assert.deepEqual(
      await server.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range,
        context: { diagnostics: [] },
      }),
      [],
    );
    assert.equal(
      await server.connection.sendRequest('cleanstart/draftReport', { uri, position }),
      null,
    );
  });

  it('shuts down and exits cleanly', async () => {
    const server = await LanguageServer.start();
    started.push(server);
    assert.equal(await server.stop(), 0);
  });

  it('speaks over Node IPC too', async () => {
    const child = fork(SERVER_PATH, ['--node-ipc'], { silent: true });
    const connection = createProtocolConnection(
      new IPCMessageReader(child),
      new IPCMessageWriter(child),
    );
    connection.listen();
    try {
      const result: InitializeResult = await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: null,
        capabilities: {},
      });
      assert.equal(result.serverInfo?.name, 'cleanstart-language-server');
      await connection.sendRequest('shutdown');
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await connection.sendNotification('exit');
      assert.equal(await exited, 0);
    } finally {
      connection.dispose();
      if (child.exitCode === null) child.kill();
    }
  });

  it('prints its version and help from the command line', () => {
    const version = execFileSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' });
    assert.match(version, /^\d+\.\d+\.\d+\S*\n$/);
    const help = execFileSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
    assert.match(help, /--stdio/);
    assert.match(help, /--node-ipc/);
  });
});
