/**
 * The built server (`dist/server.js --stdio`) under requests an editor should never send, or sends
 * when it is confused: documents never opened, positions past the end, malformed parameters,
 * changes before opens, a thousand open documents, cancellations, unknown methods, frames that
 * are not JSON-RPC. Each gets a proper answer or error, and afterwards the server still serves:
 * every test ends with a diagnostics and hover round trip.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { after, afterEach, before, describe, it } from 'node:test';
import {
  CancellationTokenSource,
  createProtocolConnection,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type Hover,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { LanguageServer, SERVER_PATH } from './support/languageServer';

const OLD_PYTHON = 'FROM python:3.9-slim\nCMD ["python", "app.py"]\n';
/** Where `3.9` stands in `OLD_PYTHON`: the runtime-support finding. */
const ON_VERSION = { line: 0, character: 13 };

/** A request's outcome: its result, or the code of the error it was answered with. */
type Outcome = { readonly result: unknown } | { readonly error: number };

async function outcome(request: Promise<unknown>): Promise<Outcome> {
  try {
    return { result: await request };
  } catch (error) {
    assert.ok(error instanceof ResponseError, `a JSON-RPC error, not ${String(error)}`);
    return { error: error.code };
  }
}

function textOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

/** Whether `result` has the shape `method` answers with (`null` where there is nothing to say). */
function isAnswerTo(method: string, result: unknown): boolean {
  const field = (name: string): boolean =>
    typeof result === 'object' && result !== null && name in result;
  switch (method) {
    case 'textDocument/hover':
      return result === null || field('contents');
    case 'textDocument/codeAction':
      return Array.isArray(result);
    case 'cleanstart/draftReport':
      return result === null || field('markdown');
    case 'cleanstart/matrixInfo':
      return result === null || field('title');
    case 'cleanstart/report':
      return result === null || field('files');
    default:
      return false;
  }
}

let rounds = 0;

/** Opens a file with a known finding, waits for its diagnostics, hovers on it, closes it. */
async function assertServing(server: LanguageServer): Promise<void> {
  assert.equal(server.exitCode, null, 'the server process is still running');
  const uri = `file:///abuse/round-${++rounds}/Dockerfile`;
  const mark = server.mark();
  await server.open(uri, 'dockerfile', OLD_PYTHON);
  const published = await server.diagnostics(uri, (params) => params.diagnostics.length > 0, mark);
  assert.ok(published.diagnostics.some((diagnostic) => diagnostic.code === 'runtime-support'));
  const hover: Hover | null = await server.connection.sendRequest('textDocument/hover', {
    textDocument: { uri },
    position: ON_VERSION,
  });
  assert.ok(hover, 'a hover on the finding');
  await server.close(uri);
}

/** Log lines that say an exception escaped every handler. */
function escapedErrors(server: LanguageServer): string[] {
  return server
    .received<{ message: string }>('window/logMessage')
    .map((params) => params.message)
    .filter((message) => message.includes('Unexpected error'));
}

