// Builds the bundles and the .vsix the editor tests load, when they are missing or older than
// their sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const VSIX_NAME = 'cleanstart-compat.vsix';

/** Everything that goes into the bundles or the package. */
const SOURCES = [
  'client/src',
  'server/src',
  'matrix',
  'schemas',
  'images',
  'bin',
  'docs/rules',
  'scripts/build.mjs',
  'scripts/build-matrix.mjs',
  'package.json',
  '.vscodeignore',
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
];

const BUNDLES = ['dist/client.js', 'dist/server.js'];

function newestModification(root, path) {
  const full = join(root, path);
  if (!existsSync(full)) return 0;
  const stats = statSync(full);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const name of readdirSync(full)) {
    // The matrix build writes generated code into server/src; it is an output, not a source.
    if (name === 'generated' || name === 'node_modules') continue;
    newest = Math.max(newest, newestModification(root, join(path, name)));
  }
  return newest;
}

function isStale(root, outputs) {
  const sources = Math.max(...SOURCES.map((path) => newestModification(root, path)));
  return outputs.some((output) => {
    const full = join(root, output);
    return !existsSync(full) || statSync(full).mtimeMs < sources;
  });
}

function npm(root, args, log) {
  log(`e2e: npm ${args.join(' ')}`);
  const result = spawnSync('npm', args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    throw new Error(
      `npm ${args.join(' ')} failed (exit code ${result.status}); fix the build first.`,
    );
  }
}

/** `dist/client.js` and `dist/server.js`, for loading the extension from the working tree. */
export function ensureBundles(root, log, build = true) {
  if (build && isStale(root, BUNDLES)) npm(root, ['run', 'build'], log);
  for (const bundle of BUNDLES) {
    if (!existsSync(join(root, bundle)))
      throw new Error(`${bundle} is missing: run npm run build.`);
  }
}

/** The packaged extension, as users install it. */
export function ensureVsix(root, log, build = true) {
  const vsix = join(root, VSIX_NAME);
  if (!build || !isStale(root, [VSIX_NAME])) {
    if (!existsSync(vsix)) throw new Error(`${VSIX_NAME} is missing: run npm run package.`);
    return vsix;
  }
  const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts ?? {};
  if (typeof scripts.package === 'string') {
    npm(root, ['run', 'package'], log);
  } else {
    npm(root, ['run', 'build', '--', '--production'], log);
    npm(root, ['exec', '--', 'vsce', 'package', '--no-dependencies', '--out', VSIX_NAME], log);
  }
  if (!existsSync(vsix)) throw new Error(`Packaging did not produce ${VSIX_NAME}.`);
  return vsix;
}
