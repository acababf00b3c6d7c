/**
 * The matrix in force: the bundled one, or the bundled one with a project's override file
 * (`.cleanstart/matrix.yaml`) merged over it. An override that is broken in any way applies not
 * at all, and every problem comes back with its place in the file.
 */
import type { ErrorObject } from 'ajv';
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node } from 'yaml';
import { LineIndex } from '../util/text';
import { parseMatrixRange } from '../versions/versionSet';
import { addYears, lastDayOf } from './dates';
import { bundledMatrix } from './generated/bundledMatrix';
import validateMatrix from './generated/validateMatrix';
import validateOverride from './generated/validateOverride';
import { describeSchemaErrors, formatPath, type DataPath } from './schemaErrors';
import type { Matrix, MatrixEntry, MatrixSource } from './types';

/** A problem in a file, with a 1-based line and column as people count them. */
export interface MatrixProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** Fields to set on the entry with this id, or a whole new entry. */
export type OverrideEntry = { readonly id: string } & Partial<Omit<MatrixEntry, 'id'>>;

/** An override as data, shaped by `matrix/override-schema.json`. */
export interface MatrixOverrideData {
  readonly source?: Partial<MatrixSource>;
  readonly entries?: readonly OverrideEntry[];
}

export interface MatrixOverride {
  readonly data: MatrixOverrideData;
  /** Where the value at `path` stands in the file, or the nearest enclosing value that exists. */
  locate(path: DataPath): { readonly line: number; readonly column: number };
}

export type OverrideResult =
  | { readonly ok: true; readonly override: MatrixOverride }
  | { readonly ok: false; readonly problems: readonly MatrixProblem[] };

export type MergeResult =
  | { readonly ok: true; readonly matrix: Matrix }
  | { readonly ok: false; readonly problems: readonly MatrixProblem[] };

/** An override is a few entries; anything this large is the wrong file. */
export const MAX_OVERRIDE_LENGTH = 1024 * 1024;

/** At most this many problems are listed; a file with more is reported as such. */
const MAX_PROBLEMS = 20;

/** `file:line:col: reason`, the form editors and terminals turn into links. */
export function formatProblem(problem: MatrixProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
}

/**
 * Checks matrix data against the matrix schema; throws when it fails. The bundled matrix passed
 * the same check when it was built, so a failure here is a build bug, never a user's mistake.
 */
export function checkBundledMatrix(data: unknown): Matrix {
  if (validateMatrix(data)) return data as Matrix;
  const reasons = describeSchemaErrors(validateMatrix.errors ?? []).map(
    (error) => `  ${formatPath(error.path) || '(root)'}: ${error.message}`,
  );
  throw new Error(
    `The bundled compatibility matrix does not match matrix/schema.json; run \`npm run build\` ` +
      `and fix matrix/matrix.yaml:\n${reasons.join('\n')}`,
  );
}

export const BUNDLED_MATRIX: Matrix = checkBundledMatrix(bundledMatrix);

function capped(problems: MatrixProblem[]): MatrixProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const last = problems[MAX_PROBLEMS - 1];
  const more = problems.length - MAX_PROBLEMS + 1;
  return [
    ...problems.slice(0, MAX_PROBLEMS - 1),
    { file: last?.file ?? '', line: 1, column: 1, message: `and ${more} more problems` },
  ];
}

/** The YAML node at `path`, following aliases, or the deepest node on the way that exists. */
function nodeAt(document: Document, path: DataPath, atKey = false): Node | undefined {
  let node: unknown = document.contents;
  for (const [index, segment] of path.entries()) {
    if (isAlias(node)) node = node.resolve(document);
    let child: unknown;
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (pair && atKey && index === path.length - 1) return pair.key as Node;
      child = pair?.value ?? pair?.key;
    } else if (isSeq(node) && typeof segment === 'number') {
      child = node.items[segment];
    }
    if (child === undefined || child === null) break;
    node = child;
  }
  return isAlias(node) || isMap(node) || isSeq(node) || isScalar(node) ? node : undefined;
}

/** Lone `\r` line breaks become `\n` (same length, so offsets hold); the parser counts only `\n`. */
function normalizeBreaks(text: string): string {
  return text.replace(/\r(?!\n)/g, '\n');
}

/** ` \`name\`` for the mapping key written at `offset`, or nothing when it cannot be read. */
function keyText(source: string, offset: number): string {
  // Spaces before the colon are trimmed, not matched: `\s*` after `[^:#\n]*?` backtracks
  // quadratically on a long line without a colon.
  const key = /^("[^"\n]*"\s*|'[^'\n]*'\s*|[^:#\n]*(?:\n\s*)?):/
    .exec(source.slice(offset))?.[1]
    ?.trimEnd();
  return key === undefined || key === '' ? '' : ` \`${key}\``;
}

