/**
 * What the process that started the editor tells the suite (through the extension host's
 * environment), and the way back to it: results, screenshots, key presses. Under the Electron host
 * there is no browser, so screenshots are unavailable and the UI tests say so.
 */
import { request } from 'node:http';

export interface HarnessOptions {
  /** Where to write the results as JSON; absent: results go to the console only. */
  readonly resultsFile?: string;
  /** The harness's endpoint for screenshots and key presses, when a browser shows the workbench. */
  readonly controlUrl?: string;
  /** `vsix` when the extension under test was installed from the package, else `development`. */
  readonly mode: 'vsix' | 'development';
  /** Only tests whose full title matches this pattern run. */
  readonly grep?: string;
}

export const harness: HarnessOptions = {
  resultsFile: process.env.CLEANSTART_E2E_RESULTS || undefined,
  controlUrl: process.env.CLEANSTART_E2E_CONTROL || undefined,
  mode: process.env.CLEANSTART_E2E_MODE === 'vsix' ? 'vsix' : 'development',
  grep: process.env.CLEANSTART_E2E_GREP || undefined,
};

export function hasBrowser(): boolean {
  return harness.controlUrl !== undefined;
}

interface ControlAnswer {
  readonly status: number;
  readonly body: { readonly path?: string; readonly error?: string };
}

function post(path: string, body: object): Promise<ControlAnswer> {
  const base = harness.controlUrl;
  if (base === undefined) return Promise.reject(new Error('No browser shows this workbench.'));
  return new Promise((resolve, reject) => {
    const call = request(
      new URL(path, base),
      { method: 'POST', headers: { 'content-type': 'application/json' }, agent: false },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
        });
        response.on('end', () => {
          try {
            resolve({
              status: response.statusCode ?? 0,
              body: JSON.parse(text) as ControlAnswer['body'],
            });
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
      },
    );
    call.on('error', reject);
    call.end(JSON.stringify(body));
  });
}

/**
 * Saves a screenshot of the workbench as `<name>.png`, once the element `waitFor` (a CSS
 * selector) is visible. Rejects when the element never shows: that is a failure of what the
 * user sees.
 */
export async function screenshot(name: string, waitFor?: string): Promise<string> {
  const answer = await post('/screenshot', { name, waitFor });
  if (answer.status !== 200 || answer.body.path === undefined) {
    throw new Error(`Screenshot ${name} failed: ${answer.body.error ?? `status ${answer.status}`}`);
  }
  return answer.body.path;
}

/** Presses a key in the workbench, as a user would (`Escape`). */
export async function pressKey(key: string): Promise<void> {
  const answer = await post('/press', { key });
  if (answer.status !== 200) throw new Error(`Pressing ${key} failed: ${answer.body.error ?? ''}`);
}

/** Tells the harness the results file is written. */
export async function notifyDone(): Promise<void> {
  if (hasBrowser()) await post('/done', {});
}
