// `npm run test:e2e`: runs the editor test suite (test/e2e/suite) in the VS Code that code-server
// ships, offline, driven by headless Chromium, and takes screenshots on the way.
//
//   npm run test:e2e [-- --mode vsix|development|both] [--grep TEXT] [--update-images]
//
// --mode vsix          the extension installed from cleanstart-compat.vsix (what users get)
// --mode development   the extension loaded from the working tree (dist/), as when debugging
// --mode both          both, one after the other (the default)
// --update-images      copy the screenshots the docs use into docs/images/
// --no-build           use dist/ and the .vsix as they are, even when older than the sources
//
// Prints `N passed, N failed` last and exits non-zero on any failure, including an editor that
// does not start. See docs/e2e.md.
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clearTimeout, setTimeout } from 'node:timers';
import { parseArgs } from 'node:util';
import {
  launchBrowser,
  newPage,
  openWorkbench,
  startControlServer,
  workbenchUrl,
} from './browser.mjs';
import { bundleSuite } from './bundleSuite.mjs';
import { freePort, installExtension, startCodeServer } from './codeServer.mjs';
import { ensureBundles, ensureVsix } from './extensionPackage.mjs';
import { prepareRunFolder, printResults, readResults } from './runFolder.mjs';
import { ensureTools } from './setup.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUTPUT = join(ROOT, 'out', 'e2e');

/** The whole suite, workbench start included, must finish within this. */
const SUITE_TIMEOUT_MS = 8 * 60_000;

/** Screenshots the documentation shows, copied by --update-images. */
const DOC_IMAGES = ['dockerfile-squiggles', 'hover-card', 'quick-fix-menu', 'problems-panel'];

function log(line) {
  console.log(line);
}

/** Stops whatever the current run started; also run on Ctrl-C and on SIGTERM from CI. */
let stopRun = async () => {};

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    log(`e2e: ${signal}: stopping code-server and Chromium`);
    void stopRun().finally(() => {
      log('0 passed, 1 failed');
      process.exit(1);
    });
  });
}

/** Runs the suite once in one mode; resolves with its results or throws when the editor failed. */
async function runMode(mode, tools, suiteEntry, options) {
  const folder = prepareRunFolder(ROOT, join(OUTPUT, 'runs', mode));
  const { workspace, screenshots, resultsFile, serverLog, browserLog } = folder;

  let developmentPath = ROOT;
  if (mode === 'vsix') {
    log(`e2e [${mode}]: installing ${options.vsix}`);
    await installExtension(tools, folder, options.vsix, serverLog);
    // VS Code runs a test module only in a development host: an empty extension makes it one,
    // while the extension under test is the installed package.
    developmentPath = join(ROOT, 'test', 'e2e', 'host');
  }

  const port = await freePort();
  const environment = {
    CLEANSTART_E2E_RESULTS: resultsFile,
    CLEANSTART_E2E_MODE: mode,
    ...(options.grep ? { CLEANSTART_E2E_GREP: options.grep } : {}),
  };
  let server;
  let browser;
  let control;
  const browserLines = [];
  stopRun = async () => {
    await browser?.close().catch(() => undefined);
    await control?.close();
    await server?.stop();
  };
  try {
    // The extension host inherits code-server's environment, so the endpoint for screenshots
    // must be up before code-server starts.
    browser = await launchBrowser(tools.chromium);
    const page = await newPage(browser, (line) => browserLines.push(line));
    control = await startControlServer(page, screenshots);
    environment.CLEANSTART_E2E_CONTROL = control.url;

    log(`e2e [${mode}]: starting code-server on 127.0.0.1:${port}`);
    const started = Date.now();
    server = await startCodeServer(tools, {
      port,
      directories: folder,
      folder: workspace,
      logFile: serverLog,
      environment,
    });
    await openWorkbench(page, workbenchUrl(server.origin, workspace, developmentPath, suiteEntry));
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    log(`e2e [${mode}]: workbench up in ${seconds} s; running the suite`);

    const outcome = await waitForSuite(server, control, resultsFile);
    if (outcome !== 'done') {
      await page
        .screenshot({ path: join(screenshots, 'editor-stopped.png') })
        .catch(() => undefined);
      throw new Error(`${outcome}; see ${serverLog} and ${browserLog}`);
    }
    const results = readResults(resultsFile);
    if (!results) throw new Error(`the suite wrote no results to ${resultsFile}`);
    if (results.passed + results.failed === 0) {
      throw new Error(
        `no test ran${options.grep ? ` (nothing matches --grep ${options.grep})` : ''}`,
      );
    }
    return { ...results, screenshots };
  } finally {
    writeFileSync(browserLog, browserLines.join('\n') + '\n');
    await stopRun();
    stopRun = async () => {};
  }
}

