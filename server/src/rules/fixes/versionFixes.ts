/** Quick fixes that move a version to one the matrix supports. */
import type { Fix } from '../../engine/finding';
import { supportedVersions, recommendedVersion } from '../../matrix/status';
import type { MatrixEntry } from '../../matrix/types';
import { locateInReference } from '../../parsers/dockerfile';
import type { Version } from '../../versions/version';
import type { VersionSet } from '../../versions/versionSet';
import { goToolchainSet, npmRangeSet, tagVersionSet } from '../../versions/specifiers';
import type { RuleContext } from '../context';
import { entryVersion, languageName } from '../describe';
import { entrySet, isGoodChoice, judge, type Verdict } from '../judge';
import type { Subject } from '../subjects';

/** How many alternative versions a finding offers. */
const MAX_VERSION_FIXES = 3;

function lowerBound(entry: MatrixEntry): Version | undefined {
  return entrySet(entry)[0]?.lower?.version;
}

/**
 * Writes `target` with the precision the user chose: `6.0` → `8.0` (the user's extra zero kept),
 * `3.9.18` → `3.12` (no patch release is invented), `1.21.5` → `1.22.0` when `minimumParts` asks
 * for three parts (Go toolchain names).
 */
export function writeLike(written: string, target: Version, minimumParts = 1): string {
  const parts = written.split('.');
  const result = [...target];
  for (let i = target.length; i < parts.length; i++) {
    if (parts[i] !== '0') break;
    result.push(0);
  }
  while (result.length < minimumParts) result.push(0);
  return result.join('.');
}

/** The runtime entries to offer, best first: supported Tier 1, or the best remaining one. */
function candidates(
  subject: Subject,
  context: RuleContext,
): { entry: MatrixEntry; inSupport: boolean }[] {
  const language = subject.language;
  if (!language) return [];
  const { matrix, today } = context;
  const lookahead = context.settings.lookaheadDays;
  const good = supportedVersions(matrix, language, today, lookahead)
    .filter(isGoodChoice)
    .map((status) => ({ entry: status.entry, inSupport: true }));
  if (good.length > 0) return good.slice(0, MAX_VERSION_FIXES);
  const best = recommendedVersion(matrix, language, today, lookahead);
  return best ? [{ entry: best.entry, inSupport: false }] : [];
}

function title(subject: Subject, entry: MatrixEntry, version: string, inSupport: boolean): string {
  const name = subject.language ? languageName(subject.language) : entry.name;
  const tier = `Tier ${entry.tier}`;
  return inSupport
    ? `Use ${name} ${version} (${tier}, ${entry.supportEnds ? `supported until ${entry.supportEnds}` : 'supported'})`
    : `Use ${name} ${version} (best remaining ${tier}; no ${name} version is still in support)`;
}

/** The versions the subject would admit once `edit` is applied. */
function versionsAfter(subject: Subject, edit: VersionEdit): VersionSet | undefined {
  switch (subject.source) {
    case 'image':
      return tagVersionSet(edit.newText);
    case 'go':
    case 'toolchain':
      return goToolchainSet(edit.newText);
    case 'engines.node':
      return npmRangeSet(edit.replacement);
    default:
      return undefined;
  }
}

/** Whether the subject, moved to the edited version, would be judged exactly as it is now. */
function sameVerdict(
  subject: Subject,
  edit: VersionEdit,
  current: Verdict,
  context: RuleContext,
): boolean {
  const versions = versionsAfter(subject, edit);
  if (!versions) return true;
  const after = judge(
    { ...subject, versions },
    context.matrix,
    context.today,
    context.settings.lookaheadDays,
  );
  if (!after || after.kind !== current.kind) return false;
  return (
    after.kind !== 'entry' ||
    current.kind !== 'entry' ||
    after.status.entry === current.status.entry
  );
}

/**
 * Fixes that move a runtime version to the best supported ones; a candidate that would leave the
 * finding as it is (the file is already on it, or an override makes it match the same entry) is
 * not offered.
 */
