/**
 * The built language server (`dist/server.js`) in a child process, spoken to over stdio with
 * JSON-RPC as an editor would. Every message the server sends is recorded; tests wait for the
 * ones they expect, with a deadline, never for a fixed time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { repositoryRoot } from '../../support/paths';

/** The bundle `npm run build` writes; `CLEANSTART_SERVER` points at another build to test it. */
export const SERVER_PATH =
  process.env.CLEANSTART_SERVER ?? join(repositoryRoot(), 'dist', 'server.js');

/** How long to wait for a message before failing; generous for slow CI machines. */
export const MESSAGE_TIMEOUT_MS = 10_000;

/** The notifications a server may send that tests look at. */
const RECORDED_NOTIFICATIONS = [
  'textDocument/publishDiagnostics',
  'window/logMessage',
  'window/showMessage',
  'cleanstart/analyzed',
  'cleanstart/matrixChanged',
];

export interface Message {
  readonly method: string;
  readonly params: unknown;
}

export interface StartOptions {
  readonly today?: string;
  /** The `cleanstart` settings section the fake editor answers with. */
  readonly settings?: Record<string, unknown>;
  readonly workspaceFolders?: WorkspaceFolder[];
  readonly capabilities?: ClientCapabilities;
  /** Counted analyses (`cleanstart/analyzed`); on unless a test needs them off. */
  readonly analysisNotifications?: boolean;
}

/** What an editor like VS Code says it supports. */
export const EDITOR_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: {
      disabledSupport: true,
      isPreferredSupport: true,
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } },
    },
    publishDiagnostics: {
      relatedInformation: true,
      versionSupport: true,
      tagSupport: { valueSet: [1, 2] },
      codeDescriptionSupport: true,
    },
  },
};

export class LanguageServer {
  readonly messages: Message[] = [];
  private readonly listeners = new Set<() => void>();
  private exited: Promise<number | null>;
  private stderr = '';
  /** Answers the server's `workspace/configuration` requests. */
  settings: Record<string, unknown>;
  configurationRequests = 0;

  private constructor(
    private readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
    settings: Record<string, unknown>,
  ) {
    this.settings = settings;
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    for (const method of RECORDED_NOTIFICATIONS) {
      connection.onNotification(method, (params: unknown) => this.record({ method, params }));
    }
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => {
      this.configurationRequests++;
      return params.items.map(() => this.settings);
    });
    connection.onRequest('client/registerCapability', (params: unknown) => {
      this.record({ method: 'client/registerCapability', params });
      return null;
    });
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();
  }

  static async start(options: StartOptions = {}): Promise<LanguageServer> {
    if (!existsSync(SERVER_PATH)) {
      throw new Error(`${SERVER_PATH} does not exist: run \`npm run build\` first.`);
    }
    const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: 'pipe' });
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    const server = new LanguageServer(child, connection, options.settings ?? {});
    // A server that dies at start would leave the request pending forever: fail with its stderr.
    const died = server.exited.then((code) => {
      throw new Error(
        `The language server exited with ${String(code)} before answering:\n${server.stderr}`,
      );
    });
    const initialize = connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: options.workspaceFolders?.[0]?.uri ?? null,
      workspaceFolders: options.workspaceFolders ?? null,
      capabilities: options.capabilities ?? EDITOR_CAPABILITIES,
      initializationOptions: {
        today: options.today ?? '2026-12-03',
        analysisNotifications: options.analysisNotifications ?? true,
        settings: options.settings ?? {},
      },
    });
    const result = await Promise.race([initialize, died]);
    server.capabilities = result.capabilities;
    await connection.sendNotification('initialized', {});
    return server;
  }

  capabilities: InitializeResult['capabilities'] = {};

  private record(message: Message): void {
    this.messages.push(message);
    for (const listener of [...this.listeners]) listener();
  }

  /** The index the next message will have, to wait only for messages after now. */
  mark(): number {
    return this.messages.length;
  }

  /**
   * Resolves with the first message from index `after` on that has `method` and that `accept`
   * takes; rejects after the deadline, listing what did arrive.
   */
  waitFor<T>(
    method: string,
    accept: (params: T) => boolean = () => true,
    after = 0,
    timeoutMs = MESSAGE_TIMEOUT_MS,
  ): Promise<T> {
    return new Promise((resolve, reject) => {
      const find = (): boolean => {
        const found = this.messages
          .slice(after)
          .find((message) => message.method === method && accept(message.params as T));
        if (found === undefined) return false;
        this.listeners.delete(find);
        clearTimeout(timer);
        resolve(found.params as T);
        return true;
      };
      const timer = setTimeout(() => {
        this.listeners.delete(find);
        const seen = this.messages
          .slice(after)
          .map((message) => message.method)
          .join(', ');
        reject(
          new Error(
            `No ${method} within ${timeoutMs} ms; received: ${seen || 'nothing'}${this.stderr ? `\nstderr: ${this.stderr}` : ''}`,
          ),
        );
      }, timeoutMs);
      if (!find()) this.listeners.add(find);
    });
  }

  /** The diagnostics published for `uri` from index `after` on that `accept` takes. */
  diagnostics(
    uri: string,
    accept: (params: PublishDiagnosticsParams) => boolean = () => true,
    after = 0,
  ): Promise<PublishDiagnosticsParams> {
    return this.waitFor<PublishDiagnosticsParams>(
      'textDocument/publishDiagnostics',
      (params) => params.uri === uri && accept(params),
      after,
    );
  }

  /** Messages with `method` received so far, from index `after` on. */
  received<T>(method: string, after = 0): T[] {
    return this.messages
      .slice(after)
      .filter((message) => message.method === method)
      .map((message) => message.params as T);
  }

  async open(uri: string, languageId: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId, version, text },
    });
  }

  async change(
    uri: string,
    version: number,
    changes: TextDocumentContentChangeEvent[],
  ): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: changes,
    });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Sends `shutdown` and `exit`, and resolves with the exit code. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode === null) {
      try {
        await this.connection.sendRequest('shutdown');
        await this.connection.sendNotification('exit');
      } catch {
        this.child.kill();
      }
    }
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  /** Ends the process however it is doing: for cleanup after a failed test. */
  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
    this.connection.dispose();
  }

  get exitCode(): number | null {
    return this.child.exitCode;
  }
}

/** A diagnostic's message as text (LSP 3.18 also allows markup). */
export function messageOf(diagnostic: Diagnostic | undefined): string {
  if (diagnostic === undefined) return '';
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}
