import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root, whether tests run from source or compiled into out/. */
export function repositoryRoot(start: string = __dirname): string {
  let current = start;
  while (!existsSync(join(current, 'package.json')) || current.endsWith(`${'/'}out`)) {
    const parent = dirname(current);
    if (parent === current) throw new Error(`No package.json above ${start}`);
    current = parent;
  }
  return current;
}
