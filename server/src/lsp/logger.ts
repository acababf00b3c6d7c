/**
 * Server logging through the LSP connection (`window/logMessage`), never stdout: over stdio the
 * output stream carries the protocol. The client's log channel filters by level.
 */

/** The part of the connection's console the logger needs. */
export interface LogSink {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}

export class Logger {
  /** Keys of failures already reported, so a failure repeated on every keystroke is logged once. */
  private readonly reported = new Set<string>();

  constructor(private readonly sink: LogSink) {}

  error(message: string): void {
    this.sink.error(message);
  }

  warn(message: string): void {
    this.sink.warn(message);
  }

  info(message: string): void {
    this.sink.info(message);
  }

  debug(message: string): void {
    this.sink.debug(message);
  }

  /** Logs `message` as an error the first time `key` is seen; returns whether it did. */
  errorOnce(key: string, message: string): boolean {
    if (this.reported.has(key)) return false;
    this.reported.add(key);
    this.sink.error(message);
    return true;
  }

  /** Forgets the failures whose key starts with `prefix` (a closed document's). */
  forget(prefix: string): void {
    for (const key of this.reported) if (key.startsWith(prefix)) this.reported.delete(key);
  }
}

/** An error's message and stack, for a log line that tells what failed and where. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}
