import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A project folder on disk for one test, removed by `remove`. */
export class TestWorkspace {
  readonly root: string;

  constructor(files: Record<string, string | Buffer>) {
    this.root = mkdtempSync(join(tmpdir(), 'cleanstart-server-'));
    for (const [path, content] of Object.entries(files)) this.write(path, content);
  }

  write(path: string, content: string | Buffer): void {
    const full = this.path(path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }

  path(relative: string): string {
    return join(this.root, ...relative.split('/'));
  }

  uri(relative = ''): string {
    return pathToFileURL(relative === '' ? this.root : this.path(relative)).href;
  }

  folder(): { uri: string; name: string } {
    return { uri: this.uri(), name: 'project' };
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
