/**
 * Dockerfile → facts: stages and their base images (build arguments resolved), the commands each
 * stage runs, the package managers those commands invoke and the musl targets they build for.
 * dockerfile-ast splits the file into instructions, flags, here-documents and ranges; the readers
 * under `docker/` take each instruction from there.
 */
import type { Arg, From, Instruction } from 'dockerfile-ast';
import { DockerfileParser } from 'dockerfile-ast';
import { LineIndex } from '../util/text';
import { limitProblems } from './problems';
import type {
  CommandInstruction,
  DockerfileFacts,
  MuslTarget,
  PackageManagerUse,
  ParseProblem,
  Stage,
} from './types';
import {
  createGlobalArgs,
  declareGlobalArgs,
  inheritedNames,
  type GlobalArgs,
} from './docker/args';
import { isCommandKeyword, readCommand } from './docker/commands';
import { imageReferenceOf } from './docker/imageReference';
import { joinContinuations, type MappedText, type SourceContext } from './docker/mappedText';
import { findMuslTriples } from './docker/muslTargets';
import { findPackageManagerUses } from './docker/packageManagers';
import { expand } from './docker/substitution';

export { locateInReference } from './docker/imageReference';
export { splitTag, type TagParts } from './docker/tag';

/** Well above Docker's own limits (255 for a repository, 128 for a tag, a digest). */
const MAX_REFERENCE_LENGTH = 1024;

/** A stage while its instructions are read; whether it is the final one is known at the end. */
type StageDraft = Omit<Stage, 'isFinal' | 'commands'> & { readonly commands: CommandInstruction[] };

/** Reads a Dockerfile. Never throws: what cannot be read is left out or reported in `problems`. */
export function parseDockerfile(text: string): DockerfileFacts {
  // dockerfile-ast loses here-documents after lone `\r` line breaks; `\n` in their place keeps
  // every offset and line number as they are.
  const source = text.replace(/\r(?!\n)/g, '\n');
  const document = DockerfileParser.parse(source);
  const reader = new DockerfileReader({
    source,
    lines: new LineIndex(source),
    escape: document.getEscapeCharacter(),
  });
  for (const instruction of document.getInstructions()) reader.read(instruction);
  return reader.facts();
}

class DockerfileReader {
  private readonly stages: StageDraft[] = [];
  private readonly packageManagers: PackageManagerUse[] = [];
  private readonly muslTargets: MuslTarget[] = [];
  private readonly problems: ParseProblem[] = [];
  private readonly globals: GlobalArgs = createGlobalArgs();
  /** Stage names, lower-cased, to the first stage that bears each. */
  private readonly stageNames = new Map<string, number>();
  /** Global defaults already searched for musl targets on behalf of a stage. */
  private readonly inheritedSearched = new Set<string>();

  constructor(private readonly context: SourceContext) {}

  read(instruction: Instruction): void {
    const keyword = instruction.getKeyword();
    const stage = this.stages[this.stages.length - 1];

    if (keyword === 'FROM') {
      const next = this.readFrom(instruction as From);
      this.stages.push(next);
      const name = next.name?.value.toLowerCase();
      if (name !== undefined && !this.stageNames.has(name)) this.stageNames.set(name, next.index);
    } else if (keyword === 'ARG') {
      if (stage) this.readStageArg(instruction as Arg, stage.index);
      else declareGlobalArgs(instruction as Arg, this.context, this.globals);
    } else if (!stage) {
      // Docker rejects anything but ARG before the first FROM; nothing to attribute it to.
    } else if (keyword === 'ENV') {
      this.findMusl(this.argumentsText(instruction), stage.index);
    } else if (isCommandKeyword(keyword)) {
      const reading = readCommand(instruction, keyword, this.context);
      stage.commands.push(reading.command);
      if (reading.problem) this.problems.push(reading.problem);
      const context = { stageIndex: stage.index, lines: this.context.lines };
      for (const use of findPackageManagerUses(reading.shellCommands, context)) {
        this.packageManagers.push(use);
      }
      for (const text of reading.texts) this.findMusl(text, stage.index);
    }
  }

  facts(): DockerfileFacts {
    const last = this.stages.length - 1;
    return {
      kind: 'dockerfile',
      escapeCharacter: this.context.escape,
      stages: this.stages.map((stage) => ({ ...stage, isFinal: stage.index === last })),
      packageManagers: this.packageManagers,
      muslTargets: this.muslTargets,
      problems: limitProblems(this.problems),
    };
  }

  private readFrom(from: From): StageDraft {
    const { lines } = this.context;
    const index = this.stages.length;
    const stageName = from.getBuildStage();
    const stageNameRange = from.getBuildStageRange();
    const platform = from.getPlatformFlag();
    const platformValue = platform?.getValue();
    const platformRange = platform?.getValueRange();
    const draft = {
      index,
      fromRange: from.getRange(),
      commands: [],
      ...(stageName && stageNameRange ? { name: { value: stageName, range: stageNameRange } } : {}),
      ...(platformValue && platformRange
        ? { platform: { value: platformValue, range: platformRange } }
        : {}),
    };

    const imageRange = from.getImageRange();
    if (!imageRange) {
      this.problems.push({
        range: from.getInstructionRange(),
        message: 'FROM names no base image. Add one, e.g. FROM python:3.12-slim.',
      });
      return draft;
    }

    const imageStart = lines.offsetAt(imageRange.start);
    const imageEnd = lines.offsetAt(imageRange.end);
    // Docker rejects references this long; reading them character by character would be slow.
    if (imageEnd - imageStart > MAX_REFERENCE_LENGTH) return draft;
    const written = joinContinuations(
      this.context.source,
      imageStart,
      imageEnd,
      this.context.escape,
    );
    const expansion = expand(written, this.globals.scope, this.context.escape);
    if (!expansion) return draft;

    // Docker resolves stage names after substitution, case-insensitively, earlier stages only.
    const baseStage = this.stageNames.get(expansion.text.toLowerCase());
    if (baseStage !== undefined) return { ...draft, baseStage };

    const image = imageReferenceOf(expansion, imageRange, lines);
    return image ? { ...draft, image } : draft;
  }

  private readStageArg(arg: Arg, stageIndex: number): void {
    this.findMusl(this.argumentsText(arg), stageIndex);
    for (const name of inheritedNames(arg)) {
      const inherited = this.globals.defaults.get(name);
      if (!inherited || this.inheritedSearched.has(name)) continue;
      // The value stands in the global ARG; report it once, for the first stage that uses it.
      this.inheritedSearched.add(name);
      this.findMusl(inherited, stageIndex);
    }
  }

  private argumentsText(instruction: Instruction): MappedText {
    const { source, lines, escape } = this.context;
    const start = lines.offsetAt(instruction.getInstructionRange().end);
    return joinContinuations(source, start, lines.offsetAt(instruction.getRange().end), escape);
  }

  private findMusl(text: MappedText, stageIndex: number): void {
    const { lines } = this.context;
    for (const triple of findMuslTriples(text)) {
      this.muslTargets.push({
        target: triple.target,
        range: lines.rangeOf(triple.start, triple.end),
        stageIndex,
      });
    }
  }
}
