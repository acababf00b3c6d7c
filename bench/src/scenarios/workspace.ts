/** A throwaway project folder for the servers to open, removed afterwards. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export class Workspace {
  readonly root = mkdtempSync(join(tmpdir(), 'cleanstart-bench-'));

  get uri(): string {
    return pathToFileURL(this.root).href;
  }

  /** Writes a file (when `text` is given) and returns its URI. */
  file(relative: string, text?: string): string {
    const path = join(this.root, ...relative.split('/'));
    if (text !== undefined) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    }
    return pathToFileURL(path).href;
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
