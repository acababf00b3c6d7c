import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSync } from 'recheck';
import { repositoryRoot } from '../../support/paths';
import { regularExpressionsIn, type FoundExpression } from './regularExpressions';

// recheck's pure JavaScript backend, which it reads at each call: no Java, no native binary, no
// worker or child process, so the check runs the same offline on every machine.
process.env.RECHECK_SYNC_BACKEND = 'pure';

const ROOT = repositoryRoot();

describe('regular expressions in the server', () => {
  const { found, dynamic } = regularExpressionsIn(ROOT, 'server/src');

  it('are all written as literals, so that each can be checked', () => {
    assert.ok(found.length > 50, `found only ${found.length}: is the collector still working?`);
    assert.deepEqual(
      dynamic.map((expression) => `${expression.place}: ${expression.text}`),
      [],
      'RegExp built from a value that is not a literal',
    );
  });

  it('cannot backtrack catastrophically, as recheck proves', (t) => {
    const byPattern = new Map<string, FoundExpression[]>();
    for (const expression of found) {
      const key = `/${expression.source}/${expression.flags}`;
      byPattern.set(key, [...(byPattern.get(key) ?? []), expression]);
    }
    const problems: string[] = [];
    const started = performance.now();
    for (const [pattern, places] of byPattern) {
      const first = places[0] as FoundExpression;
      const result = checkSync(first.source, first.flags, { timeout: 10_000 });
      if (result.status === 'safe') continue;
      const where = places.map((place) => place.place).join(', ');
      if (result.status === 'vulnerable') {
        const attack = result.attack.pattern;
        problems.push(`${where}: ${pattern} is ${result.complexity.summary}; attack ${attack}`);
      } else {
        problems.push(`${where}: ${pattern} could not be checked (${result.error.kind})`);
      }
    }
    t.diagnostic(
      `${byPattern.size} patterns (${found.length} places) in ${Math.round(performance.now() - started)} ms`,
    );
    assert.deepEqual(problems, []);
  });
});
