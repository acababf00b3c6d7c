// Compiles the editor test suite for the extension host: each file of test/e2e/suite to CommonJS
// in out/e2e/suite, and mocha (an ES module package) bundled into one CommonJS file beside it, so
// that the suite loads in any extension host whatever its Node version.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as esbuild from 'esbuild';

function typescriptFiles(directory) {
  const files = [];
  for (const name of readdirSync(directory).sort()) {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) files.push(...typescriptFiles(path));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) files.push(path);
  }
  return files;
}

/**
 * @param {string} root the repository
 * @returns {string} the suite's entry module (`run()`), without extension
 */
export async function bundleSuite(root) {
  const source = join(root, 'test', 'e2e', 'suite');
  const output = join(root, 'out', 'e2e');
  rmSync(join(output, 'suite'), { recursive: true, force: true });

  const common = { platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error' };
  await esbuild.build({
    ...common,
    entryPoints: typescriptFiles(source),
    outbase: source,
    outdir: join(output, 'suite'),
    sourcemap: 'inline',
  });
  // Resolved by `require('mocha')` from out/e2e/suite.
  await esbuild.build({
    ...common,
    entryPoints: [join(root, 'node_modules', 'mocha', 'lib', 'mocha.cjs')],
    bundle: true,
    outfile: join(output, 'node_modules', 'mocha', 'index.js'),
  });

  const entry = join(output, 'suite', 'index');
  if (!existsSync(`${entry}.js`)) {
    throw new Error(`The suite has no entry: ${relative(root, source)}/index.ts is missing.`);
  }
  return entry;
}
