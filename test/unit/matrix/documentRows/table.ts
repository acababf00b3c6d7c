import type { Language, MatrixEntry } from '../../../../server/src/matrix/types';

// A table of the compatibility matrix document: its rows copied as the document writes them, and
// what each row says about its entry. Where the document lost an empty cell (the package-manager
// Method column), the row shows it empty.

export type Expectation = Partial<Record<keyof MatrixEntry, unknown>>;

export interface Table {
  readonly section: string;
  readonly rows: string;
  /** What the row says about its entry; every field named here is compared. */
  readonly expect: (cells: readonly string[]) => Expectation;
}

export const languageOf: Record<string, Language | undefined> = {
  Python: 'python',
  'Node.js': 'node',
  Go: 'go',
  Java: 'java',
  Any: undefined,
};

export function cells(row: string): string[] {
  const parts = row.split('|').map((cell) => cell.trim());
  if (parts.at(-1) === '') parts.pop();
  return parts;
}

export const cell = (values: readonly string[], index: number): string => values[index] ?? '';
export const optional = (text: string): string | undefined => (text === '' ? undefined : text);

export function runtimeTable(language: Language, name: string, rows: string): Table {
  return {
    section: `Language Runtime Matrix: ${name}`,
    rows,
    expect: (c) => ({
      category: 'runtime',
      language,
      name,
      version: cell(c, 0),
      tier: Number(cell(c, 1)),
      coverage: cell(c, 2),
      supportEnds: cell(c, 3),
      notes: optional(cell(c, 4)),
    }),
  };
}

export function versionedTable(
  category: MatrixEntry['category'],
  language: Language,
  section: string,
  rows: string,
): Table {
  return {
    section,
    rows,
    expect: (c) => ({
      category,
      language,
      name: cell(c, 0),
      version: cell(c, 1),
      tier: Number(cell(c, 2)),
      notes: cell(c, 3),
      support: { kind: 'none' },
    }),
  };
}

export function packageManagerTable(language: Language, section: string, rows: string): Table {
  return {
    section,
    rows,
    expect: (c) => {
      const method = cell(c, 1);
      return {
        category: 'package-manager',
        language,
        name: cell(c, 0),
        method: method === '' ? undefined : { text: method, applicable: method !== 'N/A' },
        tier: Number(cell(c, 2)),
        notes: cell(c, 3),
      };
    },
  };
}

export function plainTable(
  category: MatrixEntry['category'],
  language: Language,
  section: string,
  rows: string,
): Table {
  return {
    section,
    rows,
    expect: (c) => ({
      category,
      language,
      name: cell(c, 0),
      version: undefined,
      tier: Number(cell(c, 1)),
      notes: cell(c, 2),
    }),
  };
}

export function databaseTable(section: string, rows: string): Table {
  return {
    section,
    rows,
    expect: (c) => ({
      category: 'database-client',
      database: cell(c, 0),
      name: cell(c, 1),
      language: languageOf[cell(c, 2)],
      tier: Number(cell(c, 3)),
      notes: cell(c, 4),
    }),
  };
}

/** The rows of a table, one array of cells per non-blank line. */
export function rowsOf(table: Table): string[][] {
  return table.rows
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map(cells);
}
