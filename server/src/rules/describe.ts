/** Wording shared by the rules' messages and the hover cards. */
import { describeDays, formatMonth } from '../matrix/dates';
import type { EntryStatus } from '../matrix/status';
import type { Language, MatrixEntry, Tier } from '../matrix/types';

const LANGUAGE_NAMES: Record<Language, string> = {
  python: 'Python',
  node: 'Node.js',
  go: 'Go',
  java: 'Java',
  rust: 'Rust',
  dotnet: '.NET',
  ruby: 'Ruby',
  php: 'PHP',
};

export function languageName(language: Language): string {
  return LANGUAGE_NAMES[language];
}

/** "Tier 1 (officially tested)". */
export function tierLabel(tier: Tier): string {
  switch (tier) {
    case 1:
      return 'Tier 1 (officially tested)';
    case 2:
      return 'Tier 2 (community tested)';
    case 3:
      return 'Tier 3 (expected compatible, not tested)';
  }
}

/** The version as people say it: the entry's version without LTS-style suffixes ("20 LTS" → "20"). */
export function entryVersion(entry: MatrixEntry): string {
  const version = entry.version ?? '';
  return version.replace(/(?<!\s)\s+LTS$/i, '').replace(/^\.NET\s+/, '');
}

/** "Python 3.9", "Django 3.2", "Node.js 20". */
export function entryTitle(entry: MatrixEntry): string {
  const version = entryVersion(entry);
  const name =
    entry.language && entry.category === 'runtime' ? languageName(entry.language) : entry.name;
  if (version === '' || version === '-' || version === 'stdlib') return name;
  if (version.startsWith(name)) return version;
  return `${name} ${version}`;
}

/** The support end in words: "support ended Oct 2025, 1 year ago", "support ends Oct 2027". */
export function supportPhrase(status: EntryStatus): string | undefined {
  const support = status.entry.support;
  const when =
    support.kind === 'date' || support.kind === 'rule'
      ? (formatMonth(support.date) ?? support.date)
      : status.entry.supportEnds;
  switch (status.state) {
    case 'ended':
      if (status.daysLeft === undefined) return 'support has ended';
      return `support ended ${when} (${describeDays(status.daysLeft).replace(/^ended /, '')})`;
    case 'ending-soon':
      return `support ${describeDays(status.daysLeft ?? 0)} (${when})`;
    case 'in-support':
      return `supported until ${when}`;
    case 'open-ended':
      return `supported until at least ${when}`;
    case 'rolling':
      return 'supported on a rolling basis';
    case 'not-applicable':
      return status.entry.supportEnds ?? 'not applicable';
    case 'unknown':
      return undefined;
  }
}
