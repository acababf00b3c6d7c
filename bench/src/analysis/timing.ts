/**
 * Times each tool on one input, tools interleaved batch by batch so that a slow phase of the
 * machine hits all of them alike. Each tool runs in its own worker thread, stopped when it has
 * used up its cap: a tool that cannot finish is reported as such instead of stalling the run.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { caseText, lineCount, type AnalysisCase } from '../inputs/cases';
import { summarize, type Summary } from '../measure/statistics';
import type { CpuProfile } from './profile';
import type { WorkerInput, WorkerReply, WorkerRequest } from './protocol';
import type { ToolName } from './tools';

export interface TimingLimits {
  /** Warm-up runs before sampling (fewer when they take longer than `warmUpMs`). */
  readonly warmUpRuns: number;
  readonly warmUpMs: number;
  /** Samples at least this many… */
  readonly minSamples: number;
  /** …and keeps sampling for this long after the warm-up, up to `maxSamples`. */
  readonly budgetMs: number;
  readonly maxSamples: number;
  /** A tool that has spent this long on the input (warm-up included) is stopped. */
  readonly capMs: number;
}

export interface ToolTiming {
  readonly tool: ToolName;
  readonly samples: readonly number[];
  readonly summary?: Summary;
  readonly warmUpRuns: number;
  /** Findings, diagnostics or instructions the tool produced. */
  readonly results?: number;
  /** Set when the cap stopped the tool: samples are those finished before. */
  readonly stopped?: string;
  /** How long the run the cap cut short had gone on: a lower bound for one run, ms. */
  readonly unfinishedRunMs?: number;
  /** Set when the worker failed. */
  readonly error?: string;
}

export interface CaseTiming {
  readonly input: AnalysisCase;
  readonly lines: number;
  readonly characters: number;
  readonly tools: readonly ToolTiming[];
}

class Stopped extends Error {}

/** One tool's worker, and the time it has used. */
class ToolRunner {
  readonly samples: number[] = [];
  warmUpRuns = 0;
  results: number | undefined;
  lines = 0;
  characters = 0;
  stopped: string | undefined;
  unfinishedRunMs: number | undefined;
  error: string | undefined;
  private readonly worker: Worker;
  /** Time spent waiting for this worker: starting, warming up, running. */
  private spent = 0;
  private waiting:
    { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void } | undefined;
  private readonly ready: Promise<WorkerReply>;
  private readonly inbox: WorkerReply[] = [];
  /** Why the worker failed, once it has. */
  private failure: Error | undefined;

  constructor(
    workerPath: string,
    input: AnalysisCase,
    readonly tool: ToolName,
    private readonly capMs: number,
  ) {
    const data: WorkerInput = { input, tool };
    this.worker = new Worker(workerPath, { workerData: data });
    this.ready = this.next();
    this.worker.on('message', (reply: WorkerReply) => {
      const waiting = this.waiting;
      this.waiting = undefined;
      if (waiting) waiting.resolve(reply);
      else this.inbox.push(reply);
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`worker exited with ${code}`)));
  }

  get live(): boolean {
    return this.stopped === undefined && this.error === undefined;
  }

  async start(): Promise<void> {
    const loaded = await this.within(this.ready);
    if (loaded.type !== 'loaded') throw new Error(`unexpected ${loaded.type}`);
    const reply = await this.within(this.next());
    if (reply.type !== 'ready') throw new Error(`unexpected ${reply.type}`);
    this.lines = reply.lines;
    this.characters = reply.characters;
    this.results = reply.results;
  }

  async ask(request: WorkerRequest): Promise<WorkerReply> {
    const reply = this.next();
    this.worker.postMessage(request);
    return this.within(reply);
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }

  timing(): ToolTiming {
    return {
      tool: this.tool,
      samples: this.samples,
      summary: summarize(this.samples),
      warmUpRuns: this.warmUpRuns,
      ...(this.results === undefined ? {} : { results: this.results }),
      ...(this.stopped === undefined ? {} : { stopped: this.stopped }),
      ...(this.unfinishedRunMs === undefined ? {} : { unfinishedRunMs: this.unfinishedRunMs }),
      ...(this.error === undefined ? {} : { error: this.error }),
    };
  }

  /** The next reply: one that came while nobody waited, or the one to come. */
  private next(): Promise<WorkerReply> {
    const early = this.inbox.shift();
    if (early !== undefined) return Promise.resolve(early);
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.reject(error);
  }

  /** Waits for a reply, but never past the cap: then the worker is stopped mid-run. */
  private async within(reply: Promise<WorkerReply>): Promise<WorkerReply> {
    const began = performance.now();
    const left = this.capMs - this.spent;
    let timer: NodeJS.Timeout | undefined;
    const cap = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Stopped()), Math.max(0, left));
    });
    try {
      return await Promise.race([reply, cap]);
    } catch (error) {
      if (error instanceof Stopped) {
        this.stopped = `stopped after ${(this.capMs / 1000).toFixed(0)} s (cap)`;
        this.unfinishedRunMs = performance.now() - began;
        await this.close();
      } else {
        this.error = error instanceof Error ? error.message : String(error);
      }
      throw error;
    } finally {
      clearTimeout(timer);
      this.spent += performance.now() - began;
    }
  }
}

