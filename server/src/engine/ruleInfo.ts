/** What each rule is, for help texts, SARIF metadata and links to the rule pages. */
import type { RuleId, Severity } from './finding';

export interface RuleInfo {
  readonly id: RuleId;
  /** A short title ("Runtime support"). */
  readonly title: string;
  /** One sentence: what the rule reports. */
  readonly summary: string;
  /** The severity of its most serious finding, before settings change it. */
  readonly defaultSeverity: Severity;
}

/** Where the rule pages are published; each page is `<rule id>.md` under it. */
export const RULE_DOCS_BASE =
  'https://github.com/cleanstart/cleanstart-compat/blob/main/docs/rules/';

export const RULE_INFO: readonly RuleInfo[] = [
  {
    id: 'runtime-support',
    title: 'Runtime support',
    summary:
      'A runtime version (base image tag, engines.node, volta.node, go, toolchain) that is Tier 3, past or near its support end, Tier 2, or not in the matrix.',
    defaultSeverity: 'warning',
  },
  {
    id: 'dependency-support',
    title: 'Dependency support',
    summary:
      'A framework, library, web server or database client whose versions are outside the tiers CleanStart tests.',
    defaultSeverity: 'warning',
  },
  {
    id: 'package-manager-support',
    title: 'Package manager support',
    summary: 'A package manager that CleanStart rates Tier 2 (pipenv) or does not support (conda).',
    defaultSeverity: 'warning',
  },
  {
    id: 'musl-libc',
    title: 'musl libc',
    summary:
      'An Alpine or other musl-based image, or a musl build target: CleanStart images are glibc-based.',
    defaultSeverity: 'error',
  },
  {
    id: 'shell-form',
    title: 'Shell form',
    summary:
      'An instruction that needs a shell (shell-form RUN, CMD, ENTRYPOINT, HEALTHCHECK, SHELL, or an exec form that starts one): CleanStart images have no shell.',
    defaultSeverity: 'error',
  },
  {
    id: 'native-extension',
    title: 'Native extension',
    summary: 'A package that compiles native code, which must be built for glibc.',
    defaultSeverity: 'information',
  },
  {
    id: 'unused-suppression',
    title: 'Unused suppression',
    summary: 'A cleanstart-ignore comment that matches no finding or names an unknown rule.',
    defaultSeverity: 'information',
  },
  {
    id: 'parse-error',
    title: 'Parse error',
    summary: 'Part of a file, a config file or a matrix override that could not be read.',
    defaultSeverity: 'warning',
  },
];

export const RULE_IDS: readonly RuleId[] = RULE_INFO.map((rule) => rule.id);

export function isRuleId(text: string): text is RuleId {
  return (RULE_IDS as readonly string[]).includes(text);
}

export function ruleInfo(id: RuleId): RuleInfo {
  const info = RULE_INFO.find((rule) => rule.id === id);
  if (!info) throw new Error(`No rule ${id}`);
  return info;
}

export function ruleDocsUrl(rule: RuleId): string {
  return `${RULE_DOCS_BASE}${rule}.md`;
}
