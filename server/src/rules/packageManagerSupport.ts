/** `package-manager-support`: package managers the matrix rates below Tier 1 (pipenv) or does not support (conda). */
import type { Finding } from '../engine/finding';
import type { MatrixEntry } from '../matrix/types';
import type { Rule, RuleContext } from './context';

function alternatives(entry: MatrixEntry, context: RuleContext): string {
  const names = context.matrix.entries
    .filter(
      (other) =>
        other.category === 'package-manager' &&
        other.language === entry.language &&
        other.tier === 1 &&
        other.method?.applicable !== false,
    )
    .map((other) => other.name);
  if (names.length === 0) return '';
  const list =
    names.length === 1
      ? names[0]
      : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
  return ` Use ${list}.`;
}

export const packageManagerSupport: Rule = {
  id: 'package-manager-support',
  check(context) {
    const findings: Finding[] = [];
    for (const subject of context.subjects) {
      const entry = subject.kind === 'package-manager' ? subject.entries[0] : undefined;
      if (!entry || entry.tier === 1) continue;
      const notes = entry.notes ? ` (${entry.notes})` : '';
      const unsupported = entry.tier === 3 || entry.method?.applicable === false;
      const message = unsupported
        ? `${entry.name} is not supported on CleanStart: Tier 3${notes}.${alternatives(entry, context)}`
        : `${entry.name} is Tier ${entry.tier} on CleanStart: community tested${notes}.${alternatives(entry, context)}`;
      findings.push({
        rule: 'package-manager-support',
        range: subject.range,
        severity: unsupported ? 'warning' : 'information',
        message,
        entryId: entry.id,
        fixes: [],
      });
    }
    return findings;
  },
};
