/**
 * The hover card for one subject: what the matrix says about the version written there, built to
 * be read at a glance (a title line with the tier and the support state in words, then a short
 * list).
 */
import type { Finding, RuleId } from '../engine/finding';
import type { EntryStatus } from '../matrix/status';
import { describeStatus, recommendedVersion, tierInfo } from '../matrix/status';
import type { Language, Matrix, MatrixEntry, Tier } from '../matrix/types';
import { entryTitle, languageName, supportPhrase, tierLabel } from '../rules/describe';
import { admittedStatuses, compareEntryVersions, judge } from '../rules/judge';
import type { Verdict } from '../rules/judge';
import type { Subject } from '../rules/subjects';
import { bestPackageEntry } from '../rules/supportRules';
import { ALL_VERSIONS } from '../versions/versionSet';
import { escapeText } from './reportMarkdown';
import { RULE_IDS, ruleDocsUrl } from '../engine/ruleInfo';

export interface CardContext {
  readonly matrix: Matrix;
  /** `YYYY-MM-DD`. */
  readonly today: string;
  readonly lookaheadDays: number;
  /** Visible findings on the subject, whose rule pages the card links. */
  readonly findings: readonly Finding[];
}

/** The rule that judges each kind of subject. */
const SUBJECT_RULE: Record<Subject['kind'], RuleId> = {
  runtime: 'runtime-support',
  package: 'dependency-support',
  'package-manager': 'package-manager-support',
};

export function renderCard(subject: Subject, context: CardContext): string {
  const verdict = judge(subject, context.matrix, context.today, context.lookaheadDays);
  const admittedEntries = admitted(subject, context);
  const main = verdict?.kind === 'entry' ? verdict.status : admittedEntries[0];

  const blocks: string[] = [titleLine(subject, verdict, main), writtenLine(subject)];
  const bullets: string[] = [];
  const recommendation = recommendationBullets(subject, context, main?.entry);
  if (main !== undefined && verdict?.kind !== 'unlisted' && verdict?.kind !== 'newer') {
    // What matters most first: the support state and where to go, then the details.
    const [support, ...details] = entryBullets(main, context.matrix);
    if (support !== undefined) bullets.push(support);
    bullets.push(...recommendation, ...details);
    const others = admittedEntries.filter((status) => status.entry.id !== main.entry.id);
    if (others.length > 0) {
      bullets.push(`**Also admits:** ${others.map(shortStatus).join(', ')}`);
    }
  } else {
    bullets.push(...outsideBullets(subject, verdict, context.matrix), ...recommendation);
  }
  if (subject.kind === 'runtime' && subject.language !== undefined) {
    bullets.push(...performanceBullets(context.matrix, subject.language));
  }
  blocks.push(bullets.map((bullet) => `- ${bullet}`).join('\n'));
  blocks.push(ruleLinks(subject, context.findings));
  return blocks.filter((block) => block !== '').join('\n\n');
}

/** Every listed entry the written versions admit, best first (every entry for a package manager). */
function admitted(subject: Subject, context: CardContext): EntryStatus[] {
  const { matrix, today, lookaheadDays } = context;
  if (subject.versions !== undefined) {
    return admittedStatuses(subject.entries, subject.versions, matrix, today, lookaheadDays);
  }
  if (subject.kind !== 'package-manager') return [];
  return admittedStatuses(subject.entries, ALL_VERSIONS, matrix, today, lookaheadDays);
}

function titleLine(
  subject: Subject,
  verdict: Verdict | undefined,
  main: EntryStatus | undefined,
): string {
  const name = subjectName(subject, main?.entry);
  const title = `**${escapeText(name)}**`;
  switch (verdict?.kind) {
    case 'unlisted':
      return `${title} — not in the matrix, so Tier 3 (expected compatible, not tested)`;
    case 'newer':
      return `${title} — newer than every version in the matrix, not tested yet`;
    default:
      if (main === undefined) return `${title} — no version given`;
      return `${title} — ${tierLabel(main.tier)}${stateBadge(main)}`;
  }
}

/** The support state in words, after the tier: ", support ended". */
function stateBadge(status: EntryStatus): string {
  switch (status.state) {
    case 'ended':
      return ', support ended';
    case 'ending-soon':
      return ', support ending soon';
    case 'in-support':
    case 'open-ended':
    case 'rolling':
      return ', in support';
    case 'not-applicable':
      return ', not applicable to CleanStart';
    case 'unknown':
      return '';
  }
}

function subjectName(subject: Subject, entry: MatrixEntry | undefined): string {
  if (subject.kind === 'runtime' && subject.language !== undefined) {
    return `${languageName(subject.language)} ${subject.written}`.trim();
  }
  const name = entry?.name ?? subject.entries[0]?.name ?? subject.name;
  return `${name} ${subject.written}`.trim();
}

function writtenLine(subject: Subject): string {
  return `Written as ${code(writtenText(subject))}`;
}

/** The subject as the file spells it, in that file's syntax. */
function writtenText(subject: Subject): string {
  const { name, written } = subject;
  switch (subject.source) {
    case 'image':
      return subject.image?.reference.text ?? name;
    case 'engines.node':
    case 'volta.node':
    case 'npm-dependency':
      return `"${name}": "${written}"`;
    case 'packageManager':
      return written === '' ? name : `${name}@${written}`;
    case 'toolchain':
      return `toolchain go${written}`;
    case 'requirement':
    case 'install':
      return `${name}${written}`;
    case 'go':
    case 'go-requirement':
    case 'command':
      return `${name} ${written}`.trim();
  }
}