/** Runs per batch: enough for about 20 ms, so that tiny inputs do not drown in messaging. */
function batchSize(runner: ToolRunner, limits: TimingLimits): number {
  const last = runner.samples.slice(-5);
  if (last.length === 0) return 1;
  const typical = Math.max(1e-3, last.reduce((sum, value) => sum + value, 0) / last.length);
  const wanted = Math.max(1, Math.min(50, Math.floor(20 / typical)));
  return Math.min(wanted, limits.maxSamples - runner.samples.length);
}

async function attempt(runner: ToolRunner, work: () => Promise<void>): Promise<void> {
  if (!runner.live) return;
  try {
    await work();
  } catch {
    // The runner has recorded why it stopped; the other tools go on.
  }
}

export async function timeCase(
  workerPath: string,
  input: AnalysisCase,
  tools: readonly ToolName[],
  limits: TimingLimits,
): Promise<CaseTiming> {
  const runners: ToolRunner[] = [];
  // One worker at a time: starting one runs the tool once, which must not overlap another's run.
  for (const tool of tools) {
    const runner = new ToolRunner(workerPath, input, tool, limits.capMs);
    runners.push(runner);
    await attempt(runner, async () => {
      await runner.start();
      const reply = await runner.ask({
        type: 'warm',
        minRuns: limits.warmUpRuns,
        budgetMs: limits.warmUpMs,
      });
      if (reply.type === 'warmed') runner.warmUpRuns = reply.runs;
    });
  }
  const started = performance.now();
  const enough = (runner: ToolRunner): boolean =>
    !runner.live ||
    runner.samples.length >= limits.maxSamples ||
    (runner.samples.length >= limits.minSamples && performance.now() - started >= limits.budgetMs);
  while (!runners.every(enough)) {
    for (const runner of runners) {
      if (enough(runner)) continue;
      await attempt(runner, async () => {
        const reply = await runner.ask({ type: 'run', count: batchSize(runner, limits) });
        if (reply.type === 'samples') runner.samples.push(...reply.milliseconds);
      });
    }
  }
  const measured = runners.find((runner) => runner.lines > 0);
  const text = measured === undefined ? caseText(input) : undefined;
  await Promise.all(runners.filter((runner) => runner.live).map((runner) => runner.close()));
  return {
    input,
    lines: measured?.lines ?? lineCount(text ?? ''),
    characters: measured?.characters ?? text?.length ?? 0,
    tools: runners.map((runner) => runner.timing()),
  };
}

/** Profiles one tool on one input in a fresh worker; undefined when it cannot finish a run. */
export async function profileCase(
  workerPath: string,
  input: AnalysisCase,
  tool: ToolName,
  runs: number,
  capMs: number,
): Promise<{ profile: CpuProfile; runs: number } | undefined> {
  const runner = new ToolRunner(workerPath, input, tool, capMs);
  try {
    await runner.start();
    const reply = await runner.ask({ type: 'profile', runs, budgetMs: capMs / 2 });
    return reply.type === 'profiled' ? { profile: reply.profile, runs: reply.runs } : undefined;
  } catch {
    return undefined;
  } finally {
    if (runner.live) await runner.close();
  }
}

export function workerScript(directory: string): string {
  return join(directory, 'analysisWorker.js');
}
