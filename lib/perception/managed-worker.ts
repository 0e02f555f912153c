/**
 * A worker that comes back after it crashes: on an error event it is terminated and re-created after
 * a backoff (1 s, 2 s, 4 s … 30 s); the backoff resets after a minute without a crash. Each fresh
 * worker gets `onStart` (send its init message there).
 */

export interface WorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface ManagedWorkerOptions<Out> {
  create: () => WorkerLike;
  onStart: (worker: WorkerLike) => void;
  onMessage: (message: Out) => void;
  /** Crashed; `restartInMs` is null once `maxRestarts` is used up. */
  onCrash: (reason: string, restartInMs: number | null) => void;
  maxRestarts?: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export class ManagedWorker<In, Out> {
  private worker: WorkerLike | null = null;
  private timer: unknown = null;
  private crashes = 0;
  private lastCrashMs = 0;
  private disposed = false;
  /** Restarts so far. */
  restarts = 0;

  constructor(private readonly options: ManagedWorkerOptions<Out>) {}

  /** True while a worker is running (not crashed-and-waiting or disposed). */
  get alive(): boolean {
    return this.worker !== null;
  }

  start(): void {
    if (this.disposed || this.worker) return;
    let worker: WorkerLike;
    try {
      worker = this.options.create();
    } catch (error) {
      this.crashed(`could not start: ${String(error)}`);
      return;
    }
    this.worker = worker;
    worker.onmessage = (event) => this.options.onMessage(event.data as Out);
    worker.onerror = (event) => {
      event.preventDefault?.();
      this.crashed(event.message || 'worker error');
    };
    this.options.onStart(worker);
  }

  post(message: In, transfer: Transferable[] = []): void {
    this.worker?.postMessage(message, transfer);
  }

  /** Stops the worker (and any pending restart); `start()` brings a fresh one. */
  stop(stopMessage?: In): void {
    if (this.timer !== null) (this.options.clearTimer ?? clearTimeout)(this.timer as ReturnType<typeof setTimeout>);
    this.timer = null;
    if (this.worker && stopMessage !== undefined) this.worker.postMessage(stopMessage);
    this.worker?.terminate();
    this.worker = null;
  }

  /** Stops the worker for good. */
  dispose(disposeMessage?: In): void {
    this.disposed = true;
    if (this.timer !== null) (this.options.clearTimer ?? clearTimeout)(this.timer as ReturnType<typeof setTimeout>);
    if (this.worker && disposeMessage !== undefined) this.worker.postMessage(disposeMessage);
    this.worker?.terminate();
    this.worker = null;
  }

  private crashed(reason: string): void {
    this.worker?.terminate();
    this.worker = null;
    const now = (this.options.now ?? performance.now.bind(performance))();
    if (now - this.lastCrashMs > 60000) this.crashes = 0;
    this.lastCrashMs = now;
    const max = this.options.maxRestarts ?? 8;
    if (this.restarts >= max || this.disposed) {
      this.options.onCrash(reason, null);
      return;
    }
    const delay = Math.min(30000, 1000 * 2 ** this.crashes);
    this.crashes++;
    this.options.onCrash(reason, delay);
    this.timer = (this.options.setTimer ?? setTimeout)(() => {
      this.timer = null;
      this.restarts++;
      this.start();
    }, delay);
  }
}