describe('the language server under protocol abuse', () => {
  let server: LanguageServer;

  before(async () => {
    server = await LanguageServer.start();
  });
  afterEach(async () => {
    await assertServing(server);
  });
  after(async () => {
    assert.deepEqual(escapedErrors(server), []);
    assert.equal(await server.stop(), 0);
  });

  it('answers requests about documents never opened', async () => {
    for (const uri of ['file:///abuse/never/Dockerfile', 'untitled:Untitled-1', 'not a uri']) {
      const position = { line: 0, character: 0 };
      const range = { start: position, end: position };
      const hover = await server.connection.sendRequest('textDocument/hover', {
        textDocument: { uri },
        position,
      });
      assert.equal(hover, null);
      const actions = await server.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range,
        context: { diagnostics: [] },
      });
      assert.deepEqual(actions, []);
      assert.equal(
        await server.connection.sendRequest('cleanstart/draftReport', { uri, position }),
        null,
      );
    }
  });

  it('answers positions past the end of a document, and negative ones', async () => {
    const uri = 'file:///abuse/positions/Dockerfile';
    const mark = server.mark();
    await server.open(uri, 'dockerfile', OLD_PYTHON);
    await server.diagnostics(uri, () => true, mark);
    const positions = [
      { line: 2, character: 0 },
      { line: 0, character: 1_000_000_000 },
      { line: 1_000_000, character: 3 },
      { line: 2 ** 31 - 1, character: 2 ** 31 - 1 },
      { line: -1, character: -5 },
      { line: 0.5, character: 1e308 },
    ];
    for (const position of positions) {
      const hover = await outcome(
        server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }),
      );
      assert.ok('error' in hover || isAnswerTo('textDocument/hover', hover.result));
      const far = { line: position.line + 5, character: position.character };
      for (const range of [
        { start: position, end: far },
        { start: far, end: position },
      ]) {
        const actions = await outcome(
          server.connection.sendRequest('textDocument/codeAction', {
            textDocument: { uri },
            range,
            context: { diagnostics: [] },
          }),
        );
        assert.ok('error' in actions || isAnswerTo('textDocument/codeAction', actions.result));
      }
      const draft = await outcome(
        server.connection.sendRequest('cleanstart/draftReport', { uri, position }),
      );
      assert.ok('error' in draft || isAnswerTo('cleanstart/draftReport', draft.result));
    }
    await server.close(uri);
  });

  it('answers malformed parameters with a result or a JSON-RPC error', async () => {
    const uri = 'file:///abuse/malformed/Dockerfile';
    const mark = server.mark();
    await server.open(uri, 'dockerfile', OLD_PYTHON);
    await server.diagnostics(uri, () => true, mark);
    const malformed: unknown[] = [
      null,
      [],
      [1, 2, 3],
      {},
      { textDocument: null },
      { textDocument: 'file:///abuse/malformed/Dockerfile' },
      { textDocument: { uri: 42 }, position: 'start' },
      { textDocument: { uri }, position: { line: '0', character: {} } },
      { textDocument: { uri }, position: null, range: null, context: 5 },
      { textDocument: { uri }, range: { start: null, end: [] }, context: { only: 'quickfix' } },
      { textDocument: { uri }, range: ON_VERSION, context: { diagnostics: 'none', only: [7] } },
      { uri: null, position: ON_VERSION },
      { uri: { toString: 'x' } },
    ];
    const methods = [
      'textDocument/hover',
      'textDocument/codeAction',
      'cleanstart/draftReport',
      'cleanstart/matrixInfo',
      'cleanstart/report',
    ];
    for (const method of methods) {
      for (const params of malformed) {
        const answer = await outcome(server.connection.sendRequest(method, params));
        const what = `${method} ${JSON.stringify(params)}: ${JSON.stringify(answer).slice(0, 200)}`;
        assert.ok('error' in answer || isAnswerTo(method, answer.result), what);
      }
    }
    await server.close(uri);
  });

  it('survives malformed notifications', async () => {
    const uri = 'file:///abuse/notifications/Dockerfile';
    const notifications: [string, unknown][] = [
      ['textDocument/didOpen', {}],
      ['textDocument/didOpen', null],
      ['textDocument/didOpen', { textDocument: { uri: 5, languageId: 7, version: 'x', text: 9 } }],
      ['textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1 } }],
      ['textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: 'x' }],
      [
        'textDocument/didChange',
        { textDocument: { uri, version: 3 }, contentChanges: [{ range: 'bad', text: 3 }] },
      ],
      ['textDocument/didChange', { textDocument: { uri }, contentChanges: [{ text: 'FROM x\n' }] }],
      ['textDocument/didClose', {}],
      ['textDocument/didClose', { textDocument: { uri } }],
      ['textDocument/didSave', { textDocument: null }],
      ['workspace/didChangeConfiguration', { settings: 'everything' }],
      ['workspace/didChangeConfiguration', { settings: { cleanstart: { rules: 5 } } }],
      ['workspace/didChangeWatchedFiles', { changes: 'x' }],
      ['workspace/didChangeWatchedFiles', { changes: [{ uri: 42, type: 9 }] }],
      ['workspace/didChangeWorkspaceFolders', { event: null }],
      ['$/setTrace', { value: 'everything' }],
      ['$/cancelRequest', { id: 'never-sent' }],
      ['$/progress', { token: 1, value: null }],
    ];
    for (const [method, params] of notifications) {
      await server.connection.sendNotification(method, params);
    }
    // Settings were pushed twice above: a valid change afterwards brings the defaults back.
    await server.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { cleanstart: {} },
    });
  });

  it('ignores changes to a document before it is opened, then reads the opened text', async () => {
    const uri = 'file:///abuse/early-change/Dockerfile';
    const mark = server.mark();
    await server.change(uri, 2, [{ text: 'FROM node:16\n' }]);
    await server.change(uri, 3, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, text: 'x' },
    ]);
    await server.open(uri, 'dockerfile', OLD_PYTHON, 1);
    const published = await server.diagnostics(
      uri,
      (params) => params.diagnostics.length > 0,
      mark,
    );
    assert.equal(published.version, 1);
    assert.ok(published.diagnostics.every((diagnostic) => !/Node\.js/.test(textOf(diagnostic))));
    await server.close(uri);
  });

  it('applies edits whose ranges lie past the end or run backwards', async () => {
    const uri = 'file:///abuse/edits/Dockerfile';
    const mark = server.mark();
    await server.open(uri, 'dockerfile', OLD_PYTHON, 1);
    await server.diagnostics(uri, () => true, mark);
    const far = { line: 99, character: 99 };
    const start = { line: 0, character: 0 };
    await server.change(uri, 2, [
      { range: { start: far, end: far }, text: '\nRUN pip install django==3.2\n' },
      { range: { start: { line: 0, character: 9 }, end: start }, text: '' },
      { range: { start: { line: 0, character: -3 }, end: { line: -1, character: 2 } }, text: '#' },
      { text: 'FROM node:16\r\n' },
      { range: { start: { line: 7, character: 0 }, end: far }, text: 'CMD node app.js\r' },
    ]);
    const after = await server.diagnostics(uri, (params) => params.version === 2, mark);
    assert.ok(after.diagnostics.some((diagnostic) => /Node\.js 16/.test(textOf(diagnostic))));
    await server.close(uri);
  });

  it('keeps a thousand documents open and closes them all', async (t) => {
    const count = 1000;
    const uris = Array.from({ length: count }, (_, i) =>
      i % 2 === 0
        ? `file:///abuse/many/${i}/Dockerfile`
        : `file:///abuse/many/${i}/requirements.txt`,
    );
    const started = performance.now();
    const mark = server.mark();
    for (const [i, uri] of uris.entries()) {
      const text = i % 2 === 0 ? OLD_PYTHON : 'Django==3.2\nnumpy>=1.26\n';
      await server.open(uri, i % 2 === 0 ? 'dockerfile' : 'pip-requirements', text);
    }
    const published = new Set<string>();
    await server.waitFor<PublishDiagnosticsParams>(
      'textDocument/publishDiagnostics',
      (params) => {
        if (params.uri.startsWith('file:///abuse/many/') && params.diagnostics.length > 0) {
          published.add(params.uri);
        }
        return published.size === count;
      },
      mark,
      60_000,
    );
    t.diagnostic(
      `${count} documents opened and checked in ${Math.round(performance.now() - started)} ms`,
    );

    const middle = uris[500] as string;
    const hover = await server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: middle },
      position: ON_VERSION,
    });
    assert.ok(hover);

    const closing = server.mark();
    for (const uri of uris) await server.close(uri);
    const cleared = new Set<string>();
    await server.waitFor<PublishDiagnosticsParams>(
      'textDocument/publishDiagnostics',
      (params) => {
        if (params.uri.startsWith('file:///abuse/many/') && params.diagnostics.length === 0) {
          cleared.add(params.uri);
        }
        return cleared.size === count;
      },
      closing,
      60_000,
    );
  });

  it('answers cancelled requests with their result or RequestCancelled', async () => {
    const uri = 'file:///abuse/cancel/Dockerfile';
    const mark = server.mark();
    await server.open(uri, 'dockerfile', OLD_PYTHON + '# padding\n'.repeat(100_000));
    await server.diagnostics(uri, () => true, mark);
    const requests = Array.from({ length: 50 }, (_, i) => {
      const source = new CancellationTokenSource();
      const request = server.connection.sendRequest(
        i % 2 === 0 ? 'textDocument/hover' : 'textDocument/codeAction',
        i % 2 === 0
          ? { textDocument: { uri }, position: ON_VERSION }
          : {
              textDocument: { uri },
              range: { start: ON_VERSION, end: ON_VERSION },
              context: { diagnostics: [] },
            },
        source.token,
      );
      source.cancel();
      return outcome(request);
    });
    for (const answer of await Promise.all(requests)) {
      if ('error' in answer) assert.equal(answer.error, LSPErrorCodes.RequestCancelled);
    }
    await server.close(uri);
  });

  it('answers unknown methods with MethodNotFound and ignores unknown notifications', async () => {
    for (const method of ['cleanstart/noSuchRequest', 'textDocument/noSuchRequest', 'noSuch']) {
      assert.deepEqual(await outcome(server.connection.sendRequest(method, {})), {
        error: ErrorCodes.MethodNotFound,
      });
    }
    await server.connection.sendNotification('cleanstart/noSuchNotification', { x: 1 });
    await server.connection.sendNotification('$/noSuchNotification', {});
  });

  it('takes a 10 MB document and says it is too large to analyse', async () => {
    const uri = 'file:///abuse/huge/Dockerfile';
    const mark = server.mark();
    await server.open(uri, 'dockerfile', OLD_PYTHON + '# padding\n'.repeat(1_050_000));
    const published = await server.diagnostics(uri, () => true, mark);
    assert.deepEqual(
      published.diagnostics.map((diagnostic) => diagnostic.code),
      ['parse-error'],
    );
    const message = published.diagnostics[0]?.message;
    assert.match(typeof message === 'string' ? message : '', /larger than 2 MB/);
    await server.close(uri);
  });
});

