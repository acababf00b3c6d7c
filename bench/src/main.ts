/**
 * `npm run bench`: builds the package, then measures analysis time, cold start, typing, memory
 * and the package in one run, and writes `bench/RESULTS.md` and `bench/results.json`.
 *
 * Options: `--quick` (fewer runs, results in bench/work/ instead), `--skip-package` (use dist/
 * and the .vsix as they are), `--write-inputs` (only write the generated inputs to
 * bench/work/inputs/, to look at them or profile them by hand).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { diagnose } from './analysis/diagnoses';
import { BundleSources, summarizeProfile } from './analysis/profile';
import {
  profileCase,
  timeCase,
  workerScript,
  type CaseTiming,
  type TimingLimits,
} from './analysis/timing';
import type { ToolName } from './analysis/tools';
import { ANALYSIS_CASES, caseText, type AnalysisCase } from './inputs/cases';
import { cpuResolutionMilliseconds } from './lsp/procfs';
import { ANALYSIS_DAY, dockerfileServer, ourServer } from './lsp/servers';
import { describeMachine } from './measure/machine';
import { milliseconds } from './report/format';
import { renderResults } from './report/markdown';
import type { BenchResults, CaseProfile, PackagingStep } from './report/results';
import { casesToProfile, evaluateTargets, toolTiming } from './report/targets';
import { measureColdStarts, type ColdStartResult } from './scenarios/coldStart';
import { measurePackage, type PackageResult } from './scenarios/extensionPackage';
import { measureMemory, type MemoryResult } from './scenarios/memory';
import { measureTyping, type TypingResult } from './scenarios/typing';

const FULL_LIMITS: TimingLimits = {
  warmUpRuns: 20,
  warmUpMs: 1000,
  minSamples: 5,
  budgetMs: 2000,
  maxSamples: 500,
  capMs: 60_000,
};

const QUICK_LIMITS: TimingLimits = {
  warmUpRuns: 5,
  warmUpMs: 300,
  minSamples: 3,
  budgetMs: 300,
  maxSamples: 100,
  capMs: 8000,
};

/** bench/work/ holds this bundle; the repository is two folders up. */
const BUNDLE_DIRECTORY = __dirname;
const ROOT = resolve(BUNDLE_DIRECTORY, '..', '..');

