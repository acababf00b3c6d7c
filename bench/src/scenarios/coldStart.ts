/**
 * Cold start to first diagnostics: a new server process, `initialize`, `initialized`, `didOpen`
 * of a typical Dockerfile, until its first `publishDiagnostics` arrives. The servers take turns,
 * run after run, so that both see the same machine.
 */
import { generateDockerfile } from '../inputs/dockerfile';
import { ServerProcess, type ServerCommand } from '../lsp/serverProcess';
import { diagnosticsFor, initialize, open } from '../lsp/servers';
import { summarize, type Summary } from '../measure/statistics';
import { Workspace } from './workspace';

export interface ColdStartRun {
  /** Spawn to the `initialize` answer, ms. */
  readonly initialize: number;
  /** Spawn to the first diagnostics of the opened document, ms. */
  readonly firstDiagnostics: number;
  /** `didOpen` sent to those diagnostics, ms. */
  readonly openToDiagnostics: number;
  /** The first analysis as the server logs it ("Analysed … in … ms"), when it does. */
  readonly firstAnalysis?: number;
  readonly diagnostics: number;
}

export interface ColdStartResult {
  readonly server: string;
  readonly runs: readonly ColdStartRun[];
  readonly initialize?: Summary;
  readonly firstDiagnostics?: Summary;
  readonly openToDiagnostics?: Summary;
  readonly firstAnalysis?: Summary;
  /** Diagnostics the first publication held (the same every run). */
  readonly diagnostics?: number;
  readonly errors: readonly string[];
}

const TIMEOUT_MS = 15_000;

/** The analysis time our server logs for a document, in ms. */
function loggedAnalysis(server: ServerProcess, uri: string): number | undefined {
  for (const arrival of server.notifications('window/logMessage')) {
    const message = (arrival.message.params as { message?: string } | undefined)?.message ?? '';
    if (!message.startsWith(`Analysed ${uri} `)) continue;
    const milliseconds = /\bin ([\d.]+) ms\b/.exec(message)?.[1];
    if (milliseconds !== undefined) return Number(milliseconds);
  }
  return undefined;
}

async function coldStart(
  command: ServerCommand,
  workspace: Workspace,
  uri: string,
  text: string,
): Promise<ColdStartRun> {
  const server = ServerProcess.start(command);
  try {
    const answer = await initialize(server, { folder: workspace.uri });
    const opened = performance.now();
    open(server, { uri, languageId: 'dockerfile', text });
    const published = await server.waitFor(
      'textDocument/publishDiagnostics',
      diagnosticsFor(uri),
      0,
      TIMEOUT_MS,
    );
    const params = published.message.params as { diagnostics?: unknown[] } | undefined;
    const firstAnalysis = loggedAnalysis(server, uri);
    return {
      initialize: answer.time - server.spawnedAt,
      firstDiagnostics: published.time - server.spawnedAt,
      openToDiagnostics: published.time - opened,
      ...(firstAnalysis === undefined ? {} : { firstAnalysis }),
      diagnostics: params?.diagnostics?.length ?? 0,
    };
  } finally {
    await server.stop();
  }
}

export async function measureColdStarts(
  commands: readonly ServerCommand[],
  runs: number,
): Promise<ColdStartResult[]> {
  const workspace = new Workspace();
  const text = generateDockerfile(50, 11);
  const uri = workspace.file('Dockerfile', text);
  const collected = commands.map(() => ({ runs: [] as ColdStartRun[], errors: [] as string[] }));
  try {
    for (let round = 0; round < runs; round++) {
      // Who goes first alternates, so that neither always starts right after the other.
      const order = [...commands.keys()];
      if (round % 2 === 1) order.reverse();
      for (const index of order) {
        const command = commands[index];
        const target = collected[index];
        if (command === undefined || target === undefined) continue;
        try {
          target.runs.push(await coldStart(command, workspace, uri, text));
        } catch (error) {
          target.errors.push(error instanceof Error ? error.message : String(error));
        }
      }
    }
  } finally {
    workspace.remove();
  }
  return commands.map((command, index) => {
    const { runs: done, errors } = collected[index] ?? { runs: [], errors: [] };
    return {
      server: command.name,
      runs: done,
      initialize: summarize(done.map((run) => run.initialize)),
      firstDiagnostics: summarize(done.map((run) => run.firstDiagnostics)),
      openToDiagnostics: summarize(done.map((run) => run.openToDiagnostics)),
      firstAnalysis: summarize(done.flatMap((run) => run.firstAnalysis ?? [])),
      ...(done[0] === undefined ? {} : { diagnostics: done[0].diagnostics }),
      errors: [...new Set(errors)],
    };
  });
}
