// One command builds everything: the matrix data and its validator, then the bundles.
// `npm run build` (also run by `npm ci` through `prepare`, and before `npm test`).
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { buildMatrix } from './build-matrix.mjs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

await buildMatrix();

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // jsonc-parser's UMD entry loads its modules at run time; its ES module entry bundles.
  mainFields: ['module', 'main'],
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  define: { CLEANSTART_VERSION: JSON.stringify(version) },
};

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' },
];

if (watch) {
  for (const options of builds) {
    const context = await esbuild.context({ ...common, ...options });
    await context.watch();
  }
} else {
  await Promise.all(builds.map((options) => esbuild.build({ ...common, ...options })));
}
