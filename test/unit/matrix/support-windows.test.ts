import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bundledMatrix } from '../../../server/src/matrix/generated/bundledMatrix';
import type { SupportWindow } from '../../../server/src/matrix/types';

// Each support-end cell of the runtime tables and how it is modelled. Ruby's "3 years after
// release" rows have their own test, with the release dates.
const supportWindows: Record<string, SupportWindow> = {
  'Oct 2027': { kind: 'date', date: '2027-10' },
  'Oct 2026': { kind: 'date', date: '2026-10' },
  'Oct 2025': { kind: 'date', date: '2025-10' },
  'Oct 2024': { kind: 'date', date: '2024-10' },
  'Jan 2020': { kind: 'date', date: '2020-01' },
  'April 2026': { kind: 'date', date: '2026-04' },
  'April 2025': { kind: 'date', date: '2025-04' },
  'April 2023': { kind: 'date', date: '2023-04' },
  'Sept 2023': { kind: 'date', date: '2023-09' },
  'Feb 2025': { kind: 'date', date: '2025-02' },
  'Aug 2024': { kind: 'date', date: '2024-08' },
  'Feb 2024': { kind: 'date', date: '2024-02' },
  'Dec 2023': { kind: 'date', date: '2023-12' },
  'Sept 2026+': { kind: 'open-ended', from: '2026-09' },
  'Sept 2026': { kind: 'date', date: '2026-09' },
  'Dec 2030': { kind: 'date', date: '2030-12' },
  'Nov 2026': { kind: 'date', date: '2026-11' },
  'May 2024': { kind: 'date', date: '2024-05' },
  'Nov 2024': { kind: 'date', date: '2024-11' },
  'Windows only, not applicable': { kind: 'not-applicable', reason: 'Windows only' },
  'EOL April 2024': { kind: 'date', date: '2024-04' },
  'Dec 2025': { kind: 'date', date: '2025-12' },
  'Dec 2024': { kind: 'date', date: '2024-12' },
  'Nov 2023': { kind: 'date', date: '2023-11' },
  EOL: { kind: 'ended' },
};

// Support-end cells modelled by rule or as rolling; tested on their own below.
const modelledElsewhere = new Set([
  '3 years after release',
  'Current stable released every 6 weeks',
  'Minimum supported Rust version',
]);

const runtimes = bundledMatrix.entries.filter((entry) => entry.category === 'runtime');

void describe('support windows', () => {
  void it('models every dated, open-ended, ended and not-applicable support end', () => {
    for (const entry of runtimes) {
      const text = entry.supportEnds ?? '';
      if (modelledElsewhere.has(text)) continue;
      assert.deepEqual(entry.support, supportWindows[text], `${entry.id}: "${text}"`);
    }
  });

  void it('computes Ruby support ends as three years after each release', () => {
    const expected: Record<string, readonly [string, string]> = {
      '3.3': ['2023-12-25', '2026-12-25'],
      '3.2': ['2022-12-25', '2025-12-25'],
      '3.1': ['2021-12-25', '2024-12-25'],
    };
    for (const [version, [released, date]] of Object.entries(expected)) {
      const entry = runtimes.find((item) => item.language === 'ruby' && item.version === version);
      const support = entry?.support;
      assert.equal(support?.kind, 'rule', version);
      if (support?.kind !== 'rule') continue;
      assert.equal(support.rule, '3 years after release');
      assert.equal(support.released, released);
      assert.equal(support.date, date);
      assert.match(support.source, new RegExp(`ruby-lang\\.org.*${released.replace(/-/g, '/')}`));
    }
  });

  void it('models both Rust rows as rolling', () => {
    const rust = runtimes.filter((entry) => entry.language === 'rust');
    assert.equal(rust.length, 2);
    for (const entry of rust) assert.equal(entry.support.kind, 'rolling');
    const msrv = rust.find((entry) => entry.version === 'MSRV (1.70)');
    assert.equal(msrv?.range, '>=1.70 <1.75');
    assert.match(msrv?.support.kind === 'rolling' ? msrv.support.description : '', /moves/);
  });

  void it('gives entries outside the runtime tables no support end', () => {
    for (const entry of bundledMatrix.entries) {
      if (entry.category !== 'runtime') assert.deepEqual(entry.support, { kind: 'none' }, entry.id);
    }
  });
});
