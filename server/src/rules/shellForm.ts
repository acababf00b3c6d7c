/**
 * `shell-form`: instructions that need a shell. CleanStart images have none, so in a stage on such
 * an image a shell-form RUN fails the build and a shell-form CMD or ENTRYPOINT keeps the container
 * from starting. In the final stage of a Dockerfile not yet on CleanStart the same instructions
 * are a migration warning. Builder stages on images with a shell are left alone.
 */
import type { Finding, Fix, RelatedLocation } from '../engine/finding';
import type { CommandInstruction, DockerfileFacts, Stage } from '../parsers/types';
import type { Rule } from './context';
import { execArray, plainWords, whyNotPlain } from './fixes/execForm';
import { displayImage, isWindowsImage, stageHasShell, stageImage } from './images';
import type { Range } from '../util/text';

function imageName(facts: DockerfileFacts, stage: Stage): string {
  const reference = stageImage(facts, stage).reference;
  return reference ? displayImage(reference) : 'its base image';
}

function stageLabel(stage: Stage): string {
  return stage.name ? `stage '${stage.name.value}'` : `stage ${stage.index + 1}`;
}

const CONSEQUENCE: Record<CommandInstruction['keyword'], string> = {
  RUN: 'the build will fail',
  CMD: 'the container will not start',
  ENTRYPOINT: 'the container will not start',
  HEALTHCHECK: 'the health check will always fail',
  SHELL: 'the instructions that use it will fail',
};

/** Which of CMD and ENTRYPOINT a stage has, computed once per stage. */
interface StageCommands {
  readonly cmd: boolean;
  readonly entrypoint: boolean;
}

function stageCommands(stage: Stage): StageCommands {
  return {
    cmd: stage.commands.some((command) => command.keyword === 'CMD'),
    entrypoint: stage.commands.some((command) => command.keyword === 'ENTRYPOINT'),
  };
}

/**
 * Whether turning this instruction into exec form keeps its meaning in its stage: a shell-form
 * ENTRYPOINT ignores CMD, and a CMD is passed to an ENTRYPOINT, so converting either changes what
 * runs when the other is present.
 */
function conversionKeepsMeaning(command: CommandInstruction, present: StageCommands): boolean {
  if (command.keyword === 'ENTRYPOINT') return !present.cmd;
  if (command.keyword === 'CMD') return !present.entrypoint;
  return command.keyword === 'RUN' || command.keyword === 'HEALTHCHECK';
}

interface Conversion {
  readonly fix?: Fix;
  readonly instead: string;
}

function convert(command: CommandInstruction, present: StageCommands): Conversion {
  const keyword = command.keyword;
  if (keyword === 'SHELL') {
    return { instead: 'Remove SHELL and write the instructions in exec form.' };
  }
  const alternative =
    keyword === 'RUN'
      ? 'do this work in a builder stage that has a shell and COPY the result'
      : 'start a program or script that does not need a shell (an entrypoint binary, or a script run by an interpreter the image has)';
  if (command.heredoc) return { instead: `A heredoc needs a shell: ${alternative}.` };
  let words: string[] | undefined;
  let range = command.commandRange;
  let source = command.command ?? '';
  if (command.form === 'exec') {
    const args = command.execArguments ?? [];
    const inner =
      args.length === 3 && /^-\w*c$/.test(args[1]?.value ?? '') ? args[2]?.value : undefined;
    source = inner ?? '';
    words = inner === undefined ? undefined : plainWords(inner);
    range = command.execRange;
  } else {
    words = plainWords(source);
  }
  if (!words || !range) {
    const why =
      command.form === 'exec' && source === ''
        ? 'it calls the shell directly'
        : whyNotPlain(source);
    return { instead: `Exec form cannot say the same here because ${why}: ${alternative}.` };
  }
  if (!conversionKeepsMeaning(command, present)) {
    const other = keyword === 'CMD' ? 'ENTRYPOINT' : 'CMD';
    return {
      instead: `Converting it would change how it combines with the stage's ${other}: ${alternative}.`,
    };
  }
  const array = execArray(words);
  return {
    fix: {
      title: `Use exec form: ${keyword} ${array}`,
      edits: [{ range, newText: array }],
      isPreferred: true,
    },
    instead: `Use exec form: ${keyword} ${array}.`,
  };
}

function describeForm(command: CommandInstruction): string {
  if (command.keyword === 'SHELL') return 'SHELL sets a shell';
  if (command.form === 'exec')
    return `${command.keyword} starts a shell (${command.execArguments?.[0]?.value ?? 'sh'})`;
  return `Shell-form ${command.keyword} runs through /bin/sh`;
}

/** The command text when it fits on one line, else the keyword, so long RUNs are not all underlined. */
function findingRange(command: CommandInstruction): Range {
  const text = command.form === 'exec' ? command.execRange : command.commandRange;
  return text && text.start.line === text.end.line ? text : command.keywordRange;
}

export function needsShell(command: CommandInstruction): boolean {
  if (command.keyword === 'SHELL') return true;
  if (command.form === 'shell') return true;
  return command.form === 'exec' && command.execStartsShell === true;
}

export const shellForm: Rule = {
  id: 'shell-form',
  check(context) {
    const facts = context.facts;
    if (facts.kind !== 'dockerfile') return [];
    const findings: Finding[] = [];
    for (const stage of facts.stages) {
      const hasShell = stageHasShell(facts, stage);
      if (hasShell && !stage.isFinal) continue;
      const reference = stageImage(facts, stage).reference;
      if (reference && isWindowsImage(reference)) continue;
      const origin = stageImage(facts, stage).stage;
      const related: RelatedLocation[] = [
        {
          range: origin.fromRange,
          message: hasShell
            ? `${stageLabel(stage)} is the final stage; its image has a shell today`
            : `${stageLabel(stage)} runs on ${imageName(facts, stage)}, which has no shell`,
        },
      ];
      const present = stageCommands(stage);
      for (const command of stage.commands) {
        if (!needsShell(command)) continue;
        const { fix, instead } = convert(command, present);
        const message = hasShell
          ? `${describeForm(command)}, which CleanStart images do not have: once the final ${stageLabel(stage)} (${imageName(facts, stage)}) moves to CleanStart, ${CONSEQUENCE[command.keyword]}. ${instead}`
          : `${describeForm(command)}, but ${stageLabel(stage)} runs on ${imageName(facts, stage)}, which has no shell: ${CONSEQUENCE[command.keyword]}. ${instead}`;
        findings.push({
          rule: 'shell-form',
          range: findingRange(command),
          severity: hasShell ? 'warning' : 'error',
          message,
          related,
          fixes: fix ? [fix] : [],
        });
      }
    }
    return findings;
  },
};
