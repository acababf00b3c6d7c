/**
 * Converting a shell-form command to exec form, only when the two mean the same: plain words,
 * with no variable expansion, operators, redirections, globs, escapes or shell builtins.
 */

/** Characters that make the shell do something other than split words. */
const SPECIAL = /[$`\\|&;<>(){}*?[\]!#~\n\r\t\f\v"']/;

/** Programs that only exist inside a shell. */
const BUILTINS = new Set([
  '.',
  ':',
  'alias',
  'bg',
  'break',
  'cd',
  'command',
  'continue',
  'eval',
  'exec',
  'exit',
  'export',
  'fg',
  'getopts',
  'hash',
  'jobs',
  'read',
  'readonly',
  'return',
  'set',
  'shift',
  'source',
  'test',
  'times',
  'trap',
  'type',
  'ulimit',
  'umask',
  'unalias',
  'unset',
  'wait',
  '[',
  '[[',
  'if',
  'for',
  'while',
  'until',
  'case',
  'function',
]);

/**
 * Splits a shell command into words when that is all the shell would do with it; `undefined` when
 * the shell would expand, redirect, chain or otherwise interpret something.
 */
export function plainWords(command: string): string[] | undefined {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  for (let i = 0; i < command.length; i++) {
    const c = command.charAt(i);
    if (c === ' ') {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
      continue;
    }
    if (c === "'") {
      const end = command.indexOf("'", i + 1);
      if (end < 0) return undefined;
      const quoted = command.slice(i + 1, end);
      if (/[\n\r]/.test(quoted)) return undefined;
      current += quoted;
      inWord = true;
      i = end;
      continue;
    }
    if (c === '"') {
      const end = command.indexOf('"', i + 1);
      if (end < 0) return undefined;
      const quoted = command.slice(i + 1, end);
      if (/[$`\\!\n\r]/.test(quoted)) return undefined;
      current += quoted;
      inWord = true;
      i = end;
      continue;
    }
    if (SPECIAL.test(c)) return undefined;
    // `~` and `#` are only special at the start of a word; `=` before the program is an assignment.
    current += c;
    inWord = true;
  }
  if (inWord) words.push(current);
  const program = words[0];
  if (program === undefined || BUILTINS.has(program) || program.includes('=')) return undefined;
  return words;
}

/** The JSON array Docker expects for exec form. */
export function execArray(words: readonly string[]): string {
  return `[${words.map((word) => JSON.stringify(word)).join(', ')}]`;
}

/** What in a command stops the conversion, for the message: "$HOME", "&&". */
export function whyNotPlain(command: string): string {
  if (/\$\{?\w/.test(command)) return 'it expands variables';
  if (/&&|\|\||;/.test(command)) return 'it chains commands';
  if (/\|/.test(command)) return 'it pipes';
  if (/[<>]/.test(command)) return 'it redirects';
  if (/[*?[\]]/.test(command)) return 'it uses globs';
  if (/`|\$\(/.test(command)) return 'it substitutes commands';
  const first = command.trim().split(/\s+/)[0] ?? '';
  if (BUILTINS.has(first)) return `${first} is a shell builtin`;
  if (first.includes('=')) return 'it sets variables for the command';
  return 'the shell would interpret parts of it';
}
