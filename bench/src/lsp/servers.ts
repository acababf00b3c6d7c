/**
 * The two servers measured side by side, and the editor they are measured against: one set of
 * client capabilities (what VS Code announces for these features) and one initialize handshake.
 */
import { join } from 'node:path';
import type { Arrival, ServerCommand, ServerProcess } from './serverProcess';

/** Judging support windows against a fixed day keeps runs comparable with each other. */
export const ANALYSIS_DAY = '2026-12-03';

export function ourServer(root: string): ServerCommand {
  return { name: 'CleanStart', module: join(root, 'dist', 'server.js'), args: [] };
}

export function dockerfileServer(root: string): ServerCommand {
  return {
    name: 'dockerfile-language-server-nodejs',
    module: join(
      root,
      'node_modules',
      'dockerfile-language-server-nodejs',
      'bin',
      'docker-langserver',
    ),
    args: [],
  };
}

const CAPABILITIES = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: {
      isPreferredSupport: true,
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } },
    },
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
  },
};

export interface InitializeOptions {
  /** The workspace folder's URI, or none. */
  readonly folder?: string;
  /** Ask our server for a `cleanstart/analyzed` notification after each analysis. */
  readonly countAnalyses?: boolean;
}

/** Sends `initialize`, then `initialized`; resolves with the moment the answer came. */
export async function initialize(
  server: ServerProcess,
  options: InitializeOptions = {},
): Promise<Arrival> {
  const answer = await server.request('initialize', {
    processId: process.pid,
    clientInfo: { name: 'cleanstart-bench' },
    rootUri: options.folder ?? null,
    workspaceFolders: options.folder ? [{ uri: options.folder, name: 'project' }] : null,
    capabilities: CAPABILITIES,
    initializationOptions: {
      today: ANALYSIS_DAY,
      analysisNotifications: options.countAnalyses === true,
    },
  });
  server.notify('initialized', {});
  return answer;
}

export interface OpenDocument {
  readonly uri: string;
  readonly languageId: string;
  readonly text: string;
}

export function open(server: ServerProcess, document: OpenDocument, version = 1): void {
  server.notify('textDocument/didOpen', { textDocument: { ...document, version } });
}

/** Whether a `publishDiagnostics` notification is for `uri` (and for `version`, when given). */
export function diagnosticsFor(uri: string, version?: number): (params: unknown) => boolean {
  return (params) => {
    const published = params as { uri?: string; version?: number } | undefined;
    return published?.uri === uri && (version === undefined || published.version === version);
  };
}
