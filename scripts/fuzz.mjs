// Runs the robustness properties (test/unit/robustness/*-properties.test.ts) with many cases from
// a fresh seed, then prints one line per property and every counterexample with its seed.
//
//   npm run fuzz                         20,000 cases per property
//   npm run fuzz -- --runs 100000        as many as asked
//   npm run fuzz -- --seed 1234 --only "fix dockerfile"   replay a failure (same seed, same runs)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const USAGE = 'Usage: npm run fuzz -- [--runs N] [--seed N|random] [--only TEXT]';

function readArguments(argv) {
  const options = { runs: 20000, seed: 'random', only: undefined };
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split(/=(.*)/s);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${name} needs a value.\n${USAGE}`);
    if (name === '--runs' && /^[1-9]\d*$/.test(value)) options.runs = Number(value);
    else if (name === '--seed' && /^(-?\d+|random)$/.test(value)) options.seed = value;
    else if (name === '--only') options.only = value;
    else throw new Error(`Unknown or invalid option ${argv[i]}.\n${USAGE}`);
  }
  return options;
}

let options;
try {
  options = readArguments(process.argv.slice(2));
} catch (error) {
  console.error(error.message);
  process.exit(2);
}

const directory = 'test/unit/robustness';
const files = readdirSync(directory)
  .filter((name) => name.endsWith('-properties.test.ts'))
  .sort()
  .map((name) => join(directory, name));
const reportFile = join(tmpdir(), `cleanstart-fuzz-${process.pid}.jsonl`);
rmSync(reportFile, { force: true });

console.log(
  `Fuzzing ${files.length} files with ${options.runs} cases per property, seed ${options.seed}.`,
);
const started = Date.now();
const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=dot',
    ...(options.only === undefined ? [] : ['--test-name-pattern', options.only]),
    ...files,
  ],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      CLEANSTART_FUZZ_RUNS: String(options.runs),
      CLEANSTART_FUZZ_SEED: options.seed,
      CLEANSTART_FUZZ_REPORT: reportFile,
    },
  },
);

const reports = existsSync(reportFile)
  ? readFileSync(reportFile, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line))
  : [];
rmSync(reportFile, { force: true });

const width = Math.max(8, ...reports.map((report) => report.property.length));
console.log(
  `\n${'property'.padEnd(width)}  ${'cases'.padStart(8)}  ${'seconds'.padStart(8)}  result`,
);
for (const report of reports) {
  const seconds = (report.milliseconds / 1000).toFixed(1);
  const verdict = report.failed ? `FAILED (seed ${report.seed})` : 'ok';
  console.log(
    `${report.property.padEnd(width)}  ${String(report.runs).padStart(8)}  ${seconds.padStart(8)}  ${verdict}`,
  );
}
const cases = reports.reduce((total, report) => total + report.runs, 0);
const failures = reports.filter((report) => report.failed);
console.log(
  `\n${reports.length} properties, ${cases} cases, ${failures.length} failed, ` +
    `${Math.round((Date.now() - started) / 1000)} s.`,
);
for (const failure of failures) {
  console.log(`\n--- ${failure.property}\n${failure.failure}`);
  console.log(
    `Replay: npm run fuzz -- --runs ${options.runs} --seed ${failure.seed} --only ${JSON.stringify(failure.property)}`,
  );
}
if (result.status !== 0 && failures.length === 0) {
  console.log('\nThe test run failed outside the properties: see its output above.');
}
process.exit(result.status ?? 1);
