/**
 * The shipped bundles never reach out: no network, no other processes, no code built from text.
 * Checked twice: the bundle text is searched for every way to do so, and the built server and CLI
 * run a whole session with those Node.js APIs wrapped to record any call.
 *
 * The bundles hold library code too. Two references in it are examined and allowed:
 * - `child_process` in vscode-languageserver's `files.js`: the `Files.resolve*` helpers that find
 *   globally installed npm and yarn modules. The server's own code never calls them (checked
 *   below), and nothing else in the library does.
 * - `net` in vscode-jsonrpc's `node/main.js`: the socket and pipe transports, used only when an
 *   editor starts the server with `--socket` or `--pipe` to talk to it on the same machine. Over
 *   `--stdio`, as the extension starts it, they are never called (the session below proves it).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import { repositoryRoot } from '../../support/paths';
import { DOCKERFILE, GO_MOD, PACKAGE_JSON, REQUIREMENTS } from './fixtures';

const ROOT = repositoryRoot();
const BUNDLES = ['dist/server.js', 'dist/cli.js'];

interface Reference {
  readonly name: string;
  readonly pattern: RegExp;
}

const requireOf = (name: string): RegExp =>
  new RegExp(`require\\(\\s*["'](?:node:)?${name}["']\\s*\\)`, 'g');

const FORBIDDEN: readonly Reference[] = [
  ...['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'undici'].map((name) => ({
    name: `require("${name}")`,
    pattern: requireOf(name),
  })),
  ...['child_process', 'worker_threads', 'cluster', 'vm', 'inspector'].map((name) => ({
    name: `require("${name}")`,
    pattern: requireOf(name),
  })),
  // A call of the global `fetch`; a method of that name (`this.fetch(uri)`) is not one.
  { name: 'fetch(', pattern: /(?<![.\w$])fetch\s*\((?![^)]*\)\s*\{)/g },
  { name: 'globalThis.fetch', pattern: /\b(?:globalThis|global|window|self)\s*\.\s*fetch\b/g },
  { name: 'XMLHttpRequest', pattern: /\bXMLHttpRequest\b/g },
  { name: 'WebSocket', pattern: /\bWebSocket\b/g },
  { name: 'new Worker(', pattern: /\bnew\s+Worker\s*\(/g },
  { name: 'process.binding', pattern: /\bprocess\s*\.\s*(?:binding|_linkedBinding|dlopen)\b/g },
  { name: 'eval(', pattern: /(?<![.\w$])eval\s*\(/g },
  { name: 'new Function(', pattern: /\bnew\s+Function\s*\(/g },
  {
    name: 'vm.',
    pattern: /\bvm\s*\.\s*(?:runIn\w*|Script|compileFunction|createContext|SourceTextModule)\b/g,
  },
];

/** Library modules allowed one reference each, for the reasons at the top of this file. */
const ALLOWED: ReadonlyMap<string, string> = new Map([
  ['require("child_process")', 'node_modules/vscode-languageserver/lib/node/files.js'],
  ['require("net")', 'node_modules/vscode-jsonrpc/lib/node/main.js'],
]);

/** The library helpers that spawn processes: the server's own code must not call them. */
const SPAWNING_HELPERS =
  /\b(?:resolveGlobalNodePath|resolveGlobalYarnPath|resolveModulePath|Files\.resolve)\b/;

interface Section {
  readonly start: number;
  readonly module: string;
}

/** esbuild opens each bundled module with a `// path` comment (in builds that are not minified). */
function sectionsOf(bundle: string): Section[] {
  const marker = /^\/\/ ((?:node_modules|server|client|matrix)\/\S+\.(?:[cm]?js|ts|json))$/gm;
  return [...bundle.matchAll(marker)].map((match) => ({
    start: match.index,
    module: match[1] ?? '',
  }));
}

function moduleAt(sections: readonly Section[], offset: number): string {
  let found = '(bundle prelude)';
  for (const section of sections) {
    if (section.start > offset) break;
    found = section.module;
  }
  return found;
}

describe('the bundles', () => {
  it('are searched with patterns that catch each reference, and not look-alikes', () => {
    const samples: Record<string, string> = {
      'fetch(': 'await fetch("https://example.com")',
      'globalThis.fetch': 'const f = globalThis.fetch;',
      XMLHttpRequest: 'new XMLHttpRequest()',
      WebSocket: 'new WebSocket(url)',
      'new Worker(': 'new Worker("./other.js")',
      'process.binding': 'process.binding("fs")',
      'eval(': 'eval(source)',
      'new Function(': 'new Function("return 1")',
      'vm.': 'vm.runInNewContext(code)',
    };
    for (const { name, pattern } of FORBIDDEN) {
      const sample = samples[name] ?? `var x = ${name};`;
      assert.ok([...sample.matchAll(pattern)].length > 0, `${name} in ${sample}`);
    }
    const lookAlikes = [
      'settings = this.fetch(uri);',
      'async fetch(uri) {',
      'const evaluate = x; retrieval(x);',
      'require("netlify")',
      'const httpStatus = 200;',
    ];
    for (const text of lookAlikes) {
      for (const { name, pattern } of FORBIDDEN) {
        assert.equal([...text.matchAll(pattern)].length, 0, `${name} in ${text}`);
      }
    }
  });

  for (const bundlePath of BUNDLES) {
    it(`${bundlePath} holds no network access, process spawning or code evaluation`, () => {
      const path = join(ROOT, bundlePath);
      assert.ok(existsSync(path), `${bundlePath} is missing: run \`npm run build\``);
      const bundle = readFileSync(path, 'utf8');
      const sections = sectionsOf(bundle);
      assert.ok(
        sections.some((section) => section.module.startsWith('server/src/')),
        'the bundle names its modules (a minified bundle cannot be checked this way)',
      );
      const found: string[] = [];
      for (const { name, pattern } of FORBIDDEN) {
        for (const match of bundle.matchAll(pattern)) {
          const where = moduleAt(sections, match.index);
          if (ALLOWED.get(name) !== where) found.push(`${name} in ${where}`);
        }
      }
      assert.deepEqual(found, []);

      const ours = sections.filter((section) => section.module.startsWith('server/src/'));
      for (const [index, section] of sections.entries()) {
        if (!ours.includes(section)) continue;
        const text = bundle.slice(section.start, sections[index + 1]?.start ?? bundle.length);
        assert.doesNotMatch(text, SPAWNING_HELPERS, `${section.module} calls a spawning helper`);
      }
    });
  }
});

