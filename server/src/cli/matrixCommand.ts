/**
 * `cleanstart-compat matrix`: prints the compatibility matrix in force (the bundled one, or with
 * the project's override merged over it), as an aligned table or as JSON.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isDay } from '../matrix/dates';
import { formatProblem, loadEffectiveMatrix } from '../matrix/load';
import { describeStatus, statusAt, type EntryStatus, type SupportState } from '../matrix/status';
import { LANGUAGES, type Category, type Language, type MatrixEntry } from '../matrix/types';
import { DEFAULT_OVERRIDE_PATH } from '../node/project';
import { errorCode, type CliIo } from './io';

const COMMAND = 'cleanstart-compat matrix';

/** Where a project keeps its override, relative to the folder the command runs in. */

/** Every category, checked complete by the type: a new category cannot be forgotten here. */
const CATEGORY_NAMES: Readonly<Record<Category, true>> = {
  runtime: true,
  framework: true,
  'package-manager': true,
  'web-server': true,
  'runtime-feature': true,
  deployment: true,
  'runtime-option': true,
  'database-client': true,
  'host-os': true,
  'container-runtime': true,
  kubernetes: true,
  'kubernetes-feature': true,
};
const CATEGORIES = Object.keys(CATEGORY_NAMES) as Category[];

export const MATRIX_HELP = `Usage: ${COMMAND} [options]

Prints the CleanStart compatibility matrix: every entry with its tier and support window. A
project's override file is merged over the bundled matrix when there is one.

Options:
  --format text|json    Output format (default: text).
  --today YYYY-MM-DD    Add each entry's support status on that day.
  --matrix <path>       Override file to merge over the bundled matrix
                        (default: ${DEFAULT_OVERRIDE_PATH}, when it exists).
  --category <name>     Only entries of this category; repeat for more. One of:
                        ${CATEGORIES.join(', ')}.
  --language <name>     Only entries for this language; repeat for more. One of:
                        ${LANGUAGES.join(', ')}.
  -h, --help            Show this help.

Exit status:
  0  The matrix was printed.
  1  The override file is broken: each problem is printed to stderr as file:line:col: reason,
     nothing of the override applies, and the bundled matrix is printed.
  2  Bad usage, or an override path that cannot be read.
`;

interface MatrixOptions {
  readonly format: 'text' | 'json';
  readonly today?: string;
  readonly matrix?: string;
  readonly categories: readonly Category[];
  readonly languages: readonly Language[];
  readonly help: boolean;
}

class UsageError extends Error {}

/** One line on what was wrong with the command line, from Node's parser error. */
function usageMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
  switch (errorCode(error)) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${quoted} (see --help)`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `${quoted.split(' ')[0] ?? quoted} needs a value`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${quoted}: this command takes options only`;
    default:
      return message.split('\n')[0] ?? message;
  }
}

function oneOf<T extends string>(
  values: readonly string[],
  allowed: readonly T[],
  option: string,
): T[] {
  return values.map((value) => {
    if (!(allowed as readonly string[]).includes(value)) {
      throw new UsageError(`${option} must be one of ${allowed.join(', ')}; got "${value}"`);
    }
    return value as T;
  });
}

function parseOptions(argv: readonly string[]): MatrixOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        format: { type: 'string' },
        today: { type: 'string' },
        matrix: { type: 'string' },
        category: { type: 'string', multiple: true },
        language: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(usageMessage(error));
  }

  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw new UsageError('--format must be text or json');
  }
  if (values.today !== undefined && !isDay(values.today)) {
    throw new UsageError(`--today must be a day as YYYY-MM-DD; got "${values.today}"`);
  }
  if (values.matrix === '') throw new UsageError('--matrix needs a path');
  return {
    format,
    today: values.today,
    matrix: values.matrix,
    categories: oneOf(values.category ?? [], CATEGORIES, '--category'),
    languages: oneOf(values.language ?? [], LANGUAGES, '--language'),
    help: values.help ?? false,
  };
}

