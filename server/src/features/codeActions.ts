import { CodeActionKind } from 'vscode-languageserver';
import type { CodeAction, Diagnostic, WorkspaceEdit } from 'vscode-languageserver';
import type { Finding, TextEdit } from '../engine/finding';
import type { Facts, FileKind } from '../parsers/types';
import type { LineIndex, Range } from '../util/text';
import { comparePositions } from '../util/text';
import { toDiagnostic, visibleFindings } from './diagnostics';
import { fixAllEdits } from './fixAll';
import { canWaiveInFile, isWaivable, suppressionEdit } from './suppressionFix';

/** The kind under which editors run "fix all" on save: `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.cleanstart`;

export interface CodeActionRequest {
  readonly uri: string;
  readonly kind: FileKind;
  readonly lines: LineIndex;
  /** The file's facts, for where its statements start (continued Dockerfile instructions). */
  readonly facts?: Facts;
  readonly findings: readonly Finding[];
  /** The range the editor asks about (the cursor or selection). */
  readonly range: Range;
  /** The kinds the editor wants; when absent, every kind but source actions. */
  readonly only?: readonly string[];
  /** The editor can show a disabled action with its reason (LSP `codeActionDisabledSupport`). */
  readonly disabledSupport?: boolean;
}

/**
 * The actions for a range: each fix the engine computed for a finding there, a waiver comment
 * for each finding, and, when asked for, "fix all" for the whole file.
 */
export function codeActionsFor(request: CodeActionRequest): CodeAction[] {
  const actions: CodeAction[] = [];
  if (wants(request.only, CodeActionKind.QuickFix)) {
    const here = visibleFindings(request.findings).filter((finding) =>
      touches(finding.range, request.range),
    );
    for (const finding of here) actions.push(...quickFixes(request, finding));
    for (const finding of here) {
      const waiver = waiverAction(request, finding);
      if (waiver !== undefined) actions.push(waiver);
    }
  }
  // Source actions only when asked for by kind (the source action menu, fix-all on save): the
  // editor asks for code actions on every cursor move and would drop them anyway.
  if (request.only !== undefined && wants(request.only, FIX_ALL_KIND)) {
    const fixAll = fixAllAction(request.uri, request.findings);
    if (fixAll !== undefined) actions.push(fixAll);
  }
  return actions;
}

/** Every preferred fix of the file at once, or `undefined` when there is none to apply. */
export function fixAllAction(uri: string, findings: readonly Finding[]): CodeAction | undefined {
  const edits = fixAllEdits(findings);
  if (edits.length === 0) return undefined;
  return {
    title: 'Apply all preferred CleanStart fixes',
    kind: FIX_ALL_KIND,
    edit: editOf(uri, edits),
  };
}

function quickFixes(request: CodeActionRequest, finding: Finding): CodeAction[] {
  const diagnostic = toDiagnostic(finding, request.uri);
  return finding.fixes
    .filter((fix) => fix.edits.length > 0)
    .map((fix) => ({
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: fix.isPreferred === true,
      edit: editOf(request.uri, fix.edits),
    }));
}

function waiverAction(request: CodeActionRequest, finding: Finding): CodeAction | undefined {
  if (!isWaivable(finding.rule)) return undefined;
  const title = `Ignore ${finding.rule} here`;
  const diagnostics: Diagnostic[] = [toDiagnostic(finding, request.uri)];
  if (!canWaiveInFile(request.kind)) {
    if (request.disabledSupport !== true) return undefined;
    return {
      title,
      kind: CodeActionKind.QuickFix,
      diagnostics,
      disabled: {
        reason: `${request.kind} has no comments: waive ${finding.rule} in .cleanstart.yaml instead`,
      },
    };
  }
  const edit = suppressionEdit(request.kind, request.lines, finding, request.facts);
  if (edit === undefined) return undefined;
  return { title, kind: CodeActionKind.QuickFix, diagnostics, edit: editOf(request.uri, [edit]) };
}

function editOf(uri: string, edits: readonly TextEdit[]): WorkspaceEdit {
  return {
    changes: { [uri]: edits.map((edit) => ({ range: edit.range, newText: edit.newText })) },
  };
}

/** Whether an action of `kind` is wanted: `only` names it or a parent of it. */
function wants(only: readonly string[] | undefined, kind: string): boolean {
  if (only === undefined || only.length === 0) return true;
  return only.some((wanted) => kind === wanted || kind.startsWith(`${wanted}.`));
}

/** Ranges that overlap or meet, so a cursor at either end of a finding still finds it. */
function touches(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}
