/**
 * The editor test suite's entry: VS Code calls `run()` inside the extension host once the
 * workbench is up (desktop: `--extensionTestsPath`; code-server: the `extensionTestsPath` payload).
 * Runs every `*.test.js` beside this file with mocha and writes the results as JSON for the harness.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { waitForRules } from './support/diagnostics';
import { closeEverything, openFile } from './support/documents';
import { activateExtension } from './support/extension';
import { harness, hasBrowser, notifyDone, screenshot } from './support/harness';

export interface TestResult {
  readonly title: string;
  readonly state: 'passed' | 'failed' | 'skipped';
  readonly durationMs: number;
  readonly error?: string;
}

export interface SuiteResults {
  readonly mode: string;
  readonly vscode: string;
  readonly node: string;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly tests: readonly TestResult[];
}

/** How long the extension gets to start its server and publish the first diagnostics. */
const STARTUP_TIMEOUT_MS = 45_000;

function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? error.message;
  return String(error);
}

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  if (harness.grep !== undefined) mocha.grep(harness.grep);

  const directory = __dirname;
  for (const name of readdirSync(directory).sort()) {
    if (name.endsWith('.test.js')) mocha.addFile(join(directory, name));
  }

  // When the extension cannot even check one file, every test would fail the same slow way:
  // fail once, clearly, and run nothing else.
  mocha.suite.beforeAll('the extension checks a Dockerfile', async function () {
    this.timeout(STARTUP_TIMEOUT_MS + 5_000);
    try {
      await activateExtension();
      const { document } = await openFile('Dockerfile');
      await waitForRules(document.uri, ['runtime-support'], STARTUP_TIMEOUT_MS);
    } catch (error) {
      if (hasBrowser()) await screenshot('failure-startup').catch(() => undefined);
      throw error;
    }
  });

  // Every test starts from an editor with nothing open; a failing one leaves a picture behind.
  mocha.suite.afterEach(async function () {
    const test = this.currentTest;
    if (test?.state === 'failed' && hasBrowser()) {
      await screenshot(`failure-${slug(test.fullTitle())}`).catch(() => undefined);
    }
    await closeEverything();
  });

  const tests: TestResult[] = [];
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('pass', (test) => {
      tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 });
    });
    runner.on('fail', (test, error) => {
      tests.push({
        title: test.fullTitle(),
        state: 'failed',
        durationMs: test.duration ?? 0,
        error: describeError(error),
      });
    });
    runner.on('pending', (test) => {
      tests.push({ title: test.fullTitle(), state: 'skipped', durationMs: 0 });
    });
  });

  const results: SuiteResults = {
    mode: harness.mode,
    vscode: vscode.version,
    node: process.version,
    passed: tests.filter((test) => test.state === 'passed').length,
    failed: tests.filter((test) => test.state === 'failed').length,
    skipped: tests.filter((test) => test.state === 'skipped').length,
    tests,
  };
  if (harness.resultsFile !== undefined) {
    mkdirSync(dirname(harness.resultsFile), { recursive: true });
    writeFileSync(harness.resultsFile, JSON.stringify(results, undefined, 2));
    await notifyDone().catch(() => undefined);
  }
  // A rejection is how a desktop VS Code run (`@vscode/test-electron`) learns of failures.
  if (failures > 0) throw new Error(`${failures} editor test(s) failed.`);
}
