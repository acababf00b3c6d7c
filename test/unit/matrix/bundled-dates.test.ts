/**
 * The bundled matrix on real days: the document calls versions "current" whose support ended
 * before 2026-12-03. Each boundary is tested on both sides with a fixed day.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, lastDayOf } from '../../../server/src/matrix/dates';
import { BUNDLED_MATRIX } from '../../../server/src/matrix/load';
import { indexMatrix } from '../../../server/src/matrix/lookup';
import { recommendedVersion, statusAt } from '../../../server/src/matrix/status';
import type { MatrixEntry } from '../../../server/src/matrix/types';

const TODAY = '2026-12-03';

function entry(id: string): MatrixEntry {
  const found = BUNDLED_MATRIX.entries.find((candidate) => candidate.id === id);
  assert.ok(found, `no bundled entry ${id}`);
  return found;
}

function state(id: string, today: string): string {
  return statusAt(BUNDLED_MATRIX, entry(id), today).state;
}

/** Dated runtime entries and the last day of support the document implies. */
const BOUNDARIES: readonly (readonly [string, string])[] = [
  ['runtime/python/3.12', '2027-10-31'],
  ['runtime/python/3.11', '2027-10-31'],
  ['runtime/python/3.10', '2026-10-31'],
  ['runtime/node/20', '2026-04-30'],
  ['runtime/node/18', '2025-04-30'],
  ['runtime/node/22', '2025-10-31'],
  ['runtime/go/1.22', '2025-02-28'],
  ['runtime/go/1.21', '2024-08-31'],
  ['runtime/go/1.20', '2024-02-29'],
  ['runtime/go/1.19', '2023-12-31'],
  ['runtime/java/17', '2026-09-30'],
  ['runtime/java/11', '2026-09-30'],
  ['runtime/dotnet/8', '2026-11-30'],
  ['runtime/php/8.3', '2025-12-31'],
  ['runtime/php/8.2', '2024-12-31'],
  ['runtime/php/8.1', '2023-11-30'],
  ['runtime/php/8.0', '2023-11-30'],
];

void describe('bundled runtime support windows', () => {
  for (const [id, lastDay] of BOUNDARIES) {
    void it(`${id}: supported on ${lastDay}, ended the day after`, () => {
      const onLastDay = statusAt(BUNDLED_MATRIX, entry(id), lastDay);
      assert.equal(onLastDay.state, 'ending-soon');
      assert.equal(onLastDay.lastDay, lastDay);
      assert.equal(state(id, addDays(lastDay, 1)), 'ended');
      assert.equal(state(id, addDays(lastDay, -91)), 'in-support');
    });
  }

  void it('computes each Ruby end from its release date, three years on', () => {
    for (const id of ['runtime/ruby/3.3', 'runtime/ruby/3.2', 'runtime/ruby/3.1']) {
      const support = entry(id).support;
      assert.equal(support.kind, 'rule', id);
      if (support.kind !== 'rule') continue;
      const lastDay = lastDayOf(support.date);
      assert.ok(lastDay !== undefined);
      assert.equal(lastDay.slice(5), support.released.slice(5), id);
      assert.equal(Number(lastDay.slice(0, 4)) - Number(support.released.slice(0, 4)), 3, id);
      assert.equal(state(id, lastDay), 'ending-soon');
      assert.equal(state(id, addDays(lastDay, 1)), 'ended');
    }
  });
});

void describe(`the bundled matrix on ${TODAY}`, () => {
  void it('shows the versions the document calls current as past their end', () => {
    const ended = [
      'runtime/python/3.10',
      'runtime/node/18',
      'runtime/node/20',
      'runtime/node/22',
      'runtime/go/1.19',
      'runtime/go/1.20',
      'runtime/go/1.21',
      'runtime/go/1.22',
      'runtime/php/8.0',
      'runtime/php/8.1',
      'runtime/php/8.2',
      'runtime/php/8.3',
      'runtime/dotnet/8',
    ];
    for (const id of ended) assert.equal(state(id, TODAY), 'ended', id);
  });

  void it('keeps the rest where the document puts them', () => {
    assert.equal(state('runtime/python/3.12', TODAY), 'in-support');
    assert.equal(state('runtime/java/21', TODAY), 'open-ended');
    assert.equal(state('runtime/rust/1.75+', TODAY), 'rolling');
    assert.equal(state('runtime/dotnet/framework-4', TODAY), 'not-applicable');
    assert.equal(state('runtime/php/7', TODAY), 'ended');
  });

  void it('recommends, out of support where nothing Tier 1 is left', () => {
    const recommend = (language: Parameters<typeof recommendedVersion>[1]) => {
      const found = recommendedVersion(BUNDLED_MATRIX, language, TODAY);
      return found && `${found.entry.id}${found.inSupport ? '' : ' (ended)'}`;
    };
    assert.equal(recommend('python'), 'runtime/python/3.12');
    assert.equal(recommend('node'), 'runtime/node/20 (ended)');
    assert.equal(recommend('go'), 'runtime/go/1.22 (ended)');
    assert.equal(recommend('java'), 'runtime/java/21');
    assert.equal(recommend('rust'), 'runtime/rust/1.75+');
    assert.equal(recommend('dotnet'), 'runtime/dotnet/8 (ended)');
    assert.equal(recommend('ruby'), 'runtime/ruby/3.3');
    assert.equal(recommend('php'), 'runtime/php/8.3 (ended)');
  });
});

void describe('lookups on the bundled matrix', () => {
  const index = indexMatrix(BUNDLED_MATRIX);

  void it('knows every runtime’s images', () => {
    const images: readonly (readonly [string, string | undefined, string])[] = [
      ['python', undefined, 'python'],
      ['library/node', 'docker.io', 'node'],
      ['golang', 'registry.cleanstart.com', 'go'],
      ['eclipse-temurin', undefined, 'java'],
      ['java', 'registry.cleanstart.com', 'java'],
      ['rust', undefined, 'rust'],
      ['dotnet/aspnet', 'mcr.microsoft.com', 'dotnet'],
      ['ruby', undefined, 'ruby'],
      ['php', undefined, 'php'],
    ];
    for (const [repository, registry, language] of images) {
      assert.equal(index.runtimeForImage(repository, registry), language, repository);
    }
  });

  void it('finds packages and tools by the names people write', () => {
    assert.deepEqual(index.packageEntries('pypi', 'Django').map((found) => found.id).length, 2);
    assert.ok(index.packageEntries('pypi', 'psycopg2_binary').length > 0);
    assert.ok(index.packageEntries('npm', '@nestjs/core').length > 0);
    const echo = index.packageEntries('go', 'github.com/labstack/echo');
    assert.deepEqual(
      echo.map((found) => found.id),
      ['framework/go/echo/4'],
    );
    assert.equal(index.packageManagerEntry('pip3', 'python')?.name, 'pip');
    assert.equal(index.packageManagerEntry('bundle')?.language, 'ruby');
  });
});
