// `npm run bench`: bundles the benchmarks into bench/work/ and runs them. Arguments after `--`
// pass through: `npm run bench -- --quick`, `npm run bench -- --skip-package`.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = fileURLToPath(new URL('work/', import.meta.url));

await esbuild.build({
  entryPoints: {
    bench: 'bench/src/main.ts',
    analysisWorker: 'bench/src/analysis/worker.ts',
  },
  absWorkingDir: root,
  outdir: work,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // jsonc-parser's `main` is a UMD build that esbuild cannot follow; its ES module build bundles.
  mainFields: ['module', 'main'],
  // Loaded only to format the JSON results, from node_modules as it is.
  external: ['prettier'],
  // Not minified: profiles name functions, and each module keeps its `// path` heading.
  minify: false,
  sourcemap: true,
  logLevel: 'warning',
});

const result = spawnSync(process.execPath, [`${work}bench.js`, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