function log(message: string): void {
  process.stdout.write(`${message}\n`);
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function buildPackage(): PackagingStep {
  const command = 'npm run package';
  const start = performance.now();
  const run = spawnSync('npm', ['run', 'package'], { cwd: ROOT, encoding: 'utf8', shell: false });
  const seconds = (performance.now() - start) / 1000;
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  const exitCode = run.status;
  return exitCode === 0
    ? { command, exitCode, seconds }
    : { command, exitCode, seconds, outputTail: output.trim().split('\n').slice(-15).join('\n') };
}

/**
 * Our median on the next smaller input of the kind, grown only linearly, in ms; undefined when
 * there is none.
 */
function linearProjection(timings: readonly CaseTiming[], input: AnalysisCase): number | undefined {
  const smaller = timings
    .filter((timing) => timing.input.kind === input.kind && timing.input.size < input.size)
    .pop();
  const median = toolTiming(smaller, 'cleanstart')?.summary?.median;
  if (smaller === undefined) return undefined;
  // A smaller input that did not finish says this one cannot either.
  if (median === undefined) return Infinity;
  return (median * input.size) / smaller.input.size;
}

/**
 * Times one input. When even linear growth from the smaller input would put one run of ours over
 * the cap, ours cannot finish: it then runs only until it has taken twice as long as
 * dockerfile-utils (at least 5 s), which settles that comparison, and the other tools are timed
 * first so that their medians are known.
 */
async function timeInput(
  timings: readonly CaseTiming[],
  input: AnalysisCase,
  limits: TimingLimits,
): Promise<CaseTiming> {
  const worker = workerScript(BUNDLE_DIRECTORY);
  const others: ToolName[] =
    input.kind === 'dockerfile' ? ['dockerfile-utils', 'dockerfile-ast'] : [];
  const projected = linearProjection(timings, input);
  if (projected === undefined || projected <= limits.capMs) {
    return timeCase(worker, input, ['cleanstart', ...others], limits);
  }
  const measured = others.length > 0 ? await timeCase(worker, input, others, limits) : undefined;
  const utils = toolTiming(measured, 'dockerfile-utils')?.summary?.median;
  const capMs = Math.min(limits.capMs, Math.max(5000, 2 * (utils ?? 0)));
  const ours = await timeCase(worker, input, ['cleanstart'], { ...limits, capMs });
  const why = Number.isFinite(projected)
    ? `linear growth from the smaller input's median alone gives ${Math.round(projected / 1000)} s a run`
    : 'the smaller input did not finish either';
  const tools = ours.tools.map((tool) =>
    tool.stopped === undefined ? tool : { ...tool, stopped: `${tool.stopped}; ${why}` },
  );
  return { ...ours, tools: [...tools, ...(measured?.tools ?? [])] };
}

async function measureAnalysis(limits: TimingLimits): Promise<CaseTiming[]> {
  const timings: CaseTiming[] = [];
  for (const input of ANALYSIS_CASES) {
    const timing = await timeInput(timings, input, limits);
    timings.push(timing);
    const figures = timing.tools.map((tool) => {
      const median = tool.summary?.median;
      return `${tool.tool} ${median === undefined ? (tool.stopped ?? tool.error ?? '–') : `${milliseconds(median)} ms`}`;
    });
    log(`  ${input.id} (${timing.lines} lines): ${figures.join(', ')}`);
  }
  return timings;
}

async function profileMisses(
  analysis: readonly CaseTiming[],
  quick: boolean,
): Promise<CaseProfile[]> {
  const sources = new BundleSources(readFileSync(workerScript(BUNDLE_DIRECTORY), 'utf8'));
  const profiles: CaseProfile[] = [];
  for (const timing of casesToProfile(analysis)) {
    const median = toolTiming(timing, 'cleanstart')?.summary?.median ?? 1;
    const runs = Math.max(1, Math.min(5000, Math.ceil((quick ? 1000 : 3000) / median)));
    const profiled = await profileCase(
      workerScript(BUNDLE_DIRECTORY),
      timing.input,
      'cleanstart',
      runs,
      quick ? 20_000 : 60_000,
    );
    if (profiled === undefined) continue;
    const lines = summarizeProfile(profiled.profile, sources);
    // Arrow functions have no name to report; their named callers carry their time.
    const relevant = lines.filter(
      (line) =>
        line.functionName !== '(anonymous)' &&
        (line.file.startsWith('server/src/') ||
          line.file.startsWith('node_modules/dockerfile-ast/')),
    );
    profiles.push({
      caseId: timing.input.id,
      runs: profiled.runs,
      top: relevant.slice(0, 12),
      diagnoses: diagnose(lines),
    });
    log(`  profiled ${timing.input.id} (${profiled.runs} runs)`);
  }
  return profiles;
}

async function section<T>(
  name: string,
  failures: string[],
  work: () => Promise<T>,
): Promise<T | undefined> {
  log(name);
  try {
    return await work();
  } catch (error) {
    failures.push(`${name}: ${describeError(error)}`);
    log(`  failed: ${describeError(error)}`);
    return undefined;
  }
}

/**
 * The text as the project's Prettier settings format it, so that the written results pass
 * `npm run format:check`; unchanged when Prettier cannot be loaded.
 */
async function formatted(filePath: string, text: string): Promise<string> {
  try {
    const prettier = await import('prettier');
    const options = (await prettier.resolveConfig(filePath)) ?? {};
    return await prettier.format(text, { ...options, filepath: filePath });
  } catch {
    return text;
  }
}

function writeInputs(): void {
  for (const input of ANALYSIS_CASES) {
    const directory = join(BUNDLE_DIRECTORY, 'inputs', input.id);
    mkdirSync(directory, { recursive: true });
    writeFileSync(join(directory, input.fileName), caseText(input));
  }
  log(`Wrote ${ANALYSIS_CASES.length} inputs under ${join(BUNDLE_DIRECTORY, 'inputs')}.`);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--write-inputs')) {
    writeInputs();
    return;
  }
  const quick = argv.includes('--quick');
  const limits = quick ? QUICK_LIMITS : FULL_LIMITS;
  const started = performance.now();
  const machine = describeMachine();
  const failures: string[] = [];

  let packaging: PackagingStep | undefined;
  if (!argv.includes('--skip-package')) {
    log('Building the package (npm run package)…');
    packaging = buildPackage();
    if (packaging.exitCode !== 0) {
      failures.push(
        `\`npm run package\` failed (exit ${String(packaging.exitCode)}):\n\n${packaging.outputTail ?? ''}`,
      );
    }
  }

  const analysis =
    (await section('1. Analysis time', failures, () => measureAnalysis(limits))) ?? [];
  const profiles =
    (await section('   Profiling the inputs behind missed targets', failures, () =>
      profileMisses(analysis, quick),
    )) ?? [];

  const ours = ourServer(ROOT);
  const theirs = dockerfileServer(ROOT);
  const coldStartRuns = quick ? 3 : 12;
  const coldStart: ColdStartResult[] =
    (await section('2. Cold start', failures, () =>
      measureColdStarts([ours, theirs], coldStartRuns),
    )) ?? [];
  const typing: TypingResult[] =
    (await section('3. Typing', failures, () => measureTyping([ours, theirs]))) ?? [];
  const memory: MemoryResult | undefined = await section('4. Memory', failures, () =>
    measureMemory(ours),
  );
  const extensionPackage: PackageResult | undefined = await section('5. Package', failures, () =>
    measurePackage(ROOT, ours, quick ? 3 : 10),
  );

  const results: BenchResults = {
    machine,
    quick,
    analysisDay: ANALYSIS_DAY,
    ...(packaging ? { packaging } : {}),
    limits,
    analysis,
    profiles,
    coldStart,
    coldStartRuns,
    typing,
    ...(memory ? { memory } : {}),
    ...(extensionPackage ? { extensionPackage } : {}),
    cpuResolutionMs: cpuResolutionMilliseconds(),
    targets: evaluateTargets(analysis, profiles, coldStart, extensionPackage),
    failures,
    totalSeconds: (performance.now() - started) / 1000,
  };

  // A quick run is for trying things out: it never replaces the recorded results.
  const directory = quick ? BUNDLE_DIRECTORY : join(ROOT, 'bench');
  const suffix = quick ? '.quick' : '';
  const jsonPath = join(directory, `results${suffix}.json`);
  writeFileSync(jsonPath, await formatted(jsonPath, JSON.stringify(results, null, 2) + '\n'));
  writeFileSync(join(directory, `RESULTS${suffix}.md`), renderResults(results));
  log(`Wrote ${join(directory, `RESULTS${suffix}.md`)} in ${Math.round(results.totalSeconds)} s.`);
  for (const target of results.targets) {
    log(
      `  ${target.met === undefined ? 'not measured' : target.met ? 'met   ' : 'MISSED'}  ${target.description}`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `The benchmarks failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
