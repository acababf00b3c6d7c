/**
 * The language server as an operating-system process: the extension host (this process) starts
 * it from the extension's `dist/server.js`. Found with `ps`, so Linux and macOS only.
 */
import { execFile } from 'node:child_process';

function processTable(): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'ps',
      ['-A', '-o', 'pid=,ppid=,args='],
      { maxBuffer: 8 * 1024 * 1024 },
      (error, stdout) => {
        if (error) reject(new Error(`ps failed: ${error.message}`));
        else resolve(stdout);
      },
    );
  });
}

/** Process ids of the language servers this extension host started. */
export async function languageServerPids(): Promise<number[]> {
  const table = await processTable();
  const pids: number[] = [];
  for (const line of table.split('\n')) {
    const match = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line);
    if (!match) continue;
    const [, pid, parent, command] = match;
    if (Number(parent) === process.pid && /[\\/]dist[\\/]server\.js\b/.test(command ?? '')) {
      pids.push(Number(pid));
    }
  }
  return pids;
}

/**
 * Resolves with the server pids once `accept` holds for them, checking every `intervalMs`: no
 * editor event tells when a process starts, so this one wait polls, with a deadline.
 */
export async function waitForServerPids(
  accept: (pids: number[]) => boolean,
  expectation: string,
  timeoutMs = 20_000,
  intervalMs = 100,
): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pids = await languageServerPids();
    if (accept(pids)) return pids;
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${expectation}; servers: ${pids.join(', ') || 'none'}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
