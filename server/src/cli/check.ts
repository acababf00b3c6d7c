/**
 * `cleanstart-compat check [paths…]`: analyse a project's files and report findings like a
 * compiler, as JSON or as SARIF. Exit 0 when no finding reaches `--fail-on`, 1 when one does, 2 on
 * bad usage or an unreadable path.
 */
import { stat } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { analyze } from '../engine/analyze';
import { applyConfig } from '../engine/config';
import { fileKindOf } from '../engine/fileKind';
import { SEVERITIES, type Finding, type Severity } from '../engine/finding';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../engine/settings';
import { isDay } from '../matrix/dates';
import { findProjectFiles, matchesPatterns } from '../node/files';
import {
  DEFAULT_OVERRIDE_PATH,
  loadConfigFor,
  loadMatrix,
  resolveFrom,
  type FileProblem,
  type LoadedConfig,
} from '../node/project';
import { errorCode, type CliIo } from './io';
import type { FileReport } from './report';
import { formatJson } from './formats/json';
import { formatSarif } from './formats/sarif';
import { formatText } from './formats/text';

export const CHECK_HELP = `Usage: cleanstart-compat check [options] [paths...]

Checks Dockerfiles, package.json, requirements files and go.mod files against the CleanStart
compatibility matrix. Folders are walked, skipping node_modules, .git, vendor and what .gitignore
ignores. With no path, the current folder is checked.

Options:
  --format text|json|sarif   Output format (default: text).
  --fail-on LEVEL            Exit 1 when a finding reaches LEVEL: error (default), warning,
                             information, hint, or none.
  --today YYYY-MM-DD         Judge support windows as of this day (default: the config file's
                             "today", else the current day).
  --matrix PATH              Matrix override file merged over the bundled matrix (default: the
                             config file's "matrix", else .cleanstart/matrix.yaml if present).
  --lookahead DAYS           Report support ending within this many days (default: 90).
  --output PATH              Write the report to PATH instead of standard output.
  -h, --help                 Show this help.

Exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 on bad usage or an
unreadable path.
`;

class UsageError extends Error {}

interface CheckOptions {
  readonly format: 'text' | 'json' | 'sarif';
  readonly failOn: Severity | 'none';
  readonly today?: string;
  readonly matrix?: string;
  readonly lookahead?: number;
  readonly output?: string;
  readonly paths: readonly string[];
}

function parseOptions(argv: readonly string[]): CheckOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        'fail-on': { type: 'string' },
        today: { type: 'string' },
        matrix: { type: 'string' },
        lookahead: { type: 'string' },
        output: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0] : String(error));
  }
  const values = parsed.values;
  if (values.help) return 'help';
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'sarif') {
    throw new UsageError(`--format must be text, json or sarif, not '${format}'`);
  }
  const failOn = values['fail-on'] ?? 'error';
  if (failOn !== 'none' && !(SEVERITIES as readonly string[]).includes(failOn)) {
    throw new UsageError(
      `--fail-on must be error, warning, information, hint or none, not '${failOn}'`,
    );
  }
  if (values.today !== undefined && !isDay(values.today)) {
    throw new UsageError(`--today must be a date written YYYY-MM-DD, not '${values.today}'`);
  }
  let lookahead: number | undefined;
  if (values.lookahead !== undefined) {
    lookahead = Number(values.lookahead);
    if (!Number.isInteger(lookahead) || lookahead < 0 || lookahead > 3650) {
      throw new UsageError(`--lookahead must be a whole number of days from 0 to 3650`);
    }
  }
  return {
    format,
    failOn: failOn as Severity | 'none',
    today: values.today,
    matrix: values.matrix,
    lookahead,
    output: values.output,
    paths: parsed.positionals.length > 0 ? parsed.positionals : ['.'],
  };
}

/** Expands the paths given into files, failing on a path that does not exist or cannot be read. */
async function collectFiles(
  paths: readonly string[],
  io: CliIo,
  unreadable: FileProblem[],
): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const absolute = resolve(io.cwd, path);
    let info;
    try {
      info = await stat(absolute);
    } catch (error) {
      const reason = errorCode(error) === 'ENOENT' ? 'no such file or folder' : String(error);
      throw new UsageError(`cannot read ${path}: ${reason}`);
    }
    if (info.isDirectory()) {
      files.push(
        ...(await findProjectFiles(absolute, {
          onError: (folder, error) =>
            unreadable.push({
              file: folder,
              line: 1,
              column: 1,
              message: `cannot read this folder: ${String(error)}`,
            }),
        })),
      );
    } else if (fileKindOf(absolute)) {
      files.push(absolute);
    } else {
      throw new UsageError(
        `${path} is not a Dockerfile, package.json, requirements file or go.mod (by its name)`,
      );
    }
  }
  return [...new Set(files)];
}

