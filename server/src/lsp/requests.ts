/** The requests the server answers: hover, code actions and its own `cleanstart/…` requests. */
import type { CodeAction, Connection, Hover } from 'vscode-languageserver';
import { ErrorCodes, MarkupKind, ResponseError } from 'vscode-languageserver';
import type { Finding } from '../engine/finding';
import { codeActionsFor } from '../features/codeActions';
import { visibleFindings } from '../features/diagnostics';
import { draftReport } from '../features/draftReport';
import { hoverAt, subjectAt } from '../features/hover';
import { subjectsOf } from '../rules/subjects';
import type { Subject } from '../rules/subjects';
import type { Position, Range } from '../util/text';
import { rangeContains } from '../util/text';
import type { AnalyzedFile } from './analyzer';
import type { Logger } from './logger';
import { describeError } from './logger';
import type { ProjectContexts } from './projectContext';
import type {
  DraftReportParams,
  DraftReportResult,
  MatrixInfo,
  MatrixInfoParams,
  WorkspaceReport,
} from './protocol';
import { DRAFT_REPORT_REQUEST, MATRIX_INFO_REQUEST, REPORT_REQUEST } from './protocol';
import type { Session } from './session';
import { documentKey } from './uris';
import type { WorkspaceFolders } from './workspaceFolders';
import { buildReport } from './workspaceReport';

export interface RequestParts {
  readonly connection: Connection;
  readonly session: Session;
  readonly contexts: ProjectContexts;
  readonly folders: WorkspaceFolders;
  readonly logger: Logger;
  /** The editor shows disabled code actions with their reason. */
  readonly disabledCodeActions: () => boolean;
  /** True once the client asked the server to shut down: requests are then refused. */
  readonly shutDown: () => boolean;
}

export function registerRequests(parts: RequestParts): void {
  const { connection, session } = parts;
  const answer = <P, R>(what: string, fallback: R, handle: (params: P) => Promise<R>) => {
    return async (params: P): Promise<R> => {
      if (parts.shutDown()) {
        throw new ResponseError(ErrorCodes.InvalidRequest, 'The server is shutting down');
      }
      try {
        return await handle(params);
      } catch (error) {
        parts.logger.error(`Failed to answer ${what}: ${describeError(error)}`);
        return fallback;
      }
    };
  };

  connection.onHover(
    answer('a hover request', null, async (params): Promise<Hover | null> => {
      const file = await session.current(params.textDocument.uri);
      if (file?.analysis.facts === undefined) return null;
      const card = hoverAt({
        analysis: file.analysis,
        subjects: subjectsFor(file),
        matrix: file.context.matrix.matrix,
        today: file.context.today,
        lookaheadDays: file.context.settings.lookaheadDays,
        position: params.position,
      });
      if (card === undefined) return null;
      return { contents: { kind: MarkupKind.Markdown, value: card.markdown }, range: card.range };
    }),
  );

  connection.onCodeAction(
    answer('a code action request', [], async (params): Promise<CodeAction[]> => {
      const file = await session.current(params.textDocument.uri);
      if (file?.kind === undefined) return [];
      return codeActionsFor({
        uri: params.textDocument.uri,
        kind: file.kind,
        lines: file.lines,
        facts: file.analysis.facts,
        findings: file.analysis.findings,
        range: params.range,
        only: params.context.only,
        disabledSupport: parts.disabledCodeActions(),
      });
    }),
  );

  connection.onRequest(
    REPORT_REQUEST,
    answer('the report request', null, async (): Promise<WorkspaceReport | null> => {
      await session.workspace.ensure();
      const open = await session.openFiles();
      const openKeys = new Set(open.map((file) => documentKey(file.uri)));
      const disk = session.workspace.files().filter((file) => !openKeys.has(documentKey(file.uri)));
      const first = [...open, ...disk][0];
      const matrix = first?.context.matrix ?? (await parts.contexts.matrixFor(undefined));
      return buildReport({
        files: [...open, ...disk],
        matrix: matrix.info,
        today: first?.context.today ?? parts.contexts.defaultToday(),
        complete: session.workspace.complete,
        displayPath: (uri) => parts.folders.displayPath(uri),
      });
    }),
  );

  connection.onRequest(
    MATRIX_INFO_REQUEST,
    answer(
      'the matrix request',
      null,
      async (params: MatrixInfoParams | undefined): Promise<MatrixInfo> => {
        const matrix = await parts.contexts.matrixFor(params?.uri);
        return matrix.info;
      },
    ),
  );

  connection.onRequest(
    DRAFT_REPORT_REQUEST,
    answer(
      'the draft report request',
      null,
      async (params: DraftReportParams): Promise<DraftReportResult | null> => {
        const file = await session.current(params.uri);
        if (file?.analysis.facts === undefined) return null;
        const subjects = subjectsFor(file);
        const finding = findingAt(file, params.position);
        const subject =
          finding === undefined
            ? subjectAt(subjects, params.position)
            : subjectOf(subjects, finding.range);
        const draft = draftReport({
          matrix: file.context.matrix.matrix,
          today: file.context.today,
          lookaheadDays: file.context.settings.lookaheadDays,
          path: parts.folders.displayPath(file.uri),
          facts: file.analysis.facts,
          finding,
          subject,
        });
        return draft ?? null;
      },
    ),
  );
}

/** Subjects per analysis, computed on the first hover and kept while the analysis is current. */
const subjectCache = new WeakMap<AnalyzedFile, readonly Subject[]>();

function subjectsFor(file: AnalyzedFile): readonly Subject[] {
  let subjects = subjectCache.get(file);
  if (subjects === undefined) {
    subjects =
      file.analysis.facts === undefined
        ? []
        : subjectsOf(file.analysis.facts, file.context.matrix.index);
    subjectCache.set(file, subjects);
  }
  return subjects;
}

/** The narrowest visible finding under the cursor. */
function findingAt(file: AnalyzedFile, position: Position): Finding | undefined {
  return visibleFindings(file.analysis.findings)
    .filter((finding) => rangeContains(finding.range, position))
    .sort((a, b) => span(a.range) - span(b.range))[0];
}

/** The subject a finding is about: the one whose range holds the finding's start. */
function subjectOf(subjects: readonly Subject[], range: Range): Subject | undefined {
  return subjects.find(
    (subject) =>
      rangeContains(subject.hoverRange, range.start) || rangeContains(range, subject.range.start),
  );
}

/** Orders ranges by size: lines first, then characters. */
function span(range: Range): number {
  return (
    (range.end.line - range.start.line) * 100_000 + range.end.character - range.start.character
  );
}
