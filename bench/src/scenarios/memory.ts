/**
 * Memory: our server's resident set with 1,000 documents open (a quarter of each file kind, at
 * typical sizes) and after closing them all again, over a few rounds with new URIs each time.
 *
 * V8 collects garbage when it sees fit and seldom hands memory back, so a reading taken at a
 * random moment says little about what the server keeps. For this scenario only, the server
 * process gets a small preload script (and `--expose-gc`) that, on SIGUSR2, collects all garbage
 * and writes `process.memoryUsage()` to stderr; each reading comes right after one.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDockerfile } from '../inputs/dockerfile';
import { generateGoMod } from '../inputs/goMod';
import { generatePackageJson } from '../inputs/packageJson';
import { generateRequirements } from '../inputs/requirements';
import { memoryBytes } from '../lsp/procfs';
import { ServerProcess, type ServerCommand } from '../lsp/serverProcess';
import { initialize, open, type OpenDocument } from '../lsp/servers';
import { Workspace } from './workspace';

export const DOCUMENTS = 1000;
/** Rounds of opening and closing, each with new URIs: what one round leaves behind adds up. */
export const ROUNDS = 3;
const TIMEOUT_MS = 60_000;
/** Time for the server to finish what it was doing before memory is read. */
const SETTLE_MS = 500;
const MARKER = 'cleanstart-bench-memory';

const PRELOAD = `// Loaded into the language server by the memory benchmark only.
process.on('SIGUSR2', () => {
  global.gc();
  process.stderr.write('${MARKER} ' + JSON.stringify(process.memoryUsage()) + '\\n');
});
`;

export interface MemoryReading {
  /** Resident set (VmRSS), bytes. */
  readonly residentBytes?: number;
  /** V8 heap in use after a full collection, bytes. */
  readonly heapUsedBytes?: number;
}

export interface MemoryRound {
  readonly open: MemoryReading;
  readonly closed: MemoryReading;
  /** First `didOpen` to the diagnostics of the last of the documents, ms. */
  readonly openAllMs: number;
}

export interface MemoryResult {
  readonly server: string;
  readonly documents: number;
  /** After `initialized`, before any document. */
  readonly idle?: MemoryReading;
  readonly rounds: readonly MemoryRound[];
  /** Highest resident set the process reached (VmHWM), bytes. */
  readonly peakBytes?: number;
  readonly error?: string;
}

const sleep = (milliseconds: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, milliseconds));

/** Documents that live only in the editor: nothing is written to disk. */
function documents(workspace: Workspace, round: number): OpenDocument[] {
  const kinds = [
    (seed: number) => ({
      name: 'Dockerfile',
      languageId: 'dockerfile',
      text: generateDockerfile(50, seed),
    }),
    (seed: number) => ({
      name: 'requirements.txt',
      languageId: 'pip-requirements',
      text: generateRequirements(20, seed),
    }),
    (seed: number) => ({
      name: 'package.json',
      languageId: 'json',
      text: generatePackageJson(30, seed),
    }),
    (seed: number) => ({ name: 'go.mod', languageId: 'go.mod', text: generateGoMod(20, seed) }),
  ];
  const result: OpenDocument[] = [];
  for (let index = 0; index < DOCUMENTS; index++) {
    const kind = kinds[index % kinds.length];
    if (kind === undefined) continue;
    const { name, languageId, text } = kind(1000 + index);
    const uri = workspace.file(`round-${round}/service-${index}/${name}`);
    result.push({ uri, languageId, text });
  }
  return result;
}

/** Resolves when every URI in `uris` has had diagnostics published from index `after` on. */
async function allPublished(
  server: ServerProcess,
  uris: ReadonlySet<string>,
  after: number,
): Promise<void> {
  const seen = new Set<string>();
  const deadline = performance.now() + TIMEOUT_MS;
  let from = after;
  while (seen.size < uris.size) {
    for (; from < server.arrivals.length; from++) {
      const message = server.arrivals[from]?.message;
      const uri = (message?.params as { uri?: string } | undefined)?.uri;
      if (
        message?.method === 'textDocument/publishDiagnostics' &&
        uri !== undefined &&
        uris.has(uri)
      ) {
        seen.add(uri);
      }
    }
    if (server.hasExited) throw new Error(`The server exited. ${server.stderr.slice(-2000)}`);
    if (performance.now() > deadline) {
      throw new Error(
        `Diagnostics for only ${seen.size} of ${uris.size} documents within ${TIMEOUT_MS} ms.`,
      );
    }
    await sleep(20);
  }
}

/** Lets the server settle, has it collect its garbage, then reads its memory. */
async function reading(server: ServerProcess): Promise<MemoryReading> {
  await sleep(SETTLE_MS);
  const before = server.stderr.length;
  process.kill(server.pid, 'SIGUSR2');
  const deadline = performance.now() + 5000;
  let report: string | undefined;
  while (report === undefined && performance.now() < deadline && !server.hasExited) {
    report = new RegExp(`${MARKER} (\\{.*\\})`).exec(server.stderr.slice(before))?.[1];
    if (report === undefined) await sleep(20);
  }
  const heapUsed =
    report === undefined ? undefined : (JSON.parse(report) as { heapUsed?: number }).heapUsed;
  return {
    residentBytes: memoryBytes(server.pid, 'VmRSS'),
    ...(heapUsed === undefined ? {} : { heapUsedBytes: heapUsed }),
  };
}

/** Opens every document, waits for all their diagnostics, then closes them all. */
async function openAndClose(
  server: ServerProcess,
  opened: readonly OpenDocument[],
): Promise<MemoryRound> {
  const uris = new Set(opened.map((document) => document.uri));
  let mark = server.arrivals.length;
  const start = performance.now();
  for (const document of opened) open(server, document);
  await allPublished(server, uris, mark);
  const openAllMs = performance.now() - start;
  const whileOpen = await reading(server);

  mark = server.arrivals.length;
  for (const document of opened) {
    server.notify('textDocument/didClose', { textDocument: { uri: document.uri } });
  }
  // Closing clears each document's diagnostics: the last clearing means all are closed.
  await allPublished(server, uris, mark);
  const closed = await reading(server);
  // The messages of a round are no longer needed; dropping them keeps the bench's own memory flat.
  server.forgetArrivals();
  return { open: whileOpen, closed, openAllMs };
}

export async function measureMemory(command: ServerCommand): Promise<MemoryResult> {
  const workspace = new Workspace();
  const tools = new Workspace();
  const preload = join(tools.root, 'collect-on-signal.js');
  writeFileSync(preload, PRELOAD);
  const server = ServerProcess.start({
    ...command,
    nodeArgs: [...(command.nodeArgs ?? []), '--expose-gc', '--require', preload],
  });
  const base = { server: command.name, documents: DOCUMENTS };
  const rounds: MemoryRound[] = [];
  try {
    await initialize(server, { folder: workspace.uri });
    const idle = await reading(server);
    for (let round = 1; round <= ROUNDS; round++) {
      rounds.push(await openAndClose(server, documents(workspace, round)));
    }
    return { ...base, idle, rounds, peakBytes: memoryBytes(server.pid, 'VmHWM') };
  } catch (error) {
    return { ...base, rounds, error: error instanceof Error ? error.message : String(error) };
  } finally {
    await server.stop();
    workspace.remove();
    tools.remove();
  }
}
