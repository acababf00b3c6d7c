import { DiagnosticSeverity } from 'vscode-languageserver';
import type { Diagnostic } from 'vscode-languageserver';
import { ruleDocsUrl } from '../engine/ruleInfo';
import type { FileProblem } from '../node/project';
import { formatFileProblem } from '../node/project';
import { DIAGNOSTIC_SOURCE } from '../features/diagnostics';
import type { Logger } from './logger';
import { documentKey, pathToUri } from './uris';

/**
 * Problems in the project's own files (`.cleanstart.yaml`, a matrix override) shown as
 * diagnostics on those files and logged once each. Files whose problems are gone are cleared.
 */
export class ProblemFiles {
  private published = new Map<string, string>();
  /** Problems already logged, so that each is logged when it appears, not on every check. */
  private logged = new Set<string>();

  constructor(
    private readonly send: (uri: string, diagnostics: Diagnostic[]) => void,
    private readonly logger: Logger,
  ) {}

  update(problems: readonly FileProblem[]): void {
    const byFile = new Map<string, { uri: string; diagnostics: Diagnostic[]; seen: Set<string> }>();
    const current = new Set<string>();
    for (const problem of problems) {
      const text = formatFileProblem(problem);
      const uri = pathToUri(problem.file);
      const key = documentKey(uri);
      let file = byFile.get(key);
      if (file === undefined) {
        file = { uri, diagnostics: [], seen: new Set() };
        byFile.set(key, file);
      }
      // The same file is read once per folder that uses it: report each problem once.
      if (file.seen.has(text)) continue;
      file.seen.add(text);
      file.diagnostics.push(toDiagnostic(problem));
      current.add(text);
      if (!this.logged.has(text)) this.logger.warn(text);
    }
    this.logged = current;
    for (const [key, uri] of this.published) {
      if (!byFile.has(key)) this.send(uri, []);
    }
    this.published = new Map();
    for (const [key, file] of byFile) {
      this.send(file.uri, file.diagnostics);
      this.published.set(key, file.uri);
    }
  }
}

function toDiagnostic(problem: FileProblem): Diagnostic {
  const position = {
    line: Math.max(0, problem.line - 1),
    character: Math.max(0, problem.column - 1),
  };
  return {
    range: { start: position, end: position },
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    code: 'parse-error',
    codeDescription: { href: ruleDocsUrl('parse-error') },
    message: problem.message,
  };
}