function inputProblem(text: string): string | undefined {
  if (text.length > MAX_OVERRIDE_LENGTH) {
    return `is ${Math.round(text.length / 1024)} KB, over the ${MAX_OVERRIDE_LENGTH / 1024} KB an override may have; is this the right file?`;
  }
  if (text.includes('\u0000')) return 'is binary, not YAML text: save it as UTF-8 text';
  return undefined;
}

/**
 * Reads an override file: YAML holding a mapping with `entries` (and optionally `source`), as
 * `matrix/override-schema.json` describes. Never throws: syntax errors, a document that is not a
 * mapping, schema errors, repeated ids, binary or huge input all come back as problems. An empty
 * file, or one with comments only, is an override that changes nothing.
 */
export function parseMatrixOverride(text: string, fileName: string): OverrideResult {
  const at = (line: number, column: number, message: string): MatrixProblem => ({
    file: fileName,
    line,
    column,
    message,
  });
  const unusable = inputProblem(text);
  if (unusable !== undefined) return { ok: false, problems: [at(1, 1, `the file ${unusable}`)] };

  // A byte order mark is invisible in editors: columns are counted without it.
  const source = normalizeBreaks(text.startsWith('\uFEFF') ? text.slice(1) : text);
  const document = parseDocument(source, { prettyErrors: false, uniqueKeys: true });
  // Counted from the text itself: the parser's own line counter misses lines it stops reading.
  const lines = new LineIndex(source);
  const position = (offset: number) => {
    const { line, character } = lines.positionAt(offset);
    return { line: line + 1, column: character + 1 };
  };
  const problemAt = (offset: number, message: string) => {
    const { line, column } = position(offset);
    return at(line, column, message);
  };

  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: capped(
        document.errors.map((error) => {
          const [start] = error.pos;
          const message =
            error.code === 'DUPLICATE_KEY'
              ? `duplicate key${keyText(source, start)}`
              : `YAML syntax: ${error.message.split('\n')[0] ?? ''}`;
          return problemAt(start, message);
        }),
      ),
    };
  }

  let data: unknown;
  try {
    // Aliases may repeat a few names; an alias bomb stops here instead of eating memory.
    data = document.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [at(1, 1, `the file cannot be read as data: ${reason}`)] };
  }
  data ??= {};

  const locate = (path: DataPath, atKey = false) =>
    position(nodeAt(document, path, atKey)?.range?.[0] ?? 0);

  if (typeof data !== 'object' || Array.isArray(data) || data === null) {
    const { line, column } = locate([]);
    const found = Array.isArray(data) ? 'a list' : 'a single value';
    return {
      ok: false,
      problems: [at(line, column, `expected a mapping with \`entries\`, found ${found}`)],
    };
  }

  if (!validateOverride(data)) {
    const problems = describeSchemaErrors(validateOverride.errors ?? []).map((error) => {
      const { line, column } = locate(error.path, error.atKey);
      return at(line, column, error.message);
    });
    return { ok: false, problems: capped(problems) };
  }

  const override = data as MatrixOverrideData;
  const firstIndex = new Map<string, number>();
  const duplicates: MatrixProblem[] = [];
  (override.entries ?? []).forEach((entry, index) => {
    const first = firstIndex.get(entry.id);
    if (first === undefined) {
      firstIndex.set(entry.id, index);
      return;
    }
    const { line, column } = locate(['entries', index, 'id']);
    const { line: firstLine } = locate(['entries', first, 'id']);
    duplicates.push(
      at(line, column, `duplicate id \`${entry.id}\`, first used on line ${firstLine}`),
    );
  });
  if (duplicates.length > 0) return { ok: false, problems: capped(duplicates) };

  return { ok: true, override: { data: override, locate: (path) => locate(path) } };
}

/**
 * Field by field over the bundled entry: a field given replaces the bundled one, with `names`
 * merged per kind of name, so adding PyPI names keeps the image names.
 */
function mergeEntry(base: MatrixEntry, patch: OverrideEntry): MatrixEntry {
  const merged: MatrixEntry = { ...base, ...patch };
  if (base.names === undefined || patch.names === undefined) return merged;
  return { ...merged, names: { ...base.names, ...patch.names } };
}

/**
 * Checks the schema cannot express, on one entry: the id names the category, ranges parse, dates
 * exist, a rule's date follows from the release date.
 */
function entryProblems(entry: MatrixEntry): { path: DataPath; message: string }[] {
  const problems: { path: DataPath; message: string }[] = [];
  if (!entry.id.startsWith(`${entry.category}/`)) {
    problems.push({
      path: ['id'],
      message: `the id must start with the category \`${entry.category}/\``,
    });
  }
  if (parseMatrixRange(entry.range) === undefined) {
    problems.push({ path: ['range'], message: `\`range\` "${entry.range}" does not parse` });
  }
  if (entry.requires !== undefined && parseMatrixRange(entry.requires.range) === undefined) {
    problems.push({
      path: ['requires', 'range'],
      message: `\`requires.range\` "${entry.requires.range}" does not parse`,
    });
  }
  const support = entry.support;
  const dated =
    support.kind === 'date' || support.kind === 'rule'
      ? { field: 'date', value: support.date }
      : support.kind === 'open-ended'
        ? { field: 'from', value: support.from }
        : undefined;
  if (dated !== undefined && lastDayOf(dated.value) === undefined) {
    problems.push({
      path: ['support', dated.field],
      message: `\`support.${dated.field}\` "${dated.value}" is not a real month or day`,
    });
  }
  if (support.kind === 'rule') {
    const years = /^(\d+) years? after release$/.exec(support.rule);
    const expected = years ? addYears(support.released, Number(years[1])) : undefined;
    if (expected !== undefined && expected !== support.date) {
      problems.push({
        path: ['support', 'date'],
        message: `\`support.date\` must be ${expected}: ${support.rule} from ${support.released}`,
      });
    }
  }
  return problems;
}

