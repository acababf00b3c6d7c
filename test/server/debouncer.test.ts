import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ANALYSIS_DELAY_MS, Debouncer, type Timers } from '../../server/src/lsp/debouncer';

/** A clock that moves only when told to. */
class ManualTimers implements Timers {
  now = 0;
  private next = 0;
  private readonly pending = new Map<number, { at: number; callback: () => void }>();

  setTimeout(callback: () => void, milliseconds: number): unknown {
    const handle = this.next++;
    this.pending.set(handle, { at: this.now + milliseconds, callback });
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  advance(milliseconds: number): void {
    this.now += milliseconds;
    for (const [handle, timer] of [...this.pending].sort((a, b) => a[1].at - b[1].at)) {
      if (timer.at > this.now) continue;
      this.pending.delete(handle);
      timer.callback();
    }
  }
}

describe('the debouncer', () => {
  it('runs a burst once, after the key has been quiet for the delay', () => {
    const timers = new ManualTimers();
    const debouncer = new Debouncer<string>(200, timers);
    const runs: string[] = [];
    for (let i = 0; i < 5; i++) {
      debouncer.schedule('a', () => runs.push(`a${i}`));
      timers.advance(50);
    }
    assert.deepEqual(runs, []);
    timers.advance(149);
    assert.deepEqual(runs, []);
    timers.advance(1);
    assert.deepEqual(runs, ['a4']);
    timers.advance(1000);
    assert.deepEqual(runs, ['a4']);
  });

  it('keeps keys apart', () => {
    const timers = new ManualTimers();
    const debouncer = new Debouncer<string>(100, timers);
    const runs: string[] = [];
    debouncer.schedule('a', () => runs.push('a'));
    timers.advance(60);
    debouncer.schedule('b', () => runs.push('b'));
    timers.advance(40);
    assert.deepEqual(runs, ['a']);
    timers.advance(60);
    assert.deepEqual(runs, ['a', 'b']);
  });

  it('cancels and disposes', () => {
    const timers = new ManualTimers();
    const debouncer = new Debouncer<string>(100, timers);
    const runs: string[] = [];
    debouncer.schedule('a', () => runs.push('a'));
    assert.equal(debouncer.isPending('a'), true);
    debouncer.cancel('a');
    assert.equal(debouncer.isPending('a'), false);
    debouncer.schedule('b', () => runs.push('b'));
    debouncer.schedule('c', () => runs.push('c'));
    timers.advance(100);
    debouncer.schedule('d', () => runs.push('d'));
    debouncer.dispose();
    timers.advance(1000);
    assert.deepEqual(runs, ['b', 'c']);
  });

  it('waits about a fifth of a second by default', () => {
    assert.ok(ANALYSIS_DELAY_MS >= 100 && ANALYSIS_DELAY_MS <= 500);
  });
});
