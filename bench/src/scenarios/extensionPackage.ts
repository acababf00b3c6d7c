/**
 * The packaged extension: the `.vsix` size and what fills it, and an estimate of activation to a
 * ready client. Without VS Code, "ready" is measured in its two parts that the extension itself
 * pays for: loading the client bundle (with a stand-in for the `vscode` module, which only the
 * editor provides) and the language server's `initialize` round trip over Node IPC, the
 * transport the client starts it with. VS Code's own extension host work is not included.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ServerProcess, type ServerCommand } from '../lsp/serverProcess';
import { initialize } from '../lsp/servers';
import { summarize, type Summary } from '../measure/statistics';
import { zipEntries, type ZipEntry } from '../measure/zipEntries';

export const PACKAGE_FILE = 'cleanstart-compat.vsix';

export interface PackageResult {
  readonly vsixBytes?: number;
  /** The largest entries by compressed size. */
  readonly largest: readonly ZipEntry[];
  readonly entries: number;
  readonly clientBundleBytes?: number;
  readonly serverBundleBytes?: number;
  /** `require` of the client bundle in a fresh Node process, ms. */
  readonly clientRequire?: Summary;
  /** Fork of the server with `--node-ipc` to its `initialize` answer, ms. */
  readonly serverInitialize?: Summary;
  readonly errors: readonly string[];
}

/**
 * Loads a bundle with `vscode` answered by a stand-in that returns a further stand-in for any
 * property, call or construction, and prints how long `require` took.
 */
const LOAD_CLIENT = `
const Module = require('node:module');
const missing = (property) => property === 'then' ? undefined : property === Symbol.toPrimitive ? () => '' : standIn();
// Property lookups that miss end here; its own prototype is null, so prototype chains end too.
const lookup = new Proxy(Object.create(null), { get: (target, property) => missing(property) });
const handler = {
  get: (target, property) => missing(property),
  apply: () => standIn(),
  construct: () => standIn(),
  getPrototypeOf: () => lookup,
};
function standIn() { return new Proxy(function () {}, handler); }
const vscode = standIn();
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? vscode : load.call(this, request, ...rest);
};
const start = performance.now();
const extension = require(process.argv[1]);
const elapsed = performance.now() - start;
if (typeof extension.activate !== 'function') throw new Error('The bundle exports no activate function.');
process.stdout.write(JSON.stringify({ requireMs: elapsed }));
`;

function requireClient(bundle: string): Promise<number> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['-e', LOAD_CLIENT, bundle],
      { encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error) {
          reject(
            new Error(
              `Loading ${bundle} failed: ${stderr.trim().split('\n').slice(0, 5).join(' ')}`,
            ),
          );
          return;
        }
        try {
          resolve((JSON.parse(stdout) as { requireMs: number }).requireMs);
        } catch {
          reject(new Error(`Loading ${bundle} printed ${stdout.slice(0, 200)}`));
        }
      },
    );
  });
}

async function initializeOverIpc(command: ServerCommand): Promise<number> {
  const server = ServerProcess.start(command, 'ipc');
  try {
    const answer = await initialize(server);
    return answer.time - server.spawnedAt;
  } finally {
    await server.stop();
  }
}

function fileBytes(path: string): number | undefined {
  return existsSync(path) ? statSync(path).size : undefined;
}

export async function measurePackage(
  root: string,
  server: ServerCommand,
  runs: number,
): Promise<PackageResult> {
  const errors: string[] = [];
  const vsix = join(root, PACKAGE_FILE);
  const clientBundle = join(root, 'dist', 'client.js');
  const entries = existsSync(vsix) ? zipEntries(readFileSync(vsix)) : [];
  if (!existsSync(vsix))
    errors.push(`${PACKAGE_FILE} does not exist: \`npm run package\` did not make it.`);

  const requires: number[] = [];
  const initializes: number[] = [];
  for (let run = 0; run < runs; run++) {
    try {
      requires.push(await requireClient(clientBundle));
    } catch (error) {
      errors.push(error instanceof Error ? error.message : String(error));
    }
    try {
      initializes.push(await initializeOverIpc(server));
    } catch (error) {
      errors.push(error instanceof Error ? error.message : String(error));
    }
  }
  return {
    vsixBytes: fileBytes(vsix),
    largest: [...entries].sort((a, b) => b.compressedBytes - a.compressedBytes).slice(0, 6),
    entries: entries.length,
    clientBundleBytes: fileBytes(clientBundle),
    serverBundleBytes: fileBytes(server.module),
    clientRequire: summarize(requires),
    serverInitialize: summarize(initializes),
    errors: [...new Set(errors)],
  };
}
