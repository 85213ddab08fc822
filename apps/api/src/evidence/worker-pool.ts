import { parentPort, type TransferListItem, Worker } from 'node:worker_threads';

/** Where a pool's workers come from: the script and how Node must start it. */
export interface WorkerScript {
  path: string;
  /** Node options of the worker (e.g. a TypeScript loader); none for a built script. */
  execArgv: string[];
  env?: NodeJS.ProcessEnv;
}

interface Job {
  id: number;
  task: unknown;
  transfer: readonly TransferListItem[];
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

/** What a worker sends back: the result or the error of one task. */
type Reply = { id: number; result: unknown } | { id: number; error: { name: string; message: string; stack?: string } };

interface PoolWorker {
  worker: Worker;
  job: Job | null;
}

/** Standard error classes keep their class across the thread boundary; anything else comes back as Error. */
const ERROR_CLASSES: Record<string, new (message: string) => Error> = {
  RangeError,
  TypeError,
  SyntaxError,
  ReferenceError,
};

/**
 * A fixed number of worker threads running one script, each one task at a time, with a queue in front:
 * CPU-bound work (the evidence board's model fits) runs there so that the event loop keeps serving other
 * requests. Workers start on first use and are replaced when one dies; an error thrown by a task rejects
 * that task's promise with an error of the same class and message, and a worker that dies rejects its task
 * (a crash is never a hang). Idle workers do not keep the process alive; close() stops them all.
 */
export class WorkerPool<Task, Result> {
  private readonly workers = new Set<PoolWorker>();
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly script: WorkerScript,
    readonly size: number,
  ) {
    if (!(Number.isInteger(size) && size >= 1))
      throw new RangeError(`a worker pool needs 1 or more workers, got ${size}`);
  }

  /**
   * Runs `task` in a free worker. `transfer` lists buffers of the task that move to the worker instead of being
   * copied (they are unusable here afterwards): a design of a million rows is then never held twice.
   */
  run(task: Task, transfer: readonly TransferListItem[] = []): Promise<Result> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, transfer, resolve: resolve as (result: unknown) => void, reject });
      this.dispatch();
    });
  }

  /** Stops every worker; queued tasks and tasks in flight are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    const stopped = new Error('the worker pool was closed');
    for (const job of this.queue.splice(0)) job.reject(stopped);
    const running = [...this.workers];
    this.workers.clear();
    for (const { job } of running) job?.reject(stopped);
    await Promise.all(running.map(({ worker }) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const free = [...this.workers].find((candidate) => candidate.job === null) ?? this.start();
      if (!free) return;
      const job = this.queue.shift() as Job;
      free.job = job;
      free.worker.ref();
      free.worker.postMessage({ id: job.id, task: job.task }, [...job.transfer]);
    }
  }

  /** A new worker, or undefined when the pool is full. */
  private start(): PoolWorker | undefined {
    if (this.workers.size >= this.size || this.closed) return undefined;
    const worker = new Worker(this.script.path, { execArgv: this.script.execArgv, env: this.script.env });
    const member: PoolWorker = { worker, job: null };
    this.workers.add(member);
    worker.on('message', (reply: Reply) => {
      const job = member.job;
      if (!job || job.id !== reply.id) return;
      member.job = null;
      worker.unref();
      if ('error' in reply) job.reject(revive(reply.error));
      else job.resolve(reply.result);
      this.dispatch();
    });
    // An exception outside a task, a failed start or running out of memory: 'error', then 'exit'.
    worker.on('error', (error: Error) => this.retire(member, error));
    worker.on('exit', (code) => this.retire(member, new Error(`a worker thread stopped (exit code ${code})`)));
    return member;
  }

  private retire(member: PoolWorker, error: Error): void {
    const job = member.job;
    member.job = null;
    if (!this.workers.delete(member)) return;
    void member.worker.terminate();
    job?.reject(error);
    if (!this.closed) this.dispatch();
  }
}

function revive({ name, message, stack }: { name: string; message: string; stack?: string }): Error {
  const ErrorClass = ERROR_CLASSES[name] ?? Error;
  const error = new ErrorClass(message);
  if (stack) error.stack = `${stack}\n    (in a worker thread)`;
  return error;
}

/** The worker's side: runs each task it is sent through `handle` and replies with the result or the error. */
export function serveTasks<Task, Result>(handle: (task: Task) => Result): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks runs in a worker thread');
  port.on('message', ({ id, task }: { id: number; task: Task }) => {
    let reply: Reply;
    try {
      reply = { id, result: handle(task) };
    } catch (thrown) {
      const error = thrown instanceof Error ? thrown : new Error(String(thrown));
      reply = { id, error: { name: error.name, message: error.message, stack: error.stack } };
    }
    port.postMessage(reply);
  });
}