function problemFinding(problem: FileProblem, severity: Severity): Finding {
  const position = {
    line: Math.max(0, problem.line - 1),
    character: Math.max(0, problem.column - 1),
  };
  return {
    rule: 'parse-error',
    range: { start: position, end: position },
    severity,
    message: problem.message,
    fixes: [],
  };
}

function reaches(severity: Severity, level: Severity | 'none'): boolean {
  if (level === 'none') return false;
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(level);
}

export async function runCheckCommand(argv: readonly string[], io: CliIo): Promise<number> {
  let options: CheckOptions | 'help';
  try {
    options = parseOptions(argv);
  } catch (error) {
    io.stderr(`cleanstart-compat check: ${(error as Error).message}\n`);
    return 2;
  }
  if (options === 'help') {
    io.stdout(CHECK_HELP);
    return 0;
  }
  const extraProblems: FileProblem[] = [];
  let files: string[];
  try {
    files = await collectFiles(options.paths, io, extraProblems);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`cleanstart-compat check: ${error.message}\n`);
    return 2;
  }

  const reports = await checkFiles(files, options, io, extraProblems);
  const text =
    options.format === 'json'
      ? formatJson(reports, io.cwd)
      : options.format === 'sarif'
        ? formatSarif(reports, io.cwd)
        : formatText(reports, io.cwd, {
            color: io.isTTY && options.output === undefined && !io.env.NO_COLOR,
          });
  if (options.output !== undefined) {
    try {
      await io.writeFile(resolve(io.cwd, options.output), text);
    } catch (error) {
      io.stderr(`cleanstart-compat check: cannot write ${options.output}: ${String(error)}\n`);
      return 2;
    }
  } else {
    io.stdout(text);
  }
  const failed = reports.some((report) =>
    report.findings.some(
      (finding) => !finding.suppressed && reaches(finding.severity, options.failOn),
    ),
  );
  return failed ? 1 : 0;
}

async function checkFiles(
  files: readonly string[],
  options: CheckOptions,
  io: CliIo,
  extraProblems: readonly FileProblem[],
): Promise<FileReport[]> {
  const configs = new Map<string, Promise<LoadedConfig>>();
  const configFor = (directory: string): Promise<LoadedConfig> => {
    let loaded = configs.get(directory);
    if (!loaded) {
      loaded = loadConfigFor(directory);
      configs.set(directory, loaded);
    }
    return loaded;
  };
  const rootConfig = await configFor(io.cwd);
  const overridePath =
    options.matrix !== undefined
      ? resolve(io.cwd, options.matrix)
      : rootConfig.config.matrix !== undefined && rootConfig.path
        ? resolveFrom(dirname(rootConfig.path), rootConfig.config.matrix)
        : resolve(io.cwd, DEFAULT_OVERRIDE_PATH);
  const explicit = options.matrix !== undefined || rootConfig.config.matrix !== undefined;
  const loadedMatrix = await loadMatrix(overridePath, explicit);

  const reports = new Map<string, Finding[]>();
  const add = (file: string, finding: Finding) =>
    reports.set(file, [...(reports.get(file) ?? []), finding]);
  for (const problem of [...loadedMatrix.problems, ...extraProblems])
    add(problem.file, problemFinding(problem, 'error'));
  const reportedConfigs = new Set<string>();

  for (const file of files) {
    const loaded = await configFor(dirname(file));
    if (loaded.path && !reportedConfigs.has(loaded.path)) {
      reportedConfigs.add(loaded.path);
      for (const problem of loaded.problems) add(problem.file, problemFinding(problem, 'error'));
    }
    const configBase = loaded.path ? dirname(loaded.path) : io.cwd;
    if (matchesPatterns(configBase, file, loaded.config.ignore)) continue;
    const settings: AnalysisSettings = applyConfig(
      { ...DEFAULT_SETTINGS, lookaheadDays: options.lookahead ?? DEFAULT_SETTINGS.lookaheadDays },
      loaded.config,
    );
    const today = options.today ?? loaded.config.today ?? io.today();
    const suppressions = loaded.config.suppressions.filter(
      (waiver) => !waiver.files || matchesPatterns(configBase, file, waiver.files),
    );
    let text: string;
    try {
      text = await io.readFile(file);
    } catch (error) {
      add(
        file,
        problemFinding(
          { file, line: 1, column: 1, message: `cannot read this file: ${String(error)}` },
          'error',
        ),
      );
      continue;
    }
    try {
      const analysis = analyze({
        fileName: file,
        text,
        matrix: loadedMatrix.matrix,
        settings,
        today,
        suppressions,
      });
      for (const finding of analysis.findings) add(file, finding);
      if (!reports.has(file)) reports.set(file, []);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      add(
        file,
        problemFinding(
          {
            file,
            line: 1,
            column: 1,
            message: `internal error while analysing this file: ${reason}`,
          },
          'error',
        ),
      );
    }
  }
  return [...reports.entries()]
    .map(([file, findings]) => ({ file, relativePath: relative(io.cwd, file) || file, findings }))
    .sort((a, b) =>
      a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0,
    );
}