/** Resolves with `done`, or with why the suite will never finish. */
async function waitForSuite(server, control, resultsFile) {
  let timer;
  const timeout = new Promise((resolveTimeout) => {
    timer = setTimeout(
      () => resolveTimeout(`the suite did not finish within ${SUITE_TIMEOUT_MS / 60_000} minutes`),
      SUITE_TIMEOUT_MS,
    );
  });
  let removeListener = () => {};
  const hostExit = new Promise((resolveExit) => {
    removeListener = server.onLine((line) => {
      // The extension host exits by itself once `run()` settles; before the results, it crashed.
      if (/Extension Host Process exited/.test(line) && !existsSync(resultsFile)) {
        resolveExit(`the extension host exited before the suite finished (${line.trim()})`);
      }
    });
  });
  const serverExit = server.exited.then(
    ({ code, signal }) =>
      `code-server exited (code ${code}, signal ${signal}) before the suite finished`,
  );
  const outcome = await Promise.race([
    control.done.then(() => 'done'),
    timeout,
    hostExit,
    serverExit,
  ]);
  clearTimeout(timer);
  removeListener();
  return outcome;
}

function updateImages(screenshots) {
  const target = join(ROOT, 'docs', 'images');
  mkdirSync(target, { recursive: true });
  for (const name of DOC_IMAGES) {
    const source = join(screenshots, `${name}.png`);
    if (!existsSync(source)) throw new Error(`--update-images: ${name}.png was not taken`);
    copyFileSync(source, join(target, `${name}.png`));
  }
  log(`e2e: copied ${DOC_IMAGES.length} screenshots to docs/images/`);
}

async function main() {
  const { values } = parseArgs({
    options: {
      mode: { type: 'string', default: 'both' },
      grep: { type: 'string' },
      'update-images': { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
    },
  });
  const modes = values.mode === 'both' ? ['vsix', 'development'] : [values.mode];
  if (!modes.every((mode) => mode === 'vsix' || mode === 'development')) {
    throw new Error(`--mode must be vsix, development or both, not ${values.mode}`);
  }

  const tools = ensureTools(log);
  const options = { grep: values.grep, vsix: undefined };
  const build = !values['no-build'];
  if (modes.includes('vsix')) options.vsix = ensureVsix(ROOT, log, build);
  if (modes.includes('development')) ensureBundles(ROOT, log, build);
  const suiteEntry = await bundleSuite(ROOT);

  let passed = 0;
  let failed = 0;
  for (const mode of modes) {
    try {
      const results = await runMode(mode, tools, suiteEntry, options);
      printResults(mode, results);
      passed += results.passed;
      failed += results.failed;
      if (values['update-images'] && mode === modes[0]) updateImages(results.screenshots);
    } catch (error) {
      // The editor itself failed: that is a failure, never a skip.
      log(
        `e2e [${mode}]: FAILED TO RUN: ${error instanceof Error ? error.message : String(error)}`,
      );
      failed += 1;
    }
  }
  log(`Screenshots and logs: ${join('out', 'e2e', 'runs')}`);
  log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((error) => {
  console.error(`e2e: ${error instanceof Error ? error.message : String(error)}`);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
