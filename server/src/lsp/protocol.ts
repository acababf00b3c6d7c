/**
 * The requests and notifications this server adds to LSP. Shared with the client, so it imports
 * nothing at run time: method names and plain shapes only.
 */
import type { Range } from '../util/text';
import type { RuleId, Severity } from '../engine/finding';
import type { Tier } from '../matrix/types';
import type { FileProblem } from '../node/project';
import type { FileKind } from '../parsers/types';

/** Files whose change means the config or the matrix in force may have changed. */
export const CONFIG_FILE_GLOBS: readonly string[] = [
  '**/.cleanstart.{yaml,yml}',
  '**/.cleanstart/matrix.{yaml,yml}',
];

/** Options the client passes in `initializationOptions`; every field is optional. */
export interface InitializationOptions {
  /** The `cleanstart` settings section, used until the client answers `workspace/configuration`. */
  readonly settings?: unknown;
  /** `YYYY-MM-DD` to judge support windows against instead of the clock (tests, demos). */
  readonly today?: string;
  /** Send `cleanstart/analyzed` after each analysis (tests count analyses with it). */
  readonly analysisNotifications?: boolean;
  /**
   * The client watches `.cleanstart.yaml` and matrix override files itself; otherwise the server
   * asks for the watchers where the client lets it register them.
   */
  readonly clientWatchesFiles?: boolean;
}

export interface ReportFinding {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  readonly entryId?: string;
  readonly tier?: Tier;
}

export interface ReportFile {
  readonly uri: string;
  /** The path relative to its workspace folder, or the URI when it lies outside every folder. */
  readonly path: string;
  readonly kind: FileKind;
  /** Where the text came from: an open editor's buffer or the file on disk. */
  readonly origin: 'buffer' | 'disk';
  readonly findings: readonly ReportFinding[];
}

export interface WorkspaceReport {
  /** The day support windows were judged against, `YYYY-MM-DD`. */
  readonly today: string;
  readonly matrix: MatrixInfo;
  /** Files with findings first, then by path. Files without findings are left out. */
  readonly files: readonly ReportFile[];
  /** Files analysed in all, with or without findings. */
  readonly analyzedFiles: number;
  /** False while the workspace check is still reading files on disk. */
  readonly complete: boolean;
}

/** `cleanstart/report`: every unsuppressed finding of the workspace, grouped by file. */
export const REPORT_REQUEST = 'cleanstart/report';

export interface MatrixInfoParams {
  /** The document whose matrix to describe; the first workspace folder's when absent. */
  readonly uri?: string;
}

/** A problem in an override file, 1-based as the loader reports it. */
export type MatrixProblem = FileProblem;

export interface MatrixInfo {
  readonly title: string;
  readonly origin: string;
  /** `YYYY-MM-DD`. */
  readonly updated: string;
  /** The override file in force, when one is. */
  readonly override?: string;
  /** Problems in the override file; with any problem the bundled matrix stays in force. */
  readonly problems: readonly MatrixProblem[];
}

/** `cleanstart/matrixInfo`: which matrix is in force, for the client's status item. */
export const MATRIX_INFO_REQUEST = 'cleanstart/matrixInfo';

/** Sent after the matrix in force changes, so the client can refresh its status item. */
export const MATRIX_CHANGED_NOTIFICATION = 'cleanstart/matrixChanged';

export interface DraftReportParams {
  readonly uri: string;
  readonly position: { readonly line: number; readonly character: number };
}

export interface DraftReportResult {
  /** The filled report template, as markdown. */
  readonly markdown: string;
  /** The finding or matrix entry the draft is about, for the editor's title. */
  readonly subject: string;
}

/**
 * `cleanstart/draftReport`: the matrix's report template filled from the finding (or the known
 * version) under the cursor; `null` when there is nothing there to report.
 */
export const DRAFT_REPORT_REQUEST = 'cleanstart/draftReport';

export interface AnalyzedParams {
  readonly uri: string;
  /** The buffer's version, or `null` for a file read from disk. */
  readonly version: number | null;
  readonly diagnostics: number;
}

/** Sent after each analysis when `analysisNotifications` is on. */
export const ANALYZED_NOTIFICATION = 'cleanstart/analyzed';