/**
 * Applies an override to `base`: an entry whose id exists is merged over it field by field, a
 * new id is added at the end and must be complete. The result is checked as a whole against the
 * matrix schema; on any problem nothing applies and the caller keeps `base`. The merged matrix's
 * `source.origin` names the override file in force.
 */
export function mergeMatrix(base: Matrix, override: MatrixOverride, fileName: string): MergeResult {
  const entries = [...base.entries];
  const indexById = new Map(entries.map((entry, index) => [entry.id, index]));
  /** Merged entry index → index in the override's `entries`. */
  const overrideIndex = new Map<number, number>();
  const added = new Set<number>();

  (override.data.entries ?? []).forEach((patch, patchIndex) => {
    const existing = indexById.get(patch.id);
    if (existing === undefined) {
      // Incomplete until validated below; the schema check reports what is missing.
      entries.push(patch as MatrixEntry);
      indexById.set(patch.id, entries.length - 1);
      added.add(entries.length - 1);
      overrideIndex.set(entries.length - 1, patchIndex);
    } else {
      entries[existing] = mergeEntry(entries[existing] as MatrixEntry, patch);
      overrideIndex.set(existing, patchIndex);
    }
  });

  const given = override.data.source ?? {};
  const origin = given.origin === undefined ? fileName : `${fileName} (${given.origin})`;
  const matrix: Matrix = {
    ...base,
    source: { ...base.source, ...given, origin: `bundled + ${origin}` },
    entries,
  };

  const problem = (path: DataPath, message: string): MatrixProblem => {
    const { line, column } = override.locate(path);
    return { file: fileName, line, column, message };
  };
  /** The override's own path for a path into the merged matrix. */
  const overridePath = (path: DataPath): DataPath => {
    if (path[0] !== 'entries' || typeof path[1] !== 'number') return path;
    const patchIndex = overrideIndex.get(path[1]);
    return patchIndex === undefined ? ['entries'] : ['entries', patchIndex, ...path.slice(2)];
  };
  const subject = (path: DataPath): string => {
    if (path[0] !== 'entries' || typeof path[1] !== 'number') return '';
    const entry = entries[path[1]];
    const kind = added.has(path[1]) ? 'new entry' : 'entry';
    return entry === undefined ? '' : `${kind} \`${entry.id}\`: `;
  };

  if (!validateMatrix(matrix)) {
    const errors: ErrorObject[] = validateMatrix.errors ?? [];
    const problems = describeSchemaErrors(errors).map((error) => {
      const index = error.path[1];
      const isNew = typeof index === 'number' && added.has(index) && error.path.length === 2;
      const hint = isNew && /^missing/.test(error.message) ? ' (a new entry must be complete)' : '';
      return problem(overridePath(error.path), `${subject(error.path)}${error.message}${hint}`);
    });
    return { ok: false, problems: capped(problems) };
  }

  const semantic: MatrixProblem[] = [];
  for (const index of overrideIndex.keys()) {
    const entry = entries[index];
    if (entry === undefined) continue;
    for (const found of entryProblems(entry)) {
      const path = ['entries', index, ...found.path];
      semantic.push(problem(overridePath(path), `${subject(path)}${found.message}`));
    }
  }
  if (semantic.length > 0) return { ok: false, problems: capped(semantic) };
  return { ok: true, matrix };
}

export interface EffectiveMatrix {
  readonly matrix: Matrix;
  /** Why the override did not apply; empty when it applied or there was none. */
  readonly problems: readonly MatrixProblem[];
}

/**
 * The matrix to use: `base` (the bundled matrix) with the override text merged over it, or
 * `base` alone, with the problems, when the override is broken or there is no override.
 */
export function loadEffectiveMatrix(
  overrideText: string | undefined,
  fileName: string,
  base: Matrix = BUNDLED_MATRIX,
): EffectiveMatrix {
  if (overrideText === undefined) return { matrix: base, problems: [] };
  const parsed = parseMatrixOverride(overrideText, fileName);
  if (!parsed.ok) return { matrix: base, problems: parsed.problems };
  const merged = mergeMatrix(base, parsed.override, fileName);
  return merged.ok
    ? { matrix: merged.matrix, problems: [] }
    : { matrix: base, problems: merged.problems };
}
