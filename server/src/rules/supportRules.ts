/**
 * `runtime-support` and `dependency-support`: versions the matrix rates below a supported Tier 1
 * choice. Both judge subjects the same way and differ only in which subjects they look at.
 */
import type { Finding, Fix, RelatedLocation, Severity } from '../engine/finding';
import { recommendedVersion, type EntryStatus } from '../matrix/status';
import type { MatrixEntry } from '../matrix/types';
import type { RuleContext, Rule } from './context';
import { entryTitle, entryVersion, languageName, supportPhrase } from './describe';
import { compareEntryVersions, judge, rank, type Verdict } from './judge';
import { packageVersionFixes, runtimeVersionFixes } from './fixes/versionFixes';
import type { Subject } from './subjects';

function severityOf(verdict: Verdict): Severity | undefined {
  switch (verdict.kind) {
    case 'fine':
      return verdict.alsoAdmits.length > 0 ? 'hint' : undefined;
    case 'newer':
      return 'information';
    case 'unlisted':
      return 'warning';
    case 'entry':
      return rank(verdict.status) >= 4 ? 'warning' : 'information';
  }
}

function subjectTitle(subject: Subject): string {
  const language = subject.language;
  if (subject.kind === 'runtime' && language) {
    return `${languageName(language)} ${subject.written}`.trim();
  }
  const entry = subject.entries[0];
  const name =
    entry?.category === 'database-client' && entry.database
      ? `${subject.name} (${entry.database} client)`
      : (entry?.name ?? subject.name);
  return `${name} ${subject.written}`.trim();
}

/** "(matches Django 3.2)" when the entry names versions, so the reader sees which row applies. */
function matchedEntry(subject: Subject, entry: MatrixEntry): string {
  if (subject.kind === 'runtime' || entry.range === '*') return '';
  return ` (matches ${entryTitle(entry)})`;
}

/** What to move to, as a sentence: "Use 3.12." / "No Node.js version … is still in support." */
function advice(subject: Subject, context: RuleContext, current?: MatrixEntry): string {
  if (subject.kind === 'runtime' && subject.language) {
    const recommendation = recommendedVersion(
      context.matrix,
      subject.language,
      context.today,
      context.settings.lookaheadDays,
    );
    if (!recommendation) return '';
    const name = languageName(subject.language);
    const version = entryVersion(recommendation.entry);
    if (!recommendation.inSupport) {
      const newest = recommendation.entry === current ? '' : ` The best remaining is ${version}.`;
      return ` No ${name} version in the matrix is still in support.${newest}`;
    }
    return recommendation.entry === current ? '' : ` Use ${version}.`;
  }
  const best = bestPackageEntry(subject);
  return best && best !== current ? ` Use ${entryTitle(best)}.` : '';
}

/** The package's best-rated entry: Tier 1 first, newest first. */
export function bestPackageEntry(subject: Subject): MatrixEntry | undefined {
  return [...subject.entries]
    .filter((entry) => entry.tier === 1 && entry.range !== '*')
    .sort((a, b) => compareEntryVersions(b, a))[0];
}

function entryMessage(subject: Subject, status: EntryStatus, context: RuleContext): string {
  const title = subject.kind === 'runtime' ? entryTitle(status.entry) : subjectTitle(subject);
  const support = supportPhrase(status);
  const matched = matchedEntry(subject, status.entry);
  let sentence: string;
  if (status.tier === 3) {
    sentence = `${title}${matched} is Tier 3 on CleanStart: expected compatible, not tested, no support${support ? `; ${support}` : ''}.`;
  } else if (status.state === 'ended' || status.state === 'not-applicable') {
    sentence = `${title}${matched} is Tier ${status.tier} on CleanStart, but ${support ?? 'its support has ended'}.`;
  } else if (status.state === 'ending-soon') {
    sentence = `${title}${matched} is Tier ${status.tier} on CleanStart; ${support}.`;
  } else {
    sentence = `${title}${matched} is Tier 2 on CleanStart: community tested, fixes in ${status.tierInfo.response.text}${support ? `; ${support}` : ''}.`;
  }
  return sentence + advice(subject, context, status.entry);
}

function message(subject: Subject, verdict: Verdict, context: RuleContext): string {
  const title = subjectTitle(subject);
  switch (verdict.kind) {
    case 'entry':
      return entryMessage(subject, verdict.status, context);
    case 'unlisted':
      return `${title} is not in the CleanStart matrix, which makes it Tier 3 by definition: expected compatible, no specific testing.${advice(subject, context)}`;
    case 'newer':
      return `${title} is newer than every version in the CleanStart matrix: expected compatible, not tested yet.`;
    case 'fine': {
      const others = verdict.alsoAdmits.map((status) => entryTitle(status.entry)).join(', ');
      return `${title} also admits ${others}, rated below Tier 1 or out of support.${advice(subject, context)}`;
    }
  }
}

function relatedOf(subject: Subject): RelatedLocation[] {
  const source = subject.image?.reference.tagFrom;
  if (!source) return [];
  return [
    { range: source.range, message: `The tag comes from ARG ${source.name}=${source.value}` },
  ];
}

function findingsFor(subject: Subject, context: RuleContext, rule: Rule['id']): Finding[] {
  const verdict = judge(subject, context.matrix, context.today, context.settings.lookaheadDays);
  if (!verdict) return [];
  if (verdict.kind === 'newer' && !context.settings.reportNewerVersions) return [];
  const severity = severityOf(verdict);
  if (!severity) return [];
  const status = verdict.kind === 'entry' ? verdict.status : undefined;
  let fixes: Fix[] = [];
  if (verdict.kind === 'entry' || verdict.kind === 'unlisted') {
    fixes =
      subject.kind === 'runtime'
        ? runtimeVersionFixes(subject, context, verdict)
        : packageVersionFixes(subject, bestPackageEntry(subject));
  }
  return [
    {
      rule,
      range: subject.range,
      severity,
      message: message(subject, verdict, context),
      entryId: status?.entry.id,
      deprecated: status?.state === 'ended' ? true : undefined,
      related: relatedOf(subject),
      fixes,
    },
  ];
}

export const runtimeSupport: Rule = {
  id: 'runtime-support',
  check(context) {
    return context.subjects
      .filter((subject) => subject.kind === 'runtime')
      .flatMap((subject) => findingsFor(subject, context, 'runtime-support'));
  },
};

export const dependencySupport: Rule = {
  id: 'dependency-support',
  check(context) {
    return context.subjects
      .filter((subject) => subject.kind === 'package')
      .flatMap((subject) => findingsFor(subject, context, 'dependency-support'));
  },
};
