import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeStatus, statusAt, tierInfo } from '../../../server/src/matrix/status';
import type { Matrix, MatrixEntry } from '../../../server/src/matrix/types';
import { sampleMatrix } from './sampleMatrix';

const matrix = sampleMatrix();

function entryOf(source: Matrix, id: string): MatrixEntry {
  const found = source.entries.find((candidate) => candidate.id === id);
  assert.ok(found, `no entry ${id}`);
  return found;
}

function status(id: string, today: string, lookaheadDays?: number) {
  return statusAt(matrix, entryOf(matrix, id), today, lookaheadDays);
}

/** Every dated runtime row of the document and the last day its support window implies. */
const LAST_DAYS: readonly (readonly [string, string])[] = [
  ['runtime/python/3.12', '2027-10-31'],
  ['runtime/python/3.10', '2026-10-31'],
  ['runtime/python/3.9', '2025-10-31'],
  ['runtime/node/20', '2026-04-30'],
  ['runtime/node/18', '2025-04-30'],
  ['runtime/node/22', '2025-10-31'],
  ['runtime/go/1.22', '2025-02-28'],
  ['runtime/go/1.21', '2024-08-31'],
  ['runtime/go/1.20', '2024-02-29'],
  ['runtime/go/1.19', '2023-12-31'],
  ['runtime/java/17', '2026-09-30'],
  ['runtime/java/8', '2030-12-31'],
  ['runtime/dotnet/8', '2026-11-30'],
  ['runtime/ruby/3.3', '2026-12-25'],
  ['runtime/php/8.3', '2025-12-31'],
  ['runtime/php/8.2', '2024-12-31'],
];

void describe('statusAt on each side of every support end', () => {
  for (const [id, lastDay] of LAST_DAYS) {
    void it(`${id} is supported through ${lastDay} and ended the day after`, () => {
      const onLastDay = status(id, lastDay);
      assert.equal(onLastDay.state, 'ending-soon');
      assert.equal(onLastDay.lastDay, lastDay);
      assert.equal(onLastDay.daysLeft, 0);

      const dayAfter = new Date(`${lastDay}T00:00:00Z`);
      dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
      const ended = status(id, dayAfter.toISOString().slice(0, 10));
      assert.equal(ended.state, 'ended');
      assert.equal(ended.daysLeft, -1);
    });
  }
});

void describe('statusAt on 2026-12-03', () => {
  const today = '2026-12-03';

  void it('shows the versions the document still calls current as past their end', () => {
    const ended = [
      'runtime/python/3.10',
      'runtime/node/20',
      'runtime/node/18',
      'runtime/node/22',
      'runtime/go/1.22',
      'runtime/go/1.21',
      'runtime/go/1.20',
      'runtime/go/1.19',
      'runtime/php/8.3',
      'runtime/php/8.2',
      'runtime/php/8.1',
      'runtime/dotnet/8',
      'runtime/java/17',
      'runtime/java/11',
    ];
    for (const id of ended) assert.equal(status(id, today).state, 'ended', id);
  });

  void it('keeps Python 3.11 and 3.12 in support with days to spare', () => {
    const current = status('runtime/python/3.12', today);
    assert.equal(current.state, 'in-support');
    assert.equal(current.daysLeft, 332);
    assert.equal(current.tier, 1);
    assert.equal(current.tierInfo.title, 'Officially Tested');
  });

  void it('computes Ruby 3.3 from its rule: ending soon, 22 days left', () => {
    const ruby = status('runtime/ruby/3.3', today);
    assert.equal(ruby.state, 'ending-soon');
    assert.equal(ruby.daysLeft, 22);
    assert.equal(status('runtime/ruby/3.2', today).state, 'ended');
  });

  void it('keeps Java 21 open-ended after the month the document names', () => {
    const java = status('runtime/java/21', today);
    assert.equal(java.state, 'open-ended');
    assert.equal(java.lastDay, '2026-09-30');
    assert.equal(java.daysLeft, undefined);
    assert.equal(status('runtime/java/21', '2026-01-01').state, 'open-ended');
  });

  void it('maps the undated windows', () => {
    assert.equal(status('runtime/rust/1.75+', today).state, 'rolling');
    assert.equal(status('runtime/rust/msrv', today).state, 'unknown');
    assert.equal(status('runtime/php/7', today).state, 'ended');
    assert.equal(status('runtime/php/7', today).lastDay, undefined);
    assert.equal(status('runtime/dotnet/framework-4', today).state, 'not-applicable');
    assert.equal(status('framework/python/django/4.2', today).state, 'unknown');
  });
});

void describe('statusAt lookahead', () => {
  void it('counts the lookahead day itself as ending soon', () => {
    assert.equal(status('runtime/python/3.12', '2027-08-02').daysLeft, 90);
    assert.equal(status('runtime/python/3.12', '2027-08-02').state, 'ending-soon');
    assert.equal(status('runtime/python/3.12', '2027-08-01').state, 'in-support');
  });

  void it('honours a custom lookahead, zero included', () => {
    assert.equal(status('runtime/python/3.12', '2027-08-01', 91).state, 'ending-soon');
    assert.equal(status('runtime/python/3.12', '2027-10-30', 0).state, 'in-support');
    assert.equal(status('runtime/python/3.12', '2027-10-31', 0).state, 'ending-soon');
  });
});

void describe('statusAt with bad dates', () => {
  void it('rejects a today that is not a day', () => {
    assert.throws(() => status('runtime/python/3.12', '2026-02-30'), RangeError);
    assert.throws(() => status('runtime/python/3.12', 'today'), /YYYY-MM-DD/);
  });

  void it('yields unknown for a date in the data that is not a month or day', () => {
    const broken = {
      ...entryOf(matrix, 'runtime/python/3.12'),
      support: { kind: 'date', date: 'Oct 2027' },
    } as const;
    assert.equal(statusAt(matrix, broken, '2026-12-03').state, 'unknown');
  });
});

void describe('tierInfo', () => {
  void it('reads the matrix and falls back to a plain title', () => {
    assert.equal(tierInfo(matrix, 2).title, 'Community Tested');
    assert.equal(tierInfo({ ...matrix, tiers: [] }, 3).title, 'Tier 3');
  });
});

void describe('describeStatus', () => {
  const today = '2026-12-03';

  void it('says when support ended or ends, in the document’s unit', () => {
    assert.equal(describeStatus(status('runtime/node/20', today)), 'ended 7 months ago (Apr 2026)');
    assert.equal(describeStatus(status('runtime/ruby/3.3', today)), 'ends in 22 days (2026-12-25)');
    assert.equal(
      describeStatus(status('runtime/python/3.12', today)),
      'ends in 11 months (Oct 2027)',
    );
  });

  void it('describes the undated windows', () => {
    assert.equal(
      describeStatus(status('runtime/java/21', today)),
      'supported at least until Sep 2026, no end announced',
    );
    assert.equal(describeStatus(status('runtime/rust/1.75+', today)), 'every 6 weeks');
    assert.equal(describeStatus(status('runtime/php/7', today)), 'support has ended');
    assert.equal(
      describeStatus(status('runtime/dotnet/framework-4', today)),
      'not applicable: Windows only',
    );
    assert.equal(describeStatus(status('runtime/rust/msrv', today)), 'no support end given');
  });
});