/** Why a file could not be read, in words. */
function readFailure(error: unknown): string {
  switch (errorCode(error)) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder, not a file';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** The override's text, undefined when the default file does not exist. */
async function readOverride(
  options: MatrixOptions,
  io: CliIo,
): Promise<{ text: string | undefined; fileName: string }> {
  const fileName = options.matrix ?? DEFAULT_OVERRIDE_PATH;
  try {
    return { text: await io.readFile(resolve(io.cwd, fileName)), fileName };
  } catch (error) {
    const absent = errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR';
    if (options.matrix === undefined && absent) return { text: undefined, fileName };
    throw new UsageError(`cannot read ${fileName}: ${readFailure(error)}`);
  }
}

interface Row {
  readonly entry: MatrixEntry;
  readonly status?: EntryStatus;
}

/** An entry as JSON: the fields people look for first, then the rest, then the status. */
function entryJson(row: Row): Record<string, unknown> {
  const { category, language, name, version, tier, coverage, supportEnds, notes, ...others } =
    row.entry;
  const { support, range, id, ...rest } = others;
  const status = row.status && {
    state: row.status.state,
    lastDay: row.status.lastDay,
    daysLeft: row.status.daysLeft,
    description: describeStatus(row.status),
  };
  return {
    category,
    language,
    name,
    version,
    tier,
    coverage,
    supportEnds,
    notes,
    support,
    range,
    id,
    ...rest,
    ...(status && { status }),
  };
}

interface Column {
  readonly title: string;
  value(row: Row): string | undefined;
}

const COLUMNS: readonly Column[] = [
  { title: 'Database', value: (row) => row.entry.database },
  { title: 'Name', value: (row) => row.entry.name },
  { title: 'Language', value: (row) => row.entry.language },
  { title: 'Version', value: (row) => row.entry.version },
  { title: 'Method', value: (row) => row.entry.method?.text },
  { title: 'Requires', value: (row) => row.entry.requires?.text },
  { title: 'Tier', value: (row) => String(row.entry.tier) },
  { title: 'Coverage', value: (row) => row.entry.coverage },
  { title: 'Support ends', value: (row) => row.entry.supportEnds },
  { title: 'Status', value: (row) => row.status && describeStatus(row.status) },
  { title: 'Release status', value: (row) => row.entry.releaseStatus },
  { title: 'Container runtimes', value: (row) => row.entry.containerRuntimes?.join(', ') },
  { title: 'Kubernetes', value: (row) => row.entry.kubernetes },
  { title: 'Notes', value: (row) => row.entry.notes },
];

const ANSI = { bold: 1, dim: 2, red: 31, green: 32, yellow: 33 } as const;

type Paint = (text: string, style: keyof typeof ANSI) => string;

const STATE_COLORS: Readonly<Record<SupportState, keyof typeof ANSI | undefined>> = {
  ended: 'red',
  'ending-soon': 'yellow',
  'in-support': 'green',
  'open-ended': 'green',
  rolling: 'green',
  'not-applicable': 'dim',
  unknown: undefined,
};

/** The columns a section needs: those with a value in some row; Language only when it varies. */
function sectionColumns(rows: readonly Row[]): Column[] {
  return COLUMNS.filter((column) => {
    const values = new Set(rows.map((row) => column.value(row) ?? ''));
    if (column.title === 'Language') return values.size > 1;
    return column.title === 'Name' || [...values].some((value) => value !== '');
  });
}

function sectionTable(rows: readonly Row[], paint: Paint): string[] {
  const columns = sectionColumns(rows);
  const cells = rows.map((row) => columns.map((column) => column.value(row) ?? ''));
  const widths = columns.map((column, index) =>
    Math.max(column.title.length, ...cells.map((line) => (line[index] ?? '').length)),
  );
  const last = columns.length - 1;
  const layout = (values: readonly string[], style: (text: string, index: number) => string) =>
    `  ${values
      .map((value, index) =>
        style(index === last ? value : value.padEnd(widths[index] ?? 0), index),
      )
      .join('  ')}`.trimEnd();

  const header = layout(
    columns.map((column) => column.title),
    (text) => paint(text, 'dim'),
  );
  const statusIndex = columns.findIndex((column) => column.title === 'Status');
  const lines = cells.map((line, rowIndex) =>
    layout(line, (text, index) => {
      const state = rows[rowIndex]?.status?.state;
      const color = index === statusIndex && state !== undefined ? STATE_COLORS[state] : undefined;
      return color === undefined ? text : paint(text, color);
    }),
  );
  return [header, ...lines];
}

function formatText(
  rows: readonly Row[],
  source: { title: string; origin: string; updated: string },
  options: MatrixOptions,
  paint: Paint,
): string {
  const lines = [
    paint(source.title, 'bold'),
    `Source: ${source.origin}`,
    `Updated: ${source.updated}`,
  ];
  if (options.today !== undefined) lines.push(`Support status as of ${options.today}`);

  const sections = new Map<string, Row[]>();
  for (const row of rows) {
    const section = sections.get(row.entry.section);
    if (section === undefined) sections.set(row.entry.section, [row]);
    else section.push(row);
  }
  if (sections.size === 0) lines.push('', 'No entries match the filters.');
  for (const [title, sectionRows] of sections) {
    lines.push('', paint(title, 'bold'), ...sectionTable(sectionRows, paint));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Runs `matrix` with the arguments after the command name. Returns the exit status: 0 printed,
 * 1 broken override (reported on stderr, bundled matrix printed), 2 bad usage or unreadable path.
 */
export async function runMatrixCommand(argv: string[], io: CliIo): Promise<number> {
  let options: MatrixOptions;
  let override: { text: string | undefined; fileName: string };
  try {
    options = parseOptions(argv);
    if (options.help) {
      io.stdout(MATRIX_HELP);
      return 0;
    }
    override = await readOverride(options, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`${COMMAND}: ${error.message}\n`);
    return 2;
  }

  const { matrix, problems } = loadEffectiveMatrix(override.text, override.fileName);
  for (const problem of problems) io.stderr(`${formatProblem(problem)}\n`);
  if (problems.length > 0) {
    io.stderr(`${COMMAND}: ${override.fileName} was not applied; showing the bundled matrix\n`);
  }

  const rows: Row[] = matrix.entries
    .filter(
      (entry) =>
        (options.categories.length === 0 || options.categories.includes(entry.category)) &&
        (options.languages.length === 0 ||
          (entry.language !== undefined && options.languages.includes(entry.language))),
    )
    .map((entry) => {
      const today = options.today;
      return today === undefined ? { entry } : { entry, status: statusAt(matrix, entry, today) };
    });

  if (options.format === 'json') {
    const document = {
      source: matrix.source,
      ...(options.today !== undefined && { today: options.today }),
      entries: rows.map(entryJson),
    };
    io.stdout(`${JSON.stringify(document, null, 2)}\n`);
  } else {
    const color = io.isTTY && !io.env['NO_COLOR'];
    const paint: Paint = (text, style) =>
      color && text !== '' ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text;
    io.stdout(formatText(rows, matrix.source, options, paint));
  }
  return problems.length > 0 ? 1 : 0;
}
