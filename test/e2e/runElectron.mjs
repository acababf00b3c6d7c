// Runs the editor test suite in a desktop VS Code through @vscode/test-electron: the standard
// host for contributors whose machine can download VS Code, or that have one installed.
//
//   node test/e2e/runElectron.mjs [--mode development|vsix] [--grep TEXT] [--no-build]
//
// VSCODE_EXECUTABLE=/path/to/code   use that VS Code instead of downloading one
// VSCODE_VERSION=1.101.0            download that version (default: stable) into .e2e/vscode-test/
//
// On Linux without a display, run it under a virtual one: `xvfb-run -a node test/e2e/runElectron.mjs`.
// The screenshot tests need the browser of the offline host (`npm run test:e2e`) and are skipped
// here. Prints `N passed, N failed` last; exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  downloadAndUnzipVSCode,
  resolveCliArgsFromVSCodeExecutablePath,
  runTests,
} from '@vscode/test-electron';
import { bundleSuite } from '../../scripts/e2e/bundleSuite.mjs';
import { ensureBundles, ensureVsix } from '../../scripts/e2e/extensionPackage.mjs';
import { prepareRunFolder, printResults, readResults } from '../../scripts/e2e/runFolder.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function log(line) {
  console.log(line);
}

/** Installs the package into the run's own extensions folder with VS Code's command line. */
function installVsix(vscodeExecutable, folder, vsix) {
  const [cli, ...cliArguments] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutable, {
    reuseMachineInstall: true,
  });
  const result = spawnSync(
    cli,
    [
      ...cliArguments,
      `--extensions-dir=${folder.extensions}`,
      `--user-data-dir=${folder.userData}`,
      '--install-extension',
      vsix,
    ],
    { encoding: 'utf8', shell: process.platform === 'win32' },
  );
  if (result.status !== 0) {
    throw new Error(`VS Code could not install ${vsix}:\n${result.stdout}${result.stderr}`);
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      mode: { type: 'string', default: 'development' },
      grep: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
    },
  });
  const mode = values.mode;
  if (mode !== 'development' && mode !== 'vsix') {
    throw new Error(`--mode must be development or vsix, not ${mode}`);
  }

  const build = !values['no-build'];
  const vsix = mode === 'vsix' ? ensureVsix(ROOT, log, build) : undefined;
  if (mode === 'development') ensureBundles(ROOT, log, build);
  const suiteEntry = await bundleSuite(ROOT);
  const folder = prepareRunFolder(ROOT, join(ROOT, 'out', 'e2e', 'runs', `electron-${mode}`));

  const vscodeExecutable =
    process.env.VSCODE_EXECUTABLE ||
    (await downloadAndUnzipVSCode({
      version: process.env.VSCODE_VERSION || 'stable',
      cachePath: join(ROOT, '.e2e', 'vscode-test'),
    }));
  // The package is tested as users get it: installed, with an empty extension as the development
  // host that VS Code requires to run a test module.
  if (vsix) installVsix(vscodeExecutable, folder, vsix);
  const developmentPath = vsix ? join(ROOT, 'test', 'e2e', 'host') : ROOT;

  let exitCode = 1;
  try {
    exitCode = await runTests({
      vscodeExecutablePath: vscodeExecutable,
      extensionDevelopmentPath: developmentPath,
      extensionTestsPath: suiteEntry,
      extensionTestsEnv: {
        CLEANSTART_E2E_RESULTS: folder.resultsFile,
        CLEANSTART_E2E_MODE: mode,
        CLEANSTART_E2E_GREP: values.grep,
      },
      launchArgs: [
        folder.workspace,
        `--extensions-dir=${folder.extensions}`,
        `--user-data-dir=${folder.userData}`,
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-gpu',
      ],
    });
  } catch (error) {
    log(
      `e2e [electron]: VS Code failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }

  const results = readResults(folder.resultsFile);
  if (!results) {
    log(
      `e2e [electron]: the suite wrote no results (VS Code exit code ${exitCode}); see ${folder.userData}/logs`,
    );
    log('0 passed, 1 failed');
    process.exitCode = 1;
    return;
  }
  printResults(`electron ${mode}`, results, log);
  if (results.passed + results.failed === 0) {
    log('e2e [electron]: no test ran');
    log('0 passed, 1 failed');
    process.exitCode = 1;
    return;
  }
  log(`${results.passed} passed, ${results.failed} failed`);
  process.exitCode = results.failed > 0 || exitCode !== 0 ? 1 : 0;
}

main().catch((error) => {
  console.error(`e2e [electron]: ${error instanceof Error ? error.message : String(error)}`);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
