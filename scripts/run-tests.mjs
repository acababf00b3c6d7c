// Runs every compiled test file under out/test with Node's test runner.
// Usage: node scripts/run-tests.mjs [substring…] to run only files whose path contains one of them.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function collect(directory) {
  const files = [];
  for (const name of readdirSync(directory).sort()) {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) files.push(...collect(path));
    else if (name.endsWith('.test.js')) files.push(path);
  }
  return files;
}

const filters = process.argv.slice(2);
// The end-to-end suite runs inside VS Code (npm run test:e2e), not here.
const files = ['out/test/unit', 'out/test/server', 'out/bench/src/test']
  .flatMap((root) => (existsSync(root) ? collect(root) : []))
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)));
if (files.length === 0) {
  console.error('No test files found under out/test. Run `npm run typecheck` first.');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--test', '--enable-source-maps', ...files], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
