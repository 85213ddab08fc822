import { HttpStatus, type INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Server, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';

/** From the signal to the exit, at most this long (`docker stop` waits 10 s before it kills). */
export const SHUTDOWN_DEADLINE_MS = 9500;

/** Requests in flight at the signal get this long to finish; then their connections are closed. */
export const DRAIN_TIMEOUT_MS = 5000;

/** After the drain, refusals still being written get this long before every connection is closed. */
const CLOSE_GRACE_MS = 500;

/** What a request that arrives during the shutdown reads, with a 503. */
export const SHUTTING_DOWN_MESSAGE = 'The server is shutting down; try again in a moment.';

export interface ShutdownOptions {
  /** One line for the operator (standard output by default). */
  say?: (line: string) => void;
  /** Ends the process (process.exit by default). */
  exit?: (code: number) => void;
}

/**
 * SIGTERM and SIGINT without losing a request (docs/ARCHITECTURE.md "Faults"). From the signal on, every new
 * request is answered 503 with Connection: close (a load balancer's health check included), while the requests
 * in flight finish, for up to DRAIN_TIMEOUT_MS. Then the server stops listening (new connections are refused)
 * and closes its connections, the app closes (a running job gets JOB_STOP_TIMEOUT_MS, then the database pools
 * close) and the process exits 0. Past SHUTDOWN_DEADLINE_MS it exits 1 whatever is left; a second signal exits
 * 1 at once.
 *
 * Idle keep-alive connections stay open during the drain on purpose: closing them at the signal (what
 * server.close() does) races with a request a client is sending on one at that moment, which then fails with a
 * reset instead of a clean 503. It replaces Nest's enableShutdownHooks, which closes the database before the
 * HTTP server (requests in flight then fail) and ends the process by re-sending the signal, never with 0.
 */
export class GracefulShutdown {
  private readonly inFlight = new Set<ServerResponse>();
  /** Requests that arrived after the signal (their body may still be on its way when the middleware runs). */
  private readonly lateArrivals = new WeakSet<ServerResponse>();
  /** The requests admitted before the signal that have not finished, while draining. */
  private draining: { pending: Set<ServerResponse>; finished: () => void } | null = null;
  private readonly say: (line: string) => void;
  private readonly exit: (code: number) => void;
  private stopping: Promise<void> | null = null;

  /** Call before app.listen(), so that its middleware comes before every route. */
  constructor(
    private readonly app: INestApplication,
    options: ShutdownOptions = {},
  ) {
    this.say = options.say ?? ((line) => process.stdout.write(`${line}\n`));
    this.exit = options.exit ?? ((code) => process.exit(code));
    app.use((request: Request, response: Response, next: NextFunction) => this.admit(request, response, next));
    // Before Express's own listener, which may run the whole middleware chain synchronously.
    this.server.prependListener('request', (_request, response: ServerResponse) => this.track(response));
  }

  /** True from the first signal on. */
  get shuttingDown(): boolean {
    return this.stopping !== null;
  }

  /** Shuts down on SIGTERM and SIGINT. */
  listen(): void {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.on(signal, () => {
        if (this.stopping) {
          this.say(`${signal} again: exiting now`);
          this.exit(1);
          return;
        }
        void this.shutdown(signal);
      });
    }
  }

  shutdown(reason: string): Promise<void> {
    this.stopping ??= this.stop(reason);
    return this.stopping;
  }

  private get server(): Server {
    return this.app.getHttpServer() as Server;
  }

  private async stop(reason: string): Promise<void> {
    const deadline = setTimeout(() => {
      this.say(`shutdown did not finish within ${SHUTDOWN_DEADLINE_MS / 1000} s; exiting`);
      this.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    this.say(`${reason}: shutting down; ${this.inFlight.size} request(s) in flight may finish, new ones are refused`);
    try {
      await this.drain();
      const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
      await Promise.race([closed, delay(CLOSE_GRACE_MS)]);
      this.server.closeAllConnections();
      await this.app.close();
      clearTimeout(deadline);
      this.say('shut down cleanly');
      this.exit(0);
    } catch (error) {
      clearTimeout(deadline);
      this.say(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
      this.exit(1);
    }
  }

  /** Waits until the requests admitted before the signal have finished, for up to DRAIN_TIMEOUT_MS. */
  private async drain(): Promise<void> {
    const pending = new Set(this.inFlight);
    // A response not yet begun closes its connection when it ends, rather than keeping it alive for more.
    for (const response of pending) if (!response.headersSent) response.setHeader('Connection', 'close');
    if (pending.size === 0) return;
    const finished = new Promise<void>((resolve) => (this.draining = { pending, finished: resolve }));
    await Promise.race([finished, delay(DRAIN_TIMEOUT_MS)]);
    if (pending.size > 0) this.say(`${pending.size} request(s) did not finish in time; closing them`);
  }

  private admit(_request: Request, response: Response, next: NextFunction): void {
    if (!this.lateArrivals.has(response)) {
      next();
      return;
    }
    response.setHeader('Connection', 'close');
    response.setHeader('Retry-After', '5');
    response.status(HttpStatus.SERVICE_UNAVAILABLE).json({
      statusCode: HttpStatus.SERVICE_UNAVAILABLE,
      error: 'Service Unavailable',
      message: SHUTTING_DOWN_MESSAGE,
    });
  }

  private track(response: ServerResponse): void {
    if (this.stopping) this.lateArrivals.add(response);
    this.inFlight.add(response);
    response.once('close', () => {
      this.inFlight.delete(response);
      if (this.draining?.pending.delete(response) && this.draining.pending.size === 0) this.draining.finished();
    });
  }
}
