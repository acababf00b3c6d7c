/**
 * Typing: 200 `didChange` notifications in one second on one open Dockerfile, one character each,
 * as a fast typist's editor sends them. Counts the analyses the burst caused, the server's CPU
 * time for it, and how long after the last keystroke its diagnostics arrived.
 */
import { generateDockerfile } from '../inputs/dockerfile';
import { lineCount } from '../inputs/cases';
import { cpuMilliseconds } from '../lsp/procfs';
import { ServerProcess, type Arrival, type ServerCommand } from '../lsp/serverProcess';
import { diagnosticsFor, initialize, open } from '../lsp/servers';
import { Workspace } from './workspace';

export const CHANGES = 200;
const BURST_MS = 1000;
/** A server that has published nothing for this long after the burst is taken to be done. */
const QUIET_MS = 1000;
const TIMEOUT_MS = 15_000;

export interface TypingResult {
  readonly server: string;
  readonly documentLines: number;
  readonly changes: number;
  /** First to last `didChange` sent, ms. */
  readonly burstMs: number;
  /** `cleanstart/analyzed` notifications during and after the burst (our server only). */
  readonly analyses?: number;
  /** `publishDiagnostics` for the document during and after the burst. */
  readonly publications: number;
  /** User plus system CPU time of the server from just before the burst until it went quiet. */
  readonly cpuMs?: number;
  /** Last `didChange` sent to the diagnostics of the final text, ms. */
  readonly lastChangeToDiagnosticsMs?: number;
  /** Whether that publication carried the last change's version (servers may omit versions). */
  readonly versionMatched: boolean;
  readonly error?: string;
}

function typedText(): string {
  const words = 'RUN pip install --no-cache-dir django==4.2.11 celery==5.3.6 gunicorn==21.2.0 ';
  return words.repeat(Math.ceil(CHANGES / words.length)).slice(0, CHANGES);
}

const sleep = (milliseconds: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, milliseconds));

/**
 * Waits until no diagnostics for `uri` arrived for `QUIET_MS` since `since`; returns the last
 * one from index `after` on.
 */
async function lastPublication(
  server: ServerProcess,
  uri: string,
  after: number,
  since: number,
): Promise<Arrival | undefined> {
  const accept = diagnosticsFor(uri);
  const deadline = performance.now() + TIMEOUT_MS;
  for (;;) {
    const published = server
      .notifications('textDocument/publishDiagnostics', after)
      .filter((arrival) => accept(arrival.message.params));
    const last = published[published.length - 1];
    const quietSince = Math.max(since, last?.time ?? 0);
    if (performance.now() - quietSince >= QUIET_MS && last !== undefined) return last;
    if (performance.now() > deadline || server.hasExited) return last;
    await sleep(50);
  }
}

async function typeInto(command: ServerCommand, workspace: Workspace): Promise<TypingResult> {
  const text = generateDockerfile(50, 11);
  const uri = workspace.file('Dockerfile', text);
  const line = lineCount(text);
  const server = ServerProcess.start(command);
  const base = { server: command.name, documentLines: line, changes: CHANGES };
  try {
    await initialize(server, { folder: workspace.uri, countAnalyses: true });
    open(server, { uri, languageId: 'dockerfile', text });
    await server.waitFor('textDocument/publishDiagnostics', diagnosticsFor(uri), 0, TIMEOUT_MS);
    // Let start-up work (the workspace check) finish, so that its CPU time is not counted.
    await sleep(500);

    const mark = server.arrivals.length;
    const cpuBefore = cpuMilliseconds(server.pid);
    const typed = typedText();
    const start = performance.now();
    let lastSent = start;
    for (let index = 0; index < CHANGES; index++) {
      const due = start + (index * BURST_MS) / CHANGES;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      server.notify('textDocument/didChange', {
        textDocument: { uri, version: index + 2 },
        contentChanges: [
          {
            range: {
              start: { line, character: index },
              end: { line, character: index },
            },
            text: typed.charAt(index),
          },
        ],
      });
      lastSent = performance.now();
    }
    const lastVersion = CHANGES + 1;
    const final = await lastPublication(server, uri, mark, lastSent);
    const cpuAfter = cpuMilliseconds(server.pid);
    const finalVersion = (final?.message.params as { version?: number } | undefined)?.version;
    const analyzed = server.notifications('cleanstart/analyzed', mark).length;
    return {
      ...base,
      burstMs: lastSent - start,
      ...(analyzed > 0 ? { analyses: analyzed } : {}),
      publications: server
        .notifications('textDocument/publishDiagnostics', mark)
        .filter((arrival) => diagnosticsFor(uri)(arrival.message.params)).length,
      ...(cpuBefore !== undefined && cpuAfter !== undefined ? { cpuMs: cpuAfter - cpuBefore } : {}),
      ...(final === undefined ? {} : { lastChangeToDiagnosticsMs: final.time - lastSent }),
      versionMatched: finalVersion === lastVersion,
    };
  } catch (error) {
    return {
      ...base,
      burstMs: 0,
      publications: 0,
      versionMatched: false,
      error: error instanceof Error ? error.message : String(error),
    };
  } finally {
    await server.stop();
  }
}

export async function measureTyping(commands: readonly ServerCommand[]): Promise<TypingResult[]> {
  const results: TypingResult[] = [];
  for (const command of commands) {
    const workspace = new Workspace();
    try {
      results.push(await typeInto(command, workspace));
    } finally {
      workspace.remove();
    }
  }
  return results;
}
