/**
 * Runs fast-check properties with as many cases as the caller asks. `npm test` runs each property
 * a few hundred times from a fixed seed, so that a failure belongs to the change that caused it;
 * `npm run fuzz` (scripts/fuzz.mjs) sets the variables below to run many more cases from fresh
 * seeds and collects a line per property for its summary.
 */
import fc from 'fast-check';
import { appendFileSync } from 'node:fs';

/** Cases per property; unset means each property's own default. */
export const RUNS_VARIABLE = 'CLEANSTART_FUZZ_RUNS';
/** A seed to start from, to replay a failure; `random` for a fresh one each run. */
export const SEED_VARIABLE = 'CLEANSTART_FUZZ_SEED';
/** A file to append one JSON line per property to, for the fuzz summary. */
export const REPORT_VARIABLE = 'CLEANSTART_FUZZ_REPORT';

/** What one property run came to, as the fuzz summary prints it. */
export interface PropertyReport {
  readonly property: string;
  readonly runs: number;
  readonly seed: number;
  readonly milliseconds: number;
  readonly failed: boolean;
  /** fast-check's report: the shrunk counterexample, its seed and path, and the error. */
  readonly failure?: string;
}

function positiveInteger(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value)) return undefined;
  const number = Number(value);
  return number > 0 ? number : undefined;
}

/** The same seed for a property on every `npm test`: a stable hash of its name. */
function nameSeed(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

function seedFor(name: string): number {
  const asked = process.env[SEED_VARIABLE];
  if (asked === 'random') return (Math.random() * 0x7fffffff) | 0;
  if (asked !== undefined && /^-?\d+$/.test(asked)) return Number(asked);
  return nameSeed(name);
}

/** How many cases a property with `defaultRuns` runs now. */
export function runsFor(defaultRuns: number): number {
  return positiveInteger(process.env[RUNS_VARIABLE]) ?? defaultRuns;
}

/**
 * Checks `property`; on failure throws fast-check's report, which gives the shrunk
 * counterexample and the seed and path that replay it.
 */
export function assertProperty<T>(
  name: string,
  property: fc.IProperty<T>,
  defaultRuns: number,
): void {
  const runs = runsFor(defaultRuns);
  const seed = seedFor(name);
  const started = performance.now();
  const details = fc.check(property, { numRuns: runs, seed, includeErrorInReport: true });
  const milliseconds = Math.round(performance.now() - started);
  const failure = details.failed ? fc.defaultReportMessage(details) : undefined;
  const reportFile = process.env[REPORT_VARIABLE];
  if (reportFile !== undefined && reportFile !== '') {
    const report: PropertyReport = {
      property: name,
      runs: details.numRuns,
      seed,
      milliseconds,
      failed: details.failed,
      ...(failure === undefined ? {} : { failure }),
    };
    appendFileSync(reportFile, `${JSON.stringify(report)}\n`);
  }
  if (failure !== undefined) throw new Error(`${name}\n${failure}`);
}