/** The support line first (the card puts the recommendation after it), then the details. */
function entryBullets(status: EntryStatus, matrix: Matrix): string[] {
  const entry = status.entry;
  const info = tierInfo(matrix, status.tier);
  const support =
    status.state === 'unknown'
      ? '**Support:** no end date given'
      : `**Support:** ${escapeText(describeStatus(status))}`;
  const bullets = [support];
  if (entry.coverage !== undefined)
    bullets.push(`**Test coverage:** ${escapeText(entry.coverage)}`);
  if (info.response.kind !== 'none') bullets.push(responseLine(info.response));
  if (entry.method !== undefined && entry.method.text !== '') {
    bullets.push(`**Method:** ${escapeText(entry.method.text)}`);
  }
  if (entry.notes !== undefined && entry.notes !== '') {
    bullets.push(`**Notes:** ${escapeText(entry.notes)}`);
  }
  bullets.push(`**${tierLabel(status.tier)}:** ${tierSummary(status.tier, matrix)}`);
  return bullets;
}

/** What a version the matrix does not rate means: Tier 3 by definition, or untested newer. */
function outsideBullets(subject: Subject, verdict: Verdict | undefined, matrix: Matrix): string[] {
  const bullets: string[] = [];
  if (verdict?.kind === 'newer') {
    bullets.push(
      'The matrix has not rated this version yet. It should work on CleanStart, but it has no specific testing.',
    );
  } else if (verdict?.kind === 'unlisted') {
    bullets.push(`**Tier 3:** ${tierMeaning(3, matrix)}`);
    bullets.push(responseLine(tierInfo(matrix, 3).response));
  } else {
    bullets.push(
      'No version is written here, so the version installed may change from build to build.',
    );
  }
  const listed = [...subject.entries].sort((a, b) => compareEntryVersions(b, a));
  if (listed.length > 0) {
    const items = listed.map((entry) => `${escapeText(entryTitle(entry))} (Tier ${entry.tier})`);
    bullets.push(`**Listed:** ${items.join(', ')}`);
  }
  return bullets;
}

function recommendationBullets(
  subject: Subject,
  context: CardContext,
  current: MatrixEntry | undefined,
): string[] {
  if (subject.kind === 'runtime' && subject.language !== undefined) {
    const name = languageName(subject.language);
    const recommendation = recommendedVersion(
      context.matrix,
      subject.language,
      context.today,
      context.lookaheadDays,
    );
    if (recommendation === undefined)
      return [`**Recommended:** the matrix lists no ${name} version to suggest`];
    const title = escapeText(entryTitle(recommendation.entry));
    if (!recommendation.inSupport && recommendation.entry === current) {
      return [
        `**Recommended:** nothing better: no ${name} version in the matrix is in support today, and this is the best remaining Tier ${recommendation.entry.tier}`,
      ];
    }
    if (!recommendation.inSupport) {
      return [
        `**Recommended:** none in support; no ${name} version in the matrix is supported today. The best remaining is ${title}: ${escapeText(supportPhrase(recommendation.status) ?? describeStatus(recommendation.status))}`,
      ];
    }
    if (recommendation.entry === current) return [];
    return [`**Recommended:** ${shortStatus(recommendation.status)}`];
  }
  if (subject.kind === 'package') {
    const best = bestPackageEntry(subject);
    if (best === undefined || best === current) return [];
    return [`**Recommended:** ${escapeText(entryTitle(best))} (Tier ${best.tier})`];
  }
  return [];
}

/** The matrix's typical startup time and idle memory for a runtime. */
function performanceBullets(matrix: Matrix, language: Language): string[] {
  const bullets: string[] = [];
  const startup = matrix.performance.startup.find((figure) => figure.language === language);
  if (startup !== undefined) {
    const parts = [
      startup.cold === undefined ? undefined : `${startup.cold.text} cold`,
      startup.warm === undefined ? undefined : `${startup.warm.text} warm`,
    ].filter((part) => part !== undefined);
    if (parts.length > 0) {
      bullets.push(
        `**Typical startup:** ${escapeText(parts.join(', '))} (${escapeText(startup.subject)})`,
      );
    }
  }
  const memory = matrix.performance.memory.find((figure) => figure.language === language);
  if (memory?.memory !== undefined) {
    bullets.push(
      `**Typical idle memory:** ${escapeText(memory.memory.text)} (${escapeText(memory.subject)})`,
    );
  }
  return bullets;
}

function ruleLinks(subject: Subject, findings: readonly Finding[]): string {
  const rules = new Set<RuleId>([SUBJECT_RULE[subject.kind], ...findings.map((f) => f.rule)]);
  const links = RULE_IDS.filter((rule) => rules.has(rule)).map(
    (rule) => `[${rule}](${ruleDocsUrl(rule)})`,
  );
  return `Rules: ${links.join(' · ')}`;
}

/** What a tier is, in the document's words. */
function tierSummary(tier: Tier, matrix: Matrix): string {
  return escapeText(tierInfo(matrix, tier).summary);
}

/** "Officially Tested: every release is tested against it" — the tier's title and summary. */
function tierMeaning(tier: Tier, matrix: Matrix): string {
  const info = tierInfo(matrix, tier);
  const summary = info.summary === '' ? '' : `. ${info.summary}`;
  return escapeText(`Tier ${tier} (${info.title})${summary}`);
}

function responseLine(response: { readonly kind: string; readonly text: string }): string {
  const label = response.kind === 'response-time' ? 'Response time' : 'Fix timeline';
  return `**${label} if something breaks:** ${escapeText(response.text)}`;
}

/** "Python 3.12 (Tier 1, supported until Oct 2027)". */
function shortStatus(status: EntryStatus): string {
  const support = supportPhrase(status);
  const details = support === undefined ? '' : `, ${support}`;
  return `${escapeText(entryTitle(status.entry))} (Tier ${status.tier}${escapeText(details)})`;
}

function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text}${fence}`;
}
