import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bundledMatrix } from '../../../server/src/matrix/generated/bundledMatrix';
import type { MatrixEntry } from '../../../server/src/matrix/types';
import { infrastructureTables } from './documentRows/infrastructure';
import { languageTables } from './documentRows/languages';
import type { Expectation } from './documentRows/table';
import { rowsOf } from './documentRows/table';

const tables = [...languageTables, ...infrastructureTables];

/** The entry a row describes: same section, and the same value for every identifying field. */
function findEntry(section: string, expected: Expectation): MatrixEntry[] {
  const keys = ['name', 'version', 'database', 'language'] as const;
  return bundledMatrix.entries.filter(
    (entry) =>
      entry.section === section &&
      keys.every((key) => !(key in expected) || entry[key] === expected[key]),
  );
}

void describe('every table row of the document', () => {
  for (const table of tables) {
    void it(`has an entry for each row of ${table.section}`, () => {
      for (const row of rowsOf(table)) {
        const expected = table.expect(row);
        const matches = findEntry(table.section, expected);
        assert.equal(matches.length, 1, `one entry for row "${row.join(' | ')}"`);
        const entry = matches[0] as MatrixEntry;
        for (const [key, value] of Object.entries(expected)) {
          assert.deepEqual(entry[key as keyof MatrixEntry], value, `${entry.id}: ${key}`);
        }
      }
    });
  }

  void it('has no entry that is not a row of the document', () => {
    const rowCount = tables.reduce((sum, table) => sum + rowsOf(table).length, 0);
    assert.equal(bundledMatrix.entries.length, rowCount);
  });

  void it('gives every entry a unique id that starts with its category', () => {
    const ids = bundledMatrix.entries.map((entry) => entry.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const entry of bundledMatrix.entries) assert.ok(entry.id.startsWith(`${entry.category}/`));
  });

  void it('uses readable ids', () => {
    const ids = new Set(bundledMatrix.entries.map((entry) => entry.id));
    for (const id of [
      'runtime/python/3.12',
      'runtime/node/20',
      'runtime/dotnet/8',
      'runtime/rust/1.75+',
      'framework/python/django/3.2',
      'framework/python/django/4.2+',
      'framework/go/gorilla-mux',
      'package-manager/python/pipenv',
      'web-server/python/uvicorn',
      'database-client/python/mongodb/pymongo',
      'database-client/any/postgresql/libpq',
      'host-os/ubuntu/22.04',
      'host-os/debian/12',
      'kubernetes/1.28',
      'kubernetes/before-1.24',
    ]) {
      assert.ok(ids.has(id), id);
    }
  });
});
