/**
 * CPU profiles of a tool's runs, and what they say: which functions the time went to, named with
 * the source file they come from, so that a missed target comes with its cause.
 */
import { Session } from 'node:inspector/promises';

/** The parts of V8's `.cpuprofile` format that the summary reads. */
export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: {
      readonly functionName: string;
      readonly url: string;
      readonly lineNumber: number;
    };
    readonly children?: readonly number[];
  }[];
  readonly samples?: readonly number[];
  readonly timeDeltas?: readonly number[];
}

/** Runs `run` under the profiler until `runs` runs are done or `budgetMs` has passed. */
export async function profileRuns(
  run: () => unknown,
  runs: number,
  budgetMs: number,
): Promise<{ profile: CpuProfile; runs: number }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  const start = performance.now();
  let done = 0;
  while (done < runs && performance.now() - start < budgetMs) {
    run();
    done++;
  }
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  return { profile, runs: done };
}

export interface ProfileLine {
  readonly functionName: string;
  /** The source file the function comes from, as the bundle names it. */
  readonly file: string;
  /** Share of the profiled time spent in the function itself. */
  readonly self: number;
  /** Share spent in the function and everything it called. */
  readonly total: number;
}

/**
 * Where each line of an esbuild bundle comes from: esbuild heads every module it inlines with a
 * `// path/to/file.ts` comment (when not minifying).
 */
export class BundleSources {
  private readonly starts: { line: number; file: string }[] = [];

  constructor(bundleText: string) {
    const lines = bundleText.split('\n');
    lines.forEach((line, index) => {
      const match = /^\/\/ ((?:[\w@.-]+\/)+[\w@.-]+\.[cm]?[jt]s)$/.exec(line);
      if (match?.[1] !== undefined) this.starts.push({ line: index, file: match[1] });
    });
  }

  /** The source file of a 0-based bundle line, or undefined for the bundle's own glue. */
  fileAt(line: number): string | undefined {
    let low = 0;
    let high = this.starts.length - 1;
    let found: string | undefined;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const start = this.starts[middle];
      if (start === undefined) break;
      if (start.line <= line) {
        found = start.file;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  }
}

/** Self and total time per function, as shares of the whole profile, largest total first. */
export function summarizeProfile(profile: CpuProfile, sources: BundleSources): ProfileLine[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parents.set(child, node.id);
  }
  const timeById = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  samples.forEach((id, index) => timeById.set(id, (timeById.get(id) ?? 0) + (deltas[index] ?? 0)));

  const describe = (id: number): { key: string; functionName: string; file: string } => {
    const frame = byId.get(id)?.callFrame;
    const functionName = frame?.functionName || '(anonymous)';
    const file =
      frame === undefined
        ? ''
        : frame.url.startsWith('node:') || frame.url === ''
          ? frame.url || '(V8)'
          : (sources.fileAt(frame.lineNumber) ?? frame.url.split('/').pop() ?? '');
    return { key: `${functionName}\u0000${file}`, functionName, file };
  };

  const lines = new Map<
    string,
    { functionName: string; file: string; self: number; total: number }
  >();
  const entry = (id: number) => {
    const { key, functionName, file } = describe(id);
    let line = lines.get(key);
    if (line === undefined) {
      line = { functionName, file, self: 0, total: 0 };
      lines.set(key, line);
    }
    return { key, line };
  };
  let all = 0;
  for (const [id, time] of timeById) {
    all += time;
    entry(id).line.self += time;
    // Each function counts once per sample, however often it recurs on the stack.
    const counted = new Set<string>();
    for (
      let current: number | undefined = id;
      current !== undefined;
      current = parents.get(current)
    ) {
      const { key, line } = entry(current);
      if (counted.has(key)) continue;
      counted.add(key);
      line.total += time;
    }
  }
  if (all === 0) return [];
  return [...lines.values()]
    .map((line) => ({ ...line, self: line.self / all, total: line.total / all }))
    .sort((a, b) => b.total - a.total || b.self - a.self);
}
