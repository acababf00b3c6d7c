/**
 * Requirements files (`requirements.txt`, pip-compile's `.in`), read as pip reads them: backslash
 * continuations joined, comments dropped, each line either options (`-r`, `-e`, `--index-url`, …)
 * or a requirement followed by its own options (`--hash=…`).
 */
import { LineIndex } from '../util/text';
import type {
  ParseProblem,
  Requirement,
  RequirementsFacts,
  RequirementsOption,
  UnnamedRequirement,
} from './types';
import { readLocation } from './pip/location';
import { readRequirement } from './pip/pep508';
import { limitProblems } from './problems';
import { commentStart, isWhitespace, logicalLines, type LogicalLine } from './pip/logicalLines';
import { readOptions, type ReadOption } from './pip/options';

/** Options that belong to the requirement on their line rather than to the whole file. */
const REQUIREMENT_OPTIONS = new Set(['--hash', '--config-settings', '--global-option']);

function toOption(line: LogicalLine, option: ReadOption): RequirementsOption {
  const hasValue = option.value !== undefined && option.valueStart !== undefined;
  return {
    name: option.name,
    ...(option.value !== undefined ? { value: option.value } : {}),
    range: line.range(option.start, option.end),
    ...(hasValue
      ? { valueRange: line.range(option.valueStart ?? 0, option.valueEnd ?? option.end) }
      : {}),
  };
}

/** Offset of the first word that starts with `-`: pip reads options from there on. */
function optionsStart(text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    if (
      text.charCodeAt(i) === 45 /* - */ &&
      (i === start || isWhitespace(text.charCodeAt(i - 1)))
    ) {
      return i;
    }
  }
  return end;
}

class RequirementsReader {
  readonly requirements: Requirement[] = [];
  readonly includes: {
    kind: 'requirement' | 'constraint';
    path: string;
    range: Requirement['nameRange'];
  }[] = [];
  readonly options: RequirementsOption[] = [];
  readonly unnamed: UnnamedRequirement[] = [];
  readonly problems: ParseProblem[] = [];
  private readonly checkedClauses = new Map<string, boolean>();

  readLine(line: LogicalLine): void {
    const text = line.text;
    let end = commentStart(text);
    while (end > 0 && isWhitespace(text.charCodeAt(end - 1))) end--;
    let start = 0;
    while (start < end && isWhitespace(text.charCodeAt(start))) start++;
    if (start === end) return;

    const split = optionsStart(text, start, end);
    const options = split < end ? readOptions(line, split, end, this.problems) : [];
    let argumentsEnd = split;
    while (argumentsEnd > start && isWhitespace(text.charCodeAt(argumentsEnd - 1))) argumentsEnd--;

    if (argumentsEnd > start) this.readRequirementLine(line, start, argumentsEnd, options);
    else this.readOptionLine(line, options);
  }

  private readRequirementLine(
    line: LogicalLine,
    start: number,
    end: number,
    options: readonly ReadOption[],
  ): void {
    const read = readRequirement(line, start, end, this.problems, this.checkedClauses);
    for (const option of options) {
      if (REQUIREMENT_OPTIONS.has(option.name)) continue;
      this.problems.push({
        range: line.range(option.start, option.end),
        message: `pip ignores \`${option.name}\` after a requirement. Put it on a line of its own.`,
      });
    }
    const own = options.filter((option) => REQUIREMENT_OPTIONS.has(option.name));
    if (read.requirement) {
      this.requirements.push({
        ...read.requirement,
        options: own.map((option) => toOption(line, option)),
      });
    }
    if (read.unnamed) this.unnamed.push(read.unnamed);
  }

  private readOptionLine(line: LogicalLine, options: readonly ReadOption[]): void {
    for (const option of options) {
      const value = option.value;
      const valueStart = option.valueStart ?? option.start;
      const valueEnd = option.valueEnd ?? option.end;
      if (value === undefined) {
        this.options.push(toOption(line, option));
        continue;
      }

      switch (option.name) {
        case '--requirement':
        case '--constraint':
          this.includes.push({
            kind: option.name === '--requirement' ? 'requirement' : 'constraint',
            path: value,
            range: line.range(valueStart, valueEnd),
          });
          break;
        case '--editable': {
          const read = readLocation(
            line,
            valueStart,
            valueEnd,
            true,
            option.valuePlain ? undefined : value,
          );
          if (read.requirement) this.requirements.push(read.requirement);
          if (read.unnamed) this.unnamed.push(read.unnamed);
          break;
        }
        default:
          this.options.push(toOption(line, option));
      }
    }
  }
}

export function parseRequirements(text: string): RequirementsFacts {
  const index = new LineIndex(text);
  const reader = new RequirementsReader();
  for (const line of logicalLines(index)) reader.readLine(line);
  return {
    kind: 'requirements',
    requirements: reader.requirements,
    includes: reader.includes,
    options: reader.options,
    unnamed: reader.unnamed,
    problems: limitProblems(reader.problems),
  };
}
