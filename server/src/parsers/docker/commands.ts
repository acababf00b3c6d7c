/**
 * `RUN`, `CMD`, `ENTRYPOINT`, `HEALTHCHECK` and `SHELL` read into their form (shell, exec or
 * none), command text and exec arguments, plus what the rest of the parser searches: the shell
 * commands a `RUN` executes and the texts that may name a musl target.
 */
import type { Healthcheck, Heredoc, Instruction } from 'dockerfile-ast';
import { Run } from 'dockerfile-ast';
import type { LineIndex, Range } from '../../util/text';
import type { CommandInstruction, CommandKeyword, Located, ParseProblem } from '../types';
import { looksLikeExecArray, parseExecArray, type ExecArray } from './execArray';
import {
  joinContinuations,
  sliceSource,
  spanOf,
  trimMapped,
  type MappedText,
  type SourceContext,
} from './mappedText';
import { shellIndex, inlineScriptIndex, startsShell } from './shellPrograms';
import { splitShellCommands, type ShellCommand } from './shellWords';

export interface CommandReading {
  readonly command: CommandInstruction;
  /** The shell commands a `RUN` executes, in order; empty for other keywords. */
  readonly shellCommands: readonly ShellCommand[];
  /** Texts of a `RUN` in which to look for musl targets. */
  readonly texts: readonly MappedText[];
  readonly problem?: ParseProblem;
}

