/**
 * A language server in a child process, spoken to as an editor would: JSON-RPC over stdio (with
 * `Content-Length` framing) or over Node's IPC channel, the transport the VS Code client uses.
 * Every notification is stamped with the moment it arrived, so that timings end when the
 * message reached the editor side, not when a test got round to looking.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';

export interface Message {
  readonly jsonrpc?: string;
  readonly id?: number | string | null;
  readonly method?: string;
  readonly params?: unknown;
  readonly result?: unknown;
  readonly error?: { readonly code: number; readonly message: string };
}

export interface Arrival {
  readonly message: Message;
  /** `performance.now()` when the message was read. */
  readonly time: number;
}

export type Transport = 'stdio' | 'ipc';

export interface ServerCommand {
  /** What the results call this server. */
  readonly name: string;
  /** The script Node runs. */
  readonly module: string;
  readonly args: readonly string[];
  /** Options for Node itself, before the script. */
  readonly nodeArgs?: readonly string[];
}

/** What the fake editor answers to the server's own requests. */
function answerFor(message: Message): unknown {
  if (message.method === 'workspace/configuration') {
    const items = (message.params as { items?: unknown[] } | undefined)?.items ?? [];
    // null: nothing configured, as for a user who never opened the settings.
    return items.map(() => null);
  }
  return null;
}

export class ServerProcess {
  readonly arrivals: Arrival[] = [];
  readonly exited: Promise<number | null>;
  private readonly pending = new Map<
    number,
    { resolve: (arrival: Arrival) => void; reject: (error: Error) => void }
  >();
  private readonly listeners = new Set<() => void>();
  private nextId = 1;
  private buffer: Buffer = Buffer.alloc(0);
  private stderrText = '';

  private constructor(
    readonly child: ChildProcess,
    readonly transport: Transport,
    /** `performance.now()` just before the process was spawned. */
    readonly spawnedAt: number,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    child.stderr?.on('data', (chunk: Buffer) => {
      if (this.stderrText.length < 20_000) this.stderrText += chunk.toString();
    });
    if (transport === 'ipc') {
      child.on('message', (message: Message) => this.receive(message));
      // The server writes nothing useful to stdout in IPC mode; drain it so it never blocks.
      child.stdout?.resume();
    } else {
      child.stdout?.on('data', (chunk: Buffer) => this.read(chunk));
    }
    // An exited server answers nothing: fail every waiter at once.
    void this.exited.then((code) => {
      for (const { reject } of this.pending.values()) {
        reject(new Error(`The server exited with ${String(code)}. ${this.stderrTail()}`));
      }
      this.pending.clear();
      this.wake();
    });
  }

  static start(command: ServerCommand, transport: Transport = 'stdio'): ServerProcess {
    const spawnedAt = performance.now();
    const nodeArgs = command.nodeArgs ?? [];
    const child =
      transport === 'ipc'
        ? fork(command.module, [...command.args, '--node-ipc'], {
            silent: true,
            execArgv: [...nodeArgs],
          })
        : spawn(process.execPath, [...nodeArgs, command.module, ...command.args, '--stdio'], {
            stdio: ['pipe', 'pipe', 'pipe'],
          });
    return new ServerProcess(child, transport, spawnedAt);
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get stderr(): string {
    return this.stderrText;
  }

  get hasExited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /** Sends a request; resolves with the response and when it arrived. */
  request(method: string, params: unknown): Promise<Arrival> {
    const id = this.nextId++;
    const answered = new Promise<Arrival>((resolve, reject) =>
      this.pending.set(id, { resolve, reject }),
    );
    this.send({ jsonrpc: '2.0', id, method, params });
    return answered;
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /**
   * The first notification from index `after` on that has `method` and that `accept` takes.
   * Rejects after `timeoutMs`, or at once when the server has exited.
   */
  waitFor(
    method: string,
    accept: (params: unknown) => boolean,
    after: number,
    timeoutMs: number,
  ): Promise<Arrival> {
    return new Promise((resolve, reject) => {
      let from = after;
      const check = (): boolean => {
        for (; from < this.arrivals.length; from++) {
          const arrival = this.arrivals[from];
          if (arrival?.message.method === method && accept(arrival.message.params)) {
            finish();
            resolve(arrival);
            return true;
          }
        }
        if (this.hasExited) {
          finish();
          reject(new Error(`${method} never came: the server exited. ${this.stderrTail()}`));
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`No ${method} within ${timeoutMs} ms. ${this.stderrTail()}`));
      }, timeoutMs);
      const finish = (): void => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      if (!check()) this.listeners.add(check);
    });
  }

  /** Every notification of `method` from index `after` on. */
  notifications(method: string, after = 0): Arrival[] {
    return this.arrivals.slice(after).filter((arrival) => arrival.message.method === method);
  }

  /** Drops the notifications received so far; indices from before no longer apply. */
  forgetArrivals(): void {
    this.arrivals.length = 0;
  }

  /** Asks the server to shut down, then to exit; kills it if it has not gone within a second. */
  async stop(): Promise<void> {
    if (this.hasExited) return;
    const graceful = (async () => {
      await this.request('shutdown', null);
      this.notify('exit', null);
      await this.exited;
    })().catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), 1000);
    });
    const outcome = await Promise.race([graceful, timeout]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }

  private stderrTail(): string {
    const text = this.stderrText.trim();
    return text === '' ? '' : `stderr: ${text.slice(-2000)}`;
  }

  private send(message: Message): void {
    if (this.hasExited) return;
    if (this.transport === 'ipc') {
      this.child.send(message);
      return;
    }
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin?.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin?.write(body);
  }

  /** Splits the stdout stream into `Content-Length` framed messages. */
  private read(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = Number(/Content-Length:\s*(\d+)/i.exec(header)?.[1] ?? NaN);
      if (!Number.isFinite(length)) {
        // Not LSP framing: keep it for the error message and give up on this stream.
        this.stderrText += `\nUnreadable output on stdout: ${header.slice(0, 200)}`;
        this.buffer = Buffer.alloc(0);
        this.child.kill('SIGKILL');
        return;
      }
      const start = headerEnd + 4;
      if (this.buffer.length < start + length) return;
      const body = this.buffer.subarray(start, start + length).toString('utf8');
      this.buffer = this.buffer.subarray(start + length);
      this.receive(JSON.parse(body) as Message);
    }
  }

  private receive(message: Message): void {
    const arrival = { message, time: performance.now() };
    if (message.method !== undefined && message.id !== undefined && message.id !== null) {
      // A request from the server: answer it as an editor would.
      this.send({ jsonrpc: '2.0', id: message.id, result: answerFor(message) });
      return;
    }
    if (message.method === undefined && typeof message.id === 'number') {
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error)
        waiter?.reject(new Error(`${message.error.message} (${message.error.code})`));
      else waiter?.resolve(arrival);
      return;
    }
    this.arrivals.push(arrival);
    this.wake();
  }

  private wake(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
