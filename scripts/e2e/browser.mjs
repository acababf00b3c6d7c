// Drives the workbench in headless Chromium, and answers the suite's requests for screenshots
// over a small HTTP endpoint on the loopback interface (the suite runs in the extension host, a
// separate process that cannot reach the browser any other way).
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** How long the workbench gets to appear before the editor is declared broken. */
const WORKBENCH_TIMEOUT_MS = 90_000;

/** How long a screenshot request waits for the element it names. */
const ELEMENT_TIMEOUT_MS = 10_000;

export async function launchBrowser(executablePath) {
  return chromium.launch({ executablePath, args: CHROMIUM_FLAGS });
}

/**
 * The workbench URL that makes VS Code load `developmentPath` as an extension under development
 * and call `run()` of the module at `testsPath`: what `--extensionDevelopmentPath` and
 * `--extensionTestsPath` do for a desktop VS Code.
 */
export function workbenchUrl(origin, folder, developmentPath, testsPath) {
  const authority = new URL(origin).host;
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${authority}${developmentPath}`],
    ['extensionTestsPath', `vscode-remote://${authority}${testsPath}`],
  ];
  const query = `folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return `${origin}/?${query}`;
}

/** A page for the workbench, its console copied to `consoleLog`. */
export async function newPage(browser, consoleLog) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('console', (message) => consoleLog(`[${message.type()}] ${message.text()}`));
  page.on('pageerror', (error) => consoleLog(`[pageerror] ${error.message}`));
  return page;
}

/** Opens the workbench and resolves when it has drawn itself. */
export async function openWorkbench(page, url) {
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: WORKBENCH_TIMEOUT_MS });
  await page.locator('.monaco-workbench').waitFor({ timeout: WORKBENCH_TIMEOUT_MS });
}

/**
 * Serves the suite's requests:
 * - `POST /screenshot` `{ name, waitFor? }`: waits until the CSS selector `waitFor` (when given) is
 *   visible, saves `<name>.png`, answers `{ path }`, or 409 `{ error }` when the element never came.
 * - `POST /press` `{ key }`: presses a key in the workbench (`Escape` closes a hover or a menu).
 * - `POST /done`: the suite has written its results.
 */
export async function startControlServer(page, screenshotsDirectory) {
  mkdirSync(screenshotsDirectory, { recursive: true });
  const screenshots = [];
  let markDone = () => {};
  const done = new Promise((resolve) => {
    markDone = resolve;
  });

  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      handle(request.url ?? '', body)
        .then(([status, answer]) => reply(response, status, answer))
        .catch((error) => reply(response, 500, { error: String(error?.message ?? error) }));
    });
  });

  async function handle(path, body) {
    const input = body ? JSON.parse(body) : {};
    if (path === '/screenshot') return screenshot(input);
    if (path === '/press') {
      await page.keyboard.press(String(input.key));
      return [200, {}];
    }
    if (path === '/done') {
      markDone();
      return [200, {}];
    }
    return [404, { error: `no such request: ${path}` }];
  }

  async function screenshot({ name, waitFor }) {
    if (typeof name !== 'string' || !/^[\w-]+$/.test(name)) {
      return [400, { error: 'name must be letters, digits, - or _' }];
    }
    if (typeof waitFor === 'string') {
      try {
        await page
          .locator(waitFor)
          .first()
          .waitFor({ state: 'visible', timeout: ELEMENT_TIMEOUT_MS });
      } catch {
        const path = join(screenshotsDirectory, `${name}-missing.png`);
        await page.screenshot({ path });
        return [409, { error: `${waitFor} did not show within ${ELEMENT_TIMEOUT_MS} ms`, path }];
      }
    }
    const path = join(screenshotsDirectory, `${name}.png`);
    await page.screenshot({ path });
    screenshots.push(path);
    return [200, { path }];
  }

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    screenshots,
    done,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve(undefined));
        server.closeAllConnections();
      }),
  };
}

function reply(response, status, answer) {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(answer));
}