/** Wraps every Node.js API that reaches out, and appends each call to a log file. */
const GUARD = `
const fs = require('fs');
const log = process.env.CLEANSTART_REACH_LOG;
function record(what) {
  fs.appendFileSync(log, what + '\\n' + new Error().stack.split('\\n').slice(2, 7).join('\\n') + '\\n');
}
function wrap(name, functions) {
  const target = require(name);
  for (const key of functions) {
    const original = target[key];
    if (typeof original !== 'function') continue;
    target[key] = function (...args) {
      record(name + '.' + key);
      return original.apply(this, args);
    };
  }
}
wrap('net', ['connect', 'createConnection', 'createServer']);
wrap('tls', ['connect', 'createServer']);
wrap('http', ['request', 'get', 'createServer']);
wrap('https', ['request', 'get', 'createServer']);
wrap('http2', ['connect', 'createServer', 'createSecureServer']);
wrap('dgram', ['createSocket']);
wrap('dns', ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']);
wrap('child_process', ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']);
wrap('vm', ['runInThisContext', 'runInNewContext', 'runInContext', 'compileFunction', 'createContext']);
const net = require('net');
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  record('net.Socket.connect');
  return connect.apply(this, args);
};
const threads = require('worker_threads');
const Worker = threads.Worker;
threads.Worker = class extends Worker {
  constructor(...args) {
    record('worker_threads.Worker');
    super(...args);
  }
};
for (const name of ['fetch', 'WebSocket', 'eval']) {
  const original = globalThis[name];
  if (typeof original !== 'function') continue;
  globalThis[name] = function (...args) {
    record(name);
    return original.apply(this, args);
  };
}
`;

describe('the built server and CLI at run time', () => {
  let directory = '';
  let workspace = '';
  let guard = '';
  let log = '';

  before(() => {
    directory = mkdtempSync(join(tmpdir(), 'cleanstart-reach-'));
    guard = join(directory, 'guard.cjs');
    log = join(directory, 'reach.log');
    writeFileSync(guard, GUARD);
    workspace = join(directory, 'project');
    mkdirSync(workspace);
    for (const fixture of [DOCKERFILE, REQUIREMENTS, GO_MOD, PACKAGE_JSON]) {
      const name = fixture.fileName.split('/').pop() ?? fixture.fileName;
      writeFileSync(join(workspace, name), fixture.text);
    }
  });
  after(() => rmSync(directory, { recursive: true, force: true }));

  const reached = (): string => (existsSync(log) ? readFileSync(log, 'utf8') : '');

  it('the guard records a call it is meant to catch', () => {
    const probe = spawnSync(
      process.execPath,
      ['--require', guard, '-e', "require('dns').lookup('localhost', () => {})"],
      { env: { ...process.env, CLEANSTART_REACH_LOG: log }, encoding: 'utf8' },
    );
    assert.equal(probe.status, 0, probe.stderr);
    assert.match(reached(), /dns\.lookup/);
    rmSync(log, { force: true });
  });

  it('a whole language server session over stdio calls none of them', async () => {
    const child = spawn(
      process.execPath,
      ['--require', guard, join(ROOT, 'dist/server.js'), '--stdio'],
      {
        stdio: 'pipe',
        env: { ...process.env, CLEANSTART_REACH_LOG: log },
      },
    );
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    let published = 0;
    const allPublished = new Promise<void>((resolve) => {
      connection.onNotification('textDocument/publishDiagnostics', () => {
        if (++published === 1) resolve();
      });
    });
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) =>
      params.items.map(() => ({})),
    );
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
    try {
      const folder = pathToFileURL(workspace).href;
      await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: folder,
        workspaceFolders: [{ uri: folder, name: 'project' }],
        capabilities: { workspace: { configuration: true, workspaceFolders: true } },
      });
      await connection.sendNotification('initialized', {});
      const uri = `${folder}/Dockerfile`;
      await connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'dockerfile', version: 1, text: DOCKERFILE.text },
      });
      await allPublished;
      const position = { line: 2, character: 13 };
      await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
      await connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: position, end: position },
        context: { diagnostics: [] },
      });
      await connection.sendRequest('cleanstart/report', {});
      await connection.sendRequest('cleanstart/draftReport', { uri, position });
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      assert.equal(await exited, 0);
    } finally {
      connection.dispose();
      if (child.exitCode === null) child.kill();
    }
    assert.equal(reached(), '');
  });

  it('a command line check of a project calls none of them', () => {
    const run = spawnSync(
      process.execPath,
      ['--require', guard, join(ROOT, 'dist/cli.js'), 'check', workspace, '--format', 'json'],
      { env: { ...process.env, CLEANSTART_REACH_LOG: log }, encoding: 'utf8' },
    );
    assert.ok(run.status === 0 || run.status === 1, run.stderr);
    assert.ok(JSON.parse(run.stdout));
    assert.equal(reached(), '');
  });
});
