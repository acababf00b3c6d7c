import type { Analysis } from '../engine/analyze';
import { analyze, fileKindOf } from '../engine/analyze';
import type { FileKind } from '../parsers/types';
import { LineIndex } from '../util/text';
import type { Logger } from './logger';
import { describeError } from './logger';
import type { FileContext } from './projectContext';
import { uriToPath } from './uris';

/** The text of one file, from an editor buffer or from disk. */
export interface Source {
  readonly uri: string;
  readonly text: string;
  /** The buffer's version; `null` for a file read from disk. */
  readonly version: number | null;
  /** The editor's language id, which decides the kind of a file whose name does not. */
  readonly languageId?: string;
}

export interface AnalyzedFile {
  readonly uri: string;
  readonly version: number | null;
  readonly origin: 'buffer' | 'disk';
  readonly kind: FileKind | undefined;
  readonly lines: LineIndex;
  readonly analysis: Analysis;
  readonly context: FileContext;
  /** Analysis threw: the findings are empty, and the error was logged. */
  readonly failed: boolean;
}

/** Kinds for files named otherwise (an untitled buffer, `build.docker`) by their language. */
const LANGUAGE_KINDS: Readonly<Record<string, FileKind>> = {
  dockerfile: 'dockerfile',
  'pip-requirements': 'requirements',
  'go.mod': 'go.mod',
};

/** A name that `fileKindOf` reads as each kind, for files named otherwise. */
const KIND_FILE_NAMES: Record<FileKind, string> = {
  dockerfile: 'Dockerfile',
  'package.json': 'package.json',
  requirements: 'requirements.txt',
  'go.mod': 'go.mod',
};

/** The name analysis sees: the file's own when it tells the kind, else one that does. */
export function analysisFileName(uri: string, languageId: string | undefined): string | undefined {
  const fileName = uriToPath(uri) ?? decodedPath(uri);
  if (fileKindOf(fileName) !== undefined) return fileName;
  const kind = languageId === undefined ? undefined : LANGUAGE_KINDS[languageId];
  return kind === undefined ? undefined : KIND_FILE_NAMES[kind];
}

/** The path part of a non-file URI (`untitled:`, `vscode-vfs:`), decoded where it can be. */
function decodedPath(uri: string): string {
  const path = uri.replace(/[?#][^]*$/, '');
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * Runs the engine on one file, never throwing: a failure is logged once per document version and
 * yields no findings, so that no stale diagnostics stay behind.
 */
export function analyzeSource(source: Source, context: FileContext, logger: Logger): AnalyzedFile {
  const fileName = analysisFileName(source.uri, source.languageId);
  const kind = fileName === undefined ? undefined : fileKindOf(fileName);
  const base = {
    uri: source.uri,
    version: source.version,
    origin: source.version === null ? ('disk' as const) : ('buffer' as const),
    kind,
    lines: new LineIndex(source.text),
    context,
  };
  if (fileName === undefined || context.ignored) {
    return { ...base, analysis: { kind, findings: [] }, failed: false };
  }
  const started = performance.now();
  try {
    const analysis = analyze({
      fileName,
      text: source.text,
      matrix: context.matrix.matrix,
      settings: context.settings,
      today: context.today,
      suppressions: context.suppressions,
    });
    const elapsed = (performance.now() - started).toFixed(1);
    logger.debug(
      `Analysed ${source.uri} (${source.version === null ? 'disk' : `version ${source.version}`}) in ${elapsed} ms: ${analysis.findings.length} findings`,
    );
    return { ...base, analysis, failed: false };
  } catch (error) {
    logger.errorOnce(
      `${source.uri}#${source.version ?? 'disk'}`,
      `Analysis of ${source.uri} failed, so it shows no CleanStart diagnostics. Please report this with the file if you can share it.\n${describeError(error)}`,
    );
    return { ...base, analysis: { kind, findings: [] }, failed: true };
  }
}
