/**
 * `musl-libc`: Alpine and other musl-based images, and Rust builds for musl targets. CleanStart
 * images are glibc-based: binaries and native modules built against musl do not run on them.
 */
import type { Finding, Fix } from '../engine/finding';
import { CLEANSTART_REGISTRY } from '../matrix/lookup';
import { recommendedVersion } from '../matrix/status';
import type { Stage } from '../parsers/types';
import type { Rule, RuleContext } from './context';
import { needsShell } from './shellForm';
import { entryVersion } from './describe';
import { referenceEdit } from './fixes/referenceEdit';
import {
  cleanStartRepository,
  cleanStartTag,
  glibcTag,
  imageLanguage,
  displayImage,
  isAlpineImage,
} from './images';

/**
 * Whether moving a stage to a CleanStart image would make instructions fail that are not reported
 * today: a builder stage's, or a stage's built on it, that need a shell. The final stage's are
 * already reported (as a migration warning), so moving it adds no finding.
 */
function switchAddsShellFindings(context: RuleContext, stage: Stage): boolean {
  const facts = context.facts;
  if (facts.kind !== 'dockerfile') return false;
  const affected = new Set([stage.index]);
  for (const other of facts.stages) {
    if (other.baseStage !== undefined && affected.has(other.baseStage)) affected.add(other.index);
  }
  return facts.stages.some(
    (other) => affected.has(other.index) && !other.isFinal && other.commands.some(needsShell),
  );
}

function imageFixes(stage: Stage, context: RuleContext): { fixes: Fix[]; suggestions: string[] } {
  const reference = stage.image;
  const fixes: Fix[] = [];
  const suggestions: string[] = [];
  if (!reference) return { fixes, suggestions };
  const glibc = glibcTag(reference);
  if (glibc !== undefined && reference.tag !== undefined && reference.tagStart !== undefined) {
    const start = reference.tagStart;
    const edit = referenceEdit(reference, start, start + reference.tag.length, glibc);
    suggestions.push(`the glibc variant ${reference.repository}:${glibc}`);
    if (edit) {
      fixes.push({
        title: `Use the glibc variant ${reference.repository}:${glibc}`,
        edits: [edit],
        isPreferred: true,
      });
    }
  }
  const language = imageLanguage(reference, context.index);
  const recommendation = language
    ? recommendedVersion(context.matrix, language, context.today, context.settings.lookaheadDays)
    : undefined;
  if (language && recommendation) {
    const image = `${CLEANSTART_REGISTRY}/${cleanStartRepository(language)}:${cleanStartTag(language, entryVersion(recommendation.entry))}`;
    suggestions.push(`the CleanStart image ${image}`);
    const literal = reference.pieces.every((piece) => piece.arg === undefined);
    const digestFree = reference.digest === undefined;
    if (literal && digestFree && !switchAddsShellFindings(context, stage)) {
      fixes.push({
        title: `Use the CleanStart image ${image}`,
        edits: [{ range: reference.range, newText: image }],
      });
    }
  }
  return { fixes, suggestions };
}

function imageFindings(context: RuleContext): Finding[] {
  const facts = context.facts;
  if (facts.kind !== 'dockerfile') return [];
  const findings: Finding[] = [];
  for (const stage of facts.stages) {
    const reference = stage.image;
    if (!reference || !isAlpineImage(reference)) continue;
    const { fixes, suggestions } = imageFixes(stage, context);
    const name = displayImage(reference);
    const use =
      suggestions.length > 0
        ? ` Use ${suggestions.join(' or ')}.`
        : ' Use a glibc-based image such as Debian or Ubuntu.';
    const where = stage.isFinal
      ? ''
      : ' Artifacts built in this stage carry musl into the images that copy them.';
    findings.push({
      rule: 'musl-libc',
      range: reference.range,
      severity: 'error',
      message: `${name} is built on Alpine's musl libc, but CleanStart images use glibc: binaries and native modules built against musl will not run there ("no such file or directory" for a file that exists).${where}${use}`,
      fixes,
    });
  }
  return findings;
}

function targetFindings(context: RuleContext): Finding[] {
  const facts = context.facts;
  if (facts.kind !== 'dockerfile') return [];
  return facts.muslTargets.map((target) => {
    const gnu = target.target.replace(
      /musl(eabi|eabihf)?$/,
      (_, abi: string | undefined) => `gnu${abi ?? ''}`,
    );
    return {
      rule: 'musl-libc',
      range: target.range,
      severity: 'warning',
      message: `Rust builds for ${target.target} are Tier 3 on CleanStart, which uses glibc. Build for ${gnu} instead.`,
      fixes: [
        {
          title: `Build for ${gnu}`,
          edits: [{ range: target.range, newText: gnu }],
          isPreferred: true,
        },
      ],
    };
  });
}

export const muslLibc: Rule = {
  id: 'musl-libc',
  check(context) {
    return [...imageFindings(context), ...targetFindings(context)];
  },
};