export function runtimeVersionFixes(
  subject: Subject,
  context: RuleContext,
  current: Verdict,
): Fix[] {
  const fixes: Fix[] = [];
  for (const [position, candidate] of candidates(subject, context).entries()) {
    const target = lowerBound(candidate.entry);
    if (!target) continue;
    const edit = versionEdit(subject, target);
    if (!edit || edit.unchanged || sameVerdict(subject, edit, current, context)) continue;
    fixes.push({
      title: title(subject, candidate.entry, edit.newText, candidate.inSupport),
      edits: [{ range: edit.range, newText: edit.replacement }],
      isPreferred: position === 0 ? true : undefined,
    });
  }
  return fixes;
}

interface VersionEdit {
  readonly range: Fix['edits'][number]['range'];
  /** The version as it will read. */
  readonly newText: string;
  /** What replaces the range (the version, or a whole range expression). */
  readonly replacement: string;
  readonly unchanged: boolean;
}

function versionEdit(subject: Subject, target: Version): VersionEdit | undefined {
  switch (subject.source) {
    case 'image': {
      const image = subject.image;
      if (!image?.version || image.versionStart === undefined) return undefined;
      const located = locateInReference(
        image.reference,
        image.versionStart,
        image.versionStart + image.version.length,
      );
      if (!located) return undefined;
      const newText = writeLike(image.version, target);
      return {
        range: located.range,
        newText,
        replacement: newText,
        unchanged: newText === image.version,
      };
    }
    case 'go': {
      const newText = writeLike(subject.written, target);
      return {
        range: subject.range,
        newText,
        replacement: newText,
        unchanged: newText === subject.written,
      };
    }
    case 'toolchain': {
      const newText = writeLike(subject.written, target, 3);
      return {
        range: subject.range,
        newText,
        replacement: newText,
        unchanged: newText === subject.written,
      };
    }
    case 'engines.node': {
      const newText = `>=${target.join('.')}`;
      return {
        range: subject.range,
        newText,
        replacement: newText,
        unchanged: newText === subject.written,
      };
    }
    default:
      // volta.node pins an exact release: no release number is invented for it.
      return undefined;
  }
}

/** An npm range for the entry: a caret range where one says it exactly (`^4.0.0` for 4.x). */
function npmRangeFor(lower: Version, upper: Version | undefined): string {
  const caret =
    upper !== undefined &&
    ((lower.length === 1 && upper.length === 1 && upper[0] === (lower[0] ?? 0) + 1) ||
      (lower.length === 2 &&
        lower[0] === 0 &&
        upper.length === 2 &&
        upper[1] === (lower[1] ?? 0) + 1));
  if (caret) return `^${[...lower, 0, 0].slice(0, 3).join('.')}`;
  return upper ? `>=${lower.join('.')} <${upper.join('.')}` : `>=${lower.join('.')}`;
}

/** The specifier that admits exactly the entry's versions, in the subject's own syntax. */
function specifierFor(subject: Subject, entry: MatrixEntry): string | undefined {
  const interval = entrySet(entry)[0];
  const lower = interval?.lower?.version;
  if (!interval || !lower) return undefined;
  const upper = interval.upper?.version;
  const pep440 = upper ? `>=${lower.join('.')},<${upper.join('.')}` : `>=${lower.join('.')}`;
  switch (subject.source) {
    case 'requirement':
      return pep440;
    case 'install':
      return subject.language === 'node' ? `@${npmRangeFor(lower, upper)}` : pep440;
    case 'npm-dependency':
      return npmRangeFor(lower, upper);
    default:
      return undefined;
  }
}

export function packageVersionFixes(subject: Subject, best: MatrixEntry | undefined): Fix[] {
  if (!best || subject.written === '') return [];
  const specifier = specifierFor(subject, best);
  if (specifier === undefined || specifier === subject.written) return [];
  return [
    {
      title: `Require ${best.name} ${entryVersion(best)} (Tier ${best.tier})`,
      edits: [{ range: subject.range, newText: specifier }],
      isPreferred: true,
    },
  ];
}
