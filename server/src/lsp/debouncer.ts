/**
 * Runs the last action scheduled for a key once the key has been quiet for a delay: a burst of
 * keystrokes in one document becomes one analysis.
 */

/** Delay after the last change before a document is analysed again. */
export const ANALYSIS_DELAY_MS = 200;

/** The timer functions the debouncer uses; tests pass a manual clock. */
export interface Timers {
  setTimeout(callback: () => void, milliseconds: number): unknown;
  clearTimeout(handle: unknown): void;
}

const systemTimers: Timers = {
  setTimeout: (callback, milliseconds) => setTimeout(callback, milliseconds),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export class Debouncer<Key> {
  private readonly pending = new Map<Key, unknown>();

  constructor(
    private readonly delay: number = ANALYSIS_DELAY_MS,
    private readonly timers: Timers = systemTimers,
  ) {}

  /** Schedules `action` for `key`, replacing whatever was scheduled for it. */
  schedule(key: Key, action: () => void): void {
    this.cancel(key);
    const handle = this.timers.setTimeout(() => {
      this.pending.delete(key);
      action();
    }, this.delay);
    this.pending.set(key, handle);
  }

  /** Drops what is scheduled for `key` without running it. */
  cancel(key: Key): void {
    if (!this.pending.has(key)) return;
    this.timers.clearTimeout(this.pending.get(key));
    this.pending.delete(key);
  }

  isPending(key: Key): boolean {
    return this.pending.has(key);
  }

  dispose(): void {
    for (const key of [...this.pending.keys()]) this.cancel(key);
  }
}
