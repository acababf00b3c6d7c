/**
 * Package managers invoked by shell commands (`pip install django==3.2`, `python3 -m pip`,
 * `apk add --no-cache gcc`), with the packages an install names and the options it passes.
 * Commands are read after leading assignments, shell keywords and the wrappers that run another
 * program (`sudo`, `env`, `exec`, `time`, `nice`, `nohup`, `command`, `xargs`, `timeout`);
 * inline scripts of `sh -c '…'` are read too.
 */
import type { LineIndex } from '../../util/text';
import type { InstalledPackage, PackageManagerUse } from '../types';
import { syntaxOfProgram, syntaxOfPythonModule, type ManagerSyntax } from './managerSyntax';
import { spanOf } from './mappedText';
import { parsePackageSpec, type SpecNotation } from './packageSpecs';
import { inlineScriptIndex } from './shellPrograms';
import { splitShellCommands, type ShellCommand, type ShellWord } from './shellWords';

/** Wrappers that run the program after them, with the options of theirs that take a value. */
const WRAPPERS: Readonly<Record<string, readonly string[]>> = {
  sudo: ['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U', '-T'],
  env: ['-u', '--unset', '-C', '--chdir', '-S', '--split-string'],
  exec: ['-a'],
  time: ['-f', '--format', '-o', '--output'],
  nice: ['-n', '--adjustment'],
  nohup: [],
  command: [],
  xargs: ['-n', '-I', '-P', '-d', '-L', '-s', '-E', '-a', '--max-args', '--max-procs'],
  timeout: ['-s', '--signal', '-k', '--kill-after'],
};

/** Shell words that open or continue a compound command before the command proper. */
const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'while', 'until', 'do', '{', '}', '!']);

/** Nesting limit for `sh -c "bash -c '…'"`. */
const MAX_DEPTH = 4;

export interface UsageContext {
  readonly stageIndex: number;
  readonly lines: LineIndex;
}

export function findPackageManagerUses(
  commands: readonly ShellCommand[],
  context: UsageContext,
  depth = 0,
): PackageManagerUse[] {
  const uses: PackageManagerUse[] = [];
  for (const command of commands) {
    const words = commandProper(command);
    if (words.length === 0) continue;

    const script = inlineScriptIndex(words.map((word) => word.text));
    if (script >= 0) {
      const body = words[script];
      if (body && depth < MAX_DEPTH) {
        const nested = findPackageManagerUses(splitShellCommands(body), context, depth + 1);
        for (const use of nested) uses.push(use);
      }
      continue;
    }

    const use = recognize(words, context);
    if (use) uses.push(use);
  }
  return uses;
}

/** The words from the program on: past keywords, assignments and wrappers. */
function commandProper(command: ShellCommand): ShellCommand {
  let index = 0;
  for (let guard = 0; guard < 16 && index < command.length; guard++) {
    const word = command[index]?.text ?? '';
    if (KEYWORDS.has(word) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(word)) {
      index++;
      continue;
    }
    const wrapper = baseName(word);
    const valued = WRAPPERS[wrapper];
    if (!valued) break;
    index++;
    while (index < command.length) {
      const option = command[index]?.text ?? '';
      if (option === '--') {
        index++;
        break;
      }
      if (!option.startsWith('-') && !(wrapper === 'env' && /^[A-Za-z_]\w*=/.test(option))) break;
      index += valued.includes(option) ? 2 : 1;
    }
    // `timeout 10 cmd`: the duration comes before the program.
    if (wrapper === 'timeout') index++;
  }
  return command.slice(index);
}

