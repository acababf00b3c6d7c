import { readFile, writeFile } from 'node:fs/promises';
import { localDay } from '../node/clock';
import { decodeText } from '../node/decode';

/**
 * Everything a command touches outside itself: output streams, files, the working folder, the
 * environment and the clock. Commands take it as a parameter so that tests inject every piece.
 */
export interface CliIo {
  /** Writes to standard output as is: callers add line breaks. */
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a UTF-8 file; rejects with the Node error (`code` `ENOENT`, `EACCES`, `EISDIR`, …). */
  readFile(path: string): Promise<string>;
  /** Writes a UTF-8 file, replacing it. */
  writeFile(path: string, text: string): Promise<void>;
  /** The folder relative paths are resolved against. */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** True when standard output is a terminal (colour is then allowed). */
  readonly isTTY: boolean;
  /** The current day as `YYYY-MM-DD`: the only clock commands read. */
  today(): string;
}

/** The real process: its streams, files, folder, environment and clock. */
export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readFile: async (path) => decodeText(await readFile(path)),
    writeFile: (path, text) => writeFile(path, text, 'utf8'),
    cwd: process.cwd(),
    env: process.env,
    isTTY: process.stdout.isTTY === true,
    today: () => localDay(),
  };
}

/** Node's error code (`ENOENT`) when `error` carries one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}
