// Starts and stops code-server (the VS Code server the offline editor tests run in) and installs
// extensions into it. Every process it starts is a process group leader, so that stopping it also
// stops what it started: extension hosts, language servers, terminals.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { clearTimeout, setTimeout } from 'node:timers';

/** How long code-server gets to listen before the run is declared broken. */
const LISTEN_TIMEOUT_MS = 60_000;

/** A port nobody listens on now, on the loopback interface. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function commonArguments(directories) {
  return [
    '--user-data-dir',
    directories.userData,
    '--extensions-dir',
    directories.extensions,
    '--config',
    directories.config,
    '--disable-telemetry',
    '--disable-update-check',
  ];
}

function serverEnvironment(directories, extra = {}) {
  // Keep code-server away from the user's own ~/.config and ~/.local.
  return {
    ...process.env,
    XDG_CONFIG_HOME: directories.home,
    XDG_DATA_HOME: directories.home,
    ...extra,
  };
}

/**
 * `code-server --install-extension FILE.vsix` into the run's extensions folder.
 * @param {{ node: string, codeServer: string }} tools
 */
export async function installExtension(tools, directories, vsix, logFile) {
  const child = spawn(
    tools.node,
    [tools.codeServer, ...commonArguments(directories), '--install-extension', vsix],
    { env: serverEnvironment(directories), stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  const log = createWriteStream(logFile, { flags: 'a' });
  let output = '';
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk) => {
      output += chunk;
      log.write(chunk);
    });
  }
  const code = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (exitCode) => resolve(exitCode));
  });
  log.end();
  if (code !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(
      `code-server could not install ${vsix} (exit code ${code}):\n${output.trim().slice(-2000)}`,
    );
  }
}

/**
 * Starts code-server on `port` for `folder` and resolves once it listens.
 * @returns {Promise<CodeServer>}
 */
export async function startCodeServer(tools, { port, directories, folder, logFile, environment }) {
  const child = spawn(
    tools.node,
    [
      tools.codeServer,
      ...commonArguments(directories),
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      // Lets the workbench take `extensionDevelopmentPath` and `extensionTestsPath` from the URL.
      '--vscode-option',
      'enable-smoke-test-driver',
      folder,
    ],
    {
      env: serverEnvironment(directories, environment),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  return new CodeServer(child, port, logFile).whenListening();
}

export class CodeServer {
  #listeners = new Set();
  #exit;

  constructor(child, port, logFile) {
    this.child = child;
    this.port = port;
    this.origin = `http://127.0.0.1:${port}`;
    this.logFile = logFile;
    const log = createWriteStream(logFile, { flags: 'a' });
    let pending = '';
    const onData = (chunk) => {
      log.write(chunk);
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) this.#onLine(line);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    this.#exit = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        log.end();
        resolve({ code, signal });
      });
      child.on('error', (error) => {
        log.end();
        resolve({ code: null, signal: null, error });
      });
    });
  }

  /** Resolves with the exit of the code-server process, whatever caused it. */
  get exited() {
    return this.#exit;
  }

  /** Calls `listener(line)` for each line code-server prints from now on; returns a remover. */
  onLine(listener) {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #onLine(line) {
    for (const listener of this.#listeners) listener(line);
  }

  async whenListening() {
    let removeListener = () => {};
    let timer;
    const listening = new Promise((resolve) => {
      removeListener = this.onLine((line) => {
        if (line.includes('HTTP server listening on')) resolve('listening');
      });
    });
    const timeout = new Promise((resolve) => {
      timer = setTimeout(() => resolve('timeout'), LISTEN_TIMEOUT_MS);
    });
    const outcome = await Promise.race([listening, timeout, this.#exit.then(() => 'exited')]);
    removeListener();
    clearTimeout(timer);
    if (outcome === 'listening') return this;

    await this.stop();
    const { code, signal, error } = await this.#exit;
    const reason =
      outcome === 'timeout'
        ? `did not listen within ${LISTEN_TIMEOUT_MS / 1000} s`
        : `exited (code ${code}, signal ${signal}${error ? `, ${error.message}` : ''})`;
    throw new Error(`code-server ${reason}; see ${this.logFile}`);
  }

  /** Stops code-server and everything it started; waits until the process is gone. */
  async stop() {
    const pid = this.child.pid;
    if (pid === undefined || this.child.exitCode !== null || this.child.signalCode !== null) {
      killGroup(pid, 'SIGKILL');
      return;
    }
    killGroup(pid, 'SIGTERM');
    let timer;
    const grace = new Promise((resolve) => {
      timer = setTimeout(resolve, 5_000);
    });
    await Promise.race([this.#exit, grace]);
    clearTimeout(timer);
    // Children that ignored SIGTERM, or outlived code-server, go now.
    killGroup(pid, 'SIGKILL');
    await this.#exit;
  }
}

function killGroup(pid, signal) {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}
