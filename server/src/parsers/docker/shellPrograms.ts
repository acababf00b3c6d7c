/**
 * Which programs are shells, and where the script of a `sh -c '…'` invocation stands. Shared by
 * exec-form detection (`["/bin/sh", "-c", …]` needs a shell in the image) and by package manager
 * detection, which reads inside such scripts.
 */

/** Shells that read POSIX-style `-c` scripts. */
const POSIX_SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh']);

/** Every program that is a shell, Windows ones included. */
const SHELLS = new Set([...POSIX_SHELLS, 'cmd', 'powershell', 'pwsh']);

/** The file name a program word runs, lower-cased, without directories or `.exe`. */
export function programName(word: string): string {
  const base = word.slice(Math.max(word.lastIndexOf('/'), word.lastIndexOf('\\')) + 1);
  return base.toLowerCase().replace(/\.exe$/, '');
}

/**
 * Index of the argument that names the shell among `words`, or -1: the program itself, the applet
 * after `busybox`, or the program after `env` and its options and assignments.
 */
export function shellIndex(words: readonly string[], posixOnly = false): number {
  const shells = posixOnly ? POSIX_SHELLS : SHELLS;
  let index = 0;
  let name = programName(words[0] ?? '');
  if (name === 'env') {
    index = 1;
    while (index < words.length && /^-|^[A-Za-z_][A-Za-z0-9_]*=/.test(words[index] ?? '')) {
      index++;
    }
    name = programName(words[index] ?? '');
  }
  if (name === 'busybox') {
    index++;
    name = programName(words[index] ?? '');
  }
  return shells.has(name) ? index : -1;
}

export function startsShell(words: readonly string[]): boolean {
  return shellIndex(words) >= 0;
}

/**
 * Index of the script argument of a POSIX shell invocation (`sh -c 'script'`, `bash -euxo
 * pipefail -c 'script'`), or -1 when the words do not run an inline script.
 */
export function inlineScriptIndex(words: readonly string[]): number {
  const shell = shellIndex(words, true);
  if (shell < 0) return -1;
  let index = shell + 1;
  while (index < words.length) {
    const word = words[index] ?? '';
    if (word.startsWith('--') && word.length > 2) {
      index++;
      continue;
    }
    if (!/^[-+][A-Za-z]+$/.test(word)) return -1;
    // `-o pipefail` and `-O extglob` take a value, also inside a cluster (`-euxo pipefail`);
    // the values come before the script.
    const valued = (word.match(/[oO]/g) ?? []).length;
    if (word.startsWith('-') && word.includes('c')) return index + 1 + valued;
    index += 1 + valued;
  }
  return -1;
}
