import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recommendedVersion, supportedVersions } from '../../../server/src/matrix/status';
import type { Language, MatrixEntry } from '../../../server/src/matrix/types';
import { entry, RUNTIMES, sampleMatrix } from './sampleMatrix';

const matrix = sampleMatrix();

function recommended(language: Language, today: string) {
  const recommendation = recommendedVersion(matrix, language, today);
  return recommendation && { id: recommendation.entry.id, inSupport: recommendation.inSupport };
}

function order(language: Language, today: string): string[] {
  return supportedVersions(matrix, language, today).map((status) => status.entry.id);
}

void describe('recommendedVersion', () => {
  const today = '2026-12-03';

  void it('picks the newest Tier 1 version in support', () => {
    assert.deepEqual(recommended('python', today), { id: 'runtime/python/3.12', inSupport: true });
    assert.deepEqual(recommended('java', today), { id: 'runtime/java/21', inSupport: true });
    assert.deepEqual(recommended('rust', today), { id: 'runtime/rust/1.75+', inSupport: true });
    assert.deepEqual(recommended('ruby', today), { id: 'runtime/ruby/3.3', inSupport: true });
  });

  void it('falls back to the Tier 1 version that ended last when none is in support', () => {
    assert.deepEqual(recommended('node', today), { id: 'runtime/node/20', inSupport: false });
    assert.deepEqual(recommended('go', today), { id: 'runtime/go/1.22', inSupport: false });
    assert.deepEqual(recommended('php', today), { id: 'runtime/php/8.3', inSupport: false });
    assert.deepEqual(recommended('dotnet', today), {
      id: 'runtime/dotnet/8',
      inSupport: false,
    });
  });

  void it('changes answer on each side of a boundary', () => {
    assert.deepEqual(recommended('dotnet', '2026-11-30'), {
      id: 'runtime/dotnet/8',
      inSupport: true,
    });
    assert.deepEqual(recommended('node', '2026-04-30'), {
      id: 'runtime/node/20',
      inSupport: true,
    });
    assert.deepEqual(recommended('node', '2026-05-01'), {
      id: 'runtime/node/20',
      inSupport: false,
    });
    assert.deepEqual(recommended('ruby', '2026-12-26'), {
      id: 'runtime/ruby/3.3',
      inSupport: false,
    });
  });

  void it('prefers the version that ended most recently over a newer one that ended earlier', () => {
    const entries: MatrixEntry[] = [
      entry({
        id: 'new',
        category: 'runtime',
        language: 'go',
        name: 'Go',
        tier: 1,
        range: '>=2 <3',
        support: { kind: 'date', date: '2025-01' },
      }),
      entry({
        id: 'old',
        category: 'runtime',
        language: 'go',
        name: 'Go',
        tier: 1,
        range: '>=1 <2',
        support: { kind: 'date', date: '2025-06' },
      }),
    ];
    const recommendation = recommendedVersion(sampleMatrix(entries), 'go', '2026-12-03');
    assert.equal(recommendation?.entry.id, 'old');
    assert.equal(recommendation.inSupport, false);
  });

  void it('uses Tier 2 only for a language without Tier 1, and never Tier 3', () => {
    const withoutTier1 = RUNTIMES.filter(
      (candidate) => !(candidate.language === 'python' && candidate.tier === 1),
    );
    const tier2 = recommendedVersion(sampleMatrix(withoutTier1), 'python', '2026-10-31');
    assert.equal(tier2?.entry.id, 'runtime/python/3.10');
    assert.equal(tier2.inSupport, true);
    assert.equal(
      recommendedVersion(sampleMatrix(withoutTier1), 'python', '2026-12-03')?.inSupport,
      false,
    );

    const onlyTier3 = RUNTIMES.filter(
      (candidate) => candidate.language === 'python' && candidate.tier === 3,
    );
    assert.equal(recommendedVersion(sampleMatrix(onlyTier3), 'python', '2026-12-03'), undefined);
    assert.equal(recommendedVersion(sampleMatrix([]), 'python', '2026-12-03'), undefined);
  });
});

void describe('supportedVersions', () => {
  void it('orders by tier, then in support newest first, then most recently ended', () => {
    assert.deepEqual(order('python', '2026-12-03'), [
      'runtime/python/3.12',
      'runtime/python/3.11',
      'runtime/python/3.10',
      'runtime/python/3.9',
      'runtime/python/2.7',
    ]);
    assert.deepEqual(order('dotnet', '2026-12-03'), [
      'runtime/dotnet/8',
      'runtime/dotnet/6',
      'runtime/dotnet/7',
      'runtime/dotnet/framework-4',
    ]);
  });

  void it('puts a version in support before a newer one that ended', () => {
    assert.deepEqual(order('ruby', '2026-12-26'), [
      'runtime/ruby/3.3',
      'runtime/ruby/3.2',
      'runtime/ruby/3.0',
    ]);
    assert.deepEqual(order('java', '2026-12-03'), [
      'runtime/java/21',
      'runtime/java/17',
      'runtime/java/11',
      'runtime/java/8',
    ]);
    assert.deepEqual(order('rust', '2026-12-03'), ['runtime/rust/1.75+', 'runtime/rust/msrv']);
  });

  void it('carries each entry’s status', () => {
    const [first] = supportedVersions(matrix, 'node', '2026-12-03');
    assert.equal(first?.state, 'ended');
    assert.equal(first.lastDay, '2026-04-30');
  });
});