function recognize(words: ShellCommand, context: UsageContext): PackageManagerUse | undefined {
  const program = words[0];
  if (!program || program.dynamic) return undefined;
  const name = baseName(program.text);

  let syntax = syntaxOfProgram(name);
  let argumentsStart = 1;
  if (!syntax && /^(?:python[0-9.]*|py)$/.test(name)) {
    const module = pythonModule(words);
    syntax = module?.syntax;
    argumentsStart = module?.next ?? 1;
  }
  if (!syntax) return undefined;

  const last = words[argumentsStart - 1] ?? program;
  const { subcommand, packages, options } = readArguments(words, argumentsStart, syntax, context);
  return {
    manager: syntax.manager,
    range: context.lines.rangeOf(program.start, last.end),
    ...(subcommand !== undefined ? { subcommand } : {}),
    packages,
    options,
    stageIndex: context.stageIndex,
  };
}

/** `python3 -m pip …`: the manager the module runs, and where its arguments start. */
function pythonModule(words: ShellCommand): { syntax: ManagerSyntax; next: number } | undefined {
  for (let index = 1; index < words.length; index++) {
    const word = words[index]?.text ?? '';
    if (word === '-m') {
      const syntax = syntaxOfPythonModule(words[index + 1]?.text ?? '');
      return syntax ? { syntax, next: index + 2 } : undefined;
    }
    if (word === '-X' || word === '-W') index++;
    else if (!/^-[A-Za-z]+$/.test(word)) return undefined;
  }
  return undefined;
}

interface Arguments {
  readonly subcommand?: string;
  readonly packages: InstalledPackage[];
  readonly options: string[];
}

function readArguments(
  words: ShellCommand,
  start: number,
  syntax: ManagerSyntax,
  context: UsageContext,
): Arguments {
  const options: string[] = [];
  const positional: ShellWord[] = [];
  let optionsEnded = false;
  for (let index = start; index < words.length; index++) {
    const word = words[index];
    if (!word) continue;
    const { text } = word;
    if (!optionsEnded && text === '--') {
      optionsEnded = true;
    } else if (!optionsEnded && text.startsWith('-') && text.length > 1) {
      options.push(text);
      if (!text.includes('=') && syntax.valued.includes(text)) index++;
    } else {
      positional.push(word);
    }
  }

  let subcommand: string | undefined;
  let packageWords: ShellWord[] = [];
  const first = positional[0];
  if (first && !first.dynamic) {
    subcommand = first.text;
    let rest = 1;
    const second = positional[1];
    if (syntax.groups?.includes(subcommand) && second && !second.dynamic) {
      subcommand = `${subcommand} ${second.text}`;
      rest = 2;
    }
    if (syntax.installs.includes(subcommand)) packageWords = positional.slice(rest);
  }

  const packages: InstalledPackage[] = [];
  for (const word of packageWords) {
    const installed = packageOf(word, syntax.notation, context.lines);
    if (installed) packages.push(installed);
  }
  return { ...(subcommand !== undefined ? { subcommand } : {}), packages, options };
}

function packageOf(
  word: ShellWord,
  notation: SpecNotation,
  lines: LineIndex,
): InstalledPackage | undefined {
  if (word.dynamic && /[$`]/.test(nameCandidate(word.text))) return undefined;
  const spec = parsePackageSpec(word.text, notation);
  if (!spec) return undefined;

  const nameSpan = spanOf(word, spec.nameStart, spec.nameEnd);
  const installed: InstalledPackage = {
    name: word.text.slice(spec.nameStart, spec.nameEnd),
    nameRange: lines.rangeOf(nameSpan.start, nameSpan.end),
  };
  if (spec.specifierStart === undefined || spec.specifierEnd === undefined) return installed;
  const specifierSpan = spanOf(word, spec.specifierStart, spec.specifierEnd);
  return {
    ...installed,
    specifier: word.text.slice(spec.specifierStart, spec.specifierEnd),
    specifierRange: lines.rangeOf(specifierSpan.start, specifierSpan.end),
  };
}

/** The part of a package argument that can hold its name: up to its first operator. */
function nameCandidate(text: string): string {
  const end = text.search(/[=<>!~@;[\s]/);
  return end <= 0 ? text : text.slice(0, end);
}

function baseName(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}