/** A server process spoken to directly, for frames the harness would never write. */
async function startRaw(): Promise<{
  child: ChildProcessWithoutNullStreams;
  connection: ProtocolConnection;
  exited: Promise<number | null>;
}> {
  const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: 'pipe' });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) =>
    params.items.map(() => ({})),
  );
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: {},
  });
  return { child, connection, exited };
}

describe('the language server reading a raw stream', () => {
  it('skips frames that are not JSON-RPC requests and keeps serving', async () => {
    const { child, connection, exited } = await startRaw();
    try {
      await connection.sendNotification('initialized', {});
      const frame = (body: string): string =>
        `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
      const garbage = [
        frame('{"jsonrpc":"2.0","id":'),
        frame('[]'),
        frame('42'),
        frame('"text"'),
        frame('{"jsonrpc":"2.0"}'),
        frame('{"jsonrpc":"2.0","id":77}'),
        frame('{"jsonrpc":"2.0","id":78,"result":null}'),
        frame('{"jsonrpc":"2.0","id":{"nested":true},"method":"textDocument/hover","params":{}}'),
        frame('{"jsonrpc":"1.0","method":7}'),
        'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n' + frame('{}'),
      ];
      for (const text of garbage) {
        await new Promise<void>((resolve, reject) =>
          child.stdin.write(text, (error) => (error ? reject(error) : resolve())),
        );
      }
      const hover = await connection.sendRequest('textDocument/hover', {
        textDocument: { uri: 'file:///abuse/raw/Dockerfile' },
        position: { line: 0, character: 0 },
      });
      assert.equal(hover, null);
      assert.equal(child.exitCode, null);

      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      assert.equal(await exited, 0);
    } finally {
      connection.dispose();
      if (child.exitCode === null) child.kill();
    }
  });

  it('refuses requests after shutdown with InvalidRequest', async () => {
    const { child, connection, exited } = await startRaw();
    try {
      await connection.sendRequest('shutdown');
      const late = await outcome(
        connection.sendRequest('textDocument/hover', {
          textDocument: { uri: 'file:///abuse/raw/Dockerfile' },
          position: { line: 0, character: 0 },
        }),
      );
      await connection.sendNotification('exit');
      assert.equal(await exited, 0);
      assert.deepEqual(late, { error: ErrorCodes.InvalidRequest });
    } finally {
      connection.dispose();
      if (child.exitCode === null) child.kill();
    }
  });

  it('exits with 1 when told to exit without a shutdown', async () => {
    const { child, connection, exited } = await startRaw();
    try {
      await connection.sendNotification('exit');
      assert.equal(await exited, 1);
    } finally {
      connection.dispose();
      if (child.exitCode === null) child.kill();
    }
  });
});
