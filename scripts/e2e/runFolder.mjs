// One run's folder: a copy of the fixture workspace (tests edit files), a fresh user profile with
// quiet settings, an empty extensions folder, and the places for results, logs and screenshots.
// Shared by both editor hosts.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Editor settings for a quiet, offline, repeatable workbench. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'files.autoSave': 'off',
  'editor.minimap.enabled': false,
};

/**
 * Empties `runDirectory` and lays out a run in it.
 * @param {string} root the repository
 */
export function prepareRunFolder(root, runDirectory) {
  rmSync(runDirectory, { recursive: true, force: true });
  const folder = {
    root: runDirectory,
    workspace: join(runDirectory, 'workspace'),
    home: join(runDirectory, 'home'),
    userData: join(runDirectory, 'user-data'),
    extensions: join(runDirectory, 'extensions'),
    config: join(runDirectory, 'code-server.yaml'),
    screenshots: join(runDirectory, 'screenshots'),
    resultsFile: join(runDirectory, 'results.json'),
    serverLog: join(runDirectory, 'code-server.log'),
    browserLog: join(runDirectory, 'browser.log'),
  };
  for (const directory of [folder.home, folder.extensions, join(folder.userData, 'User')]) {
    mkdirSync(directory, { recursive: true });
  }
  writeFileSync(
    join(folder.userData, 'User', 'settings.json'),
    JSON.stringify(USER_SETTINGS, undefined, 2) + '\n',
  );
  writeFileSync(folder.config, 'auth: none\n');
  cpSync(join(root, 'test', 'e2e', 'fixtures', 'workspace'), folder.workspace, { recursive: true });
  return folder;
}

/** The results the suite wrote, or undefined when it wrote none. */
export function readResults(resultsFile) {
  if (!existsSync(resultsFile)) return undefined;
  return JSON.parse(readFileSync(resultsFile, 'utf8'));
}

/** Prints each test and the run's counts. */
export function printResults(label, results, log = (line) => console.log(line)) {
  log(`e2e [${label}]: VS Code ${results.vscode}, Node ${results.node}`);
  for (const test of results.tests) {
    const mark = test.state === 'passed' ? 'ok  ' : test.state === 'failed' ? 'FAIL' : 'skip';
    log(`  ${mark} ${test.title} (${test.durationMs} ms)`);
    if (test.error) log(test.error.replace(/^/gm, '         '));
  }
  log(
    `e2e [${label}]: ${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`,
  );
}