const KEYWORDS: readonly string[] = ['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'SHELL'];

/** How far past `RUN` to look for a first flag, continuation lines and comments included. */
const FLAG_LOOKAHEAD = 4096;

export function isCommandKeyword(keyword: string): keyword is CommandKeyword {
  return KEYWORDS.includes(keyword);
}

export function readCommand(
  instruction: Instruction,
  keyword: CommandKeyword,
  context: SourceContext,
): CommandReading {
  const { source, lines, escape } = context;
  const range = instruction.getRange();
  const base = { keyword, range, keywordRange: instruction.getInstructionRange() };
  const none: CommandReading = { command: { ...base, form: 'none' }, shellCommands: [], texts: [] };

  const start = commandStart(instruction, keyword, context);
  if (start === undefined) return none;

  const instructionEnd = lines.offsetAt(range.end);
  const heredocs = readHeredocs(instruction, start, instructionEnd, context);
  const logical = trimMapped(joinContinuations(source, start, heredocs.lineEnd, escape));
  if (logical.text.length === 0 && !heredocs.found) return none;

  if (!heredocs.found && logical.text.startsWith('[')) {
    const exec = parseExecArray(logical);
    if (exec) return execReading(base, exec, keyword, lines);
  }

  const problem =
    !heredocs.found && looksLikeExecArray(logical.text)
      ? invalidExecProblem(keyword, lines.rangeOf(spanOf(logical, 0, 1).start, instructionEnd))
      : undefined;

  const commandSpan = spanOf(logical, 0, logical.text.length);
  const shellCommands = keyword === 'RUN' ? splitShellCommands(logical) : [];
  if (keyword === 'RUN' && runsScripts(shellCommands, heredocs.bodies)) {
    for (const body of heredocs.bodies) {
      for (const command of splitShellCommands(body)) shellCommands.push(command);
    }
  }
  return {
    command: {
      ...base,
      form: 'shell',
      command: heredocs.found ? `${logical.text}\n${heredocs.text}` : logical.text,
      commandRange: lines.rangeOf(
        commandSpan.start,
        heredocs.found ? instructionEnd : commandSpan.end,
      ),
      ...(heredocs.found ? { heredoc: true } : {}),
    },
    shellCommands,
    texts: keyword === 'RUN' ? [logical, ...heredocs.bodies] : [],
    ...(problem ? { problem } : {}),
  };
}

interface Heredocs {
  readonly found: boolean;
  /** End of the command line, where the here-document lines begin. */
  readonly lineEnd: number;
  /** The here-document lines, delimiters included, line breaks read as `\n`. */
  readonly text: string;
  /** The content of each here-document. */
  readonly bodies: readonly MappedText[];
}

function readHeredocs(
  instruction: Instruction,
  start: number,
  end: number,
  { source, lines }: SourceContext,
): Heredocs {
  const none: Heredocs = { found: false, lineEnd: end, text: '', bodies: [] };
  // dockerfile-ast splits the arguments anew on every call; most instructions have no heredoc.
  if (!(instruction instanceof Run) || !source.slice(start, end).includes('<<')) return none;
  let heredocs: Heredoc[];
  try {
    heredocs = instruction.getHeredocs();
  } catch {
    // Workaround: dockerfile-ast throws on some broken here-documents (an escaped line break
    // before an indented delimiter). The first line stays the command; the documents go unread.
    const lineEnd = Math.min(end, lines.lineEnd(lines.positionAt(start).line));
    return { found: true, lineEnd, text: documentText(source, lineEnd, end), bodies: [] };
  }
  if (heredocs.length === 0) return none;

  const lastStartLine = heredocs.reduce(
    (line, heredoc) => Math.max(line, heredoc.getStartRange().end.line),
    0,
  );
  const lineEnd = Math.min(end, lines.lineEnd(lastStartLine));
  const bodies = heredocs.flatMap((heredoc) => {
    const content = heredoc.getContentRange();
    if (!content) return [];
    return [sliceSource(source, lines.offsetAt(content.start), lines.offsetAt(content.end))];
  });
  return { found: true, lineEnd, text: documentText(source, lineEnd, end), bodies };
}

/** The here-document lines after the command line, line breaks read as `\n`. */
function documentText(source: string, lineEnd: number, end: number): string {
  return source.slice(lineEnd, end).replace(/\r\n/g, '\n').replace(/^\n/, '');
}

/** Offset where the command starts, after flags and `HEALTHCHECK CMD`; none for `NONE`. */
function commandStart(
  instruction: Instruction,
  keyword: CommandKeyword,
  { source, lines, escape }: SourceContext,
): number | undefined {
  if (keyword === 'HEALTHCHECK') {
    const subcommand = (instruction as Healthcheck).getSubcommand();
    if (!subcommand || subcommand.getValue().toUpperCase() !== 'CMD') return undefined;
    return lines.offsetAt(subcommand.getRange().end);
  }
  const keywordEnd = lines.offsetAt(instruction.getInstructionRange().end);
  if (!(instruction instanceof Run)) return keywordEnd;
  // Asking dockerfile-ast for flags costs a new split of the arguments: only when there are some.
  const end = Math.min(lines.offsetAt(instruction.getRange().end), keywordEnd + FLAG_LOOKAHEAD);
  const ahead = joinContinuations(source, keywordEnd, end, escape);
  if (!ahead.text.trimStart().startsWith('--')) return keywordEnd;
  const flags = instruction.getFlags();
  const last = flags[flags.length - 1];
  return last ? lines.offsetAt(last.getRange().end) : keywordEnd;
}

function execReading(
  base: { keyword: CommandKeyword; range: Range; keywordRange: Range },
  exec: ExecArray,
  keyword: CommandKeyword,
  lines: LineIndex,
): CommandReading {
  const execArguments: Located[] = exec.arguments.map((argument) => ({
    value: argument.text,
    range: lines.rangeOf(argument.start, argument.end),
  }));
  const words = exec.arguments.map((argument) => ({ ...argument, dynamic: false }));
  return {
    command: {
      ...base,
      form: 'exec',
      execArguments,
      execRange: lines.rangeOf(exec.start, exec.end),
      execStartsShell: startsShell(execArguments.map((argument) => argument.value)),
    },
    shellCommands: keyword === 'RUN' && words.length > 0 ? [words] : [],
    texts: keyword === 'RUN' ? exec.arguments : [],
  };
}

/**
 * Whether the here-documents of a `RUN` are shell scripts: with no command beside them Docker
 * runs them as the script (unless a `#!` line names another interpreter); after a shell program
 * (`bash <<EOF`) the shell reads them. Otherwise they are some program's input (`python3 <<EOF`)
 * or a file's content (`cat <<EOF > file`).
 */
function runsScripts(commands: readonly ShellCommand[], bodies: readonly MappedText[]): boolean {
  const first = commands[0];
  if (!first) {
    const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(bodies[0]?.text ?? '');
    if (!shebang) return true;
    return (
      shellIndex(
        shebang.slice(1).filter((word): word is string => !!word),
        true,
      ) >= 0
    );
  }
  const words = first.map((word) => word.text);
  return shellIndex(words, true) >= 0 && inlineScriptIndex(words) < 0;
}

function invalidExecProblem(keyword: CommandKeyword, range: Range): ParseProblem {
  const what = keyword === 'HEALTHCHECK' ? 'HEALTHCHECK CMD' : keyword;
  return {
    range,
    message:
      `${what} looks like an exec-form JSON array but is not valid JSON, so Docker runs it ` +
      'through a shell, and CleanStart images have none. Use double quotes, commas between ' +
      'items and a closing bracket: ["executable", "argument"].',
  };
}
