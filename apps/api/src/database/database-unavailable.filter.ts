import { type ArgumentsHost, Catch, type ExceptionFilter, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import {
  DATABASE_PROBLEM_MESSAGES,
  DATABASE_RETRY_AFTER_SECONDS,
  databaseProblem,
  DatabaseUnavailableError,
  type DatabaseProblem,
} from './database-unavailable';

/** One warning per this many milliseconds of an outage, not one per refused request. */
const WARNING_INTERVAL_MS = 10_000;

/**
 * While the database cannot be reached (stopped, restarting, refusing connections, a connection cut), or the
 * pool has had no free connection for 5 s, every request that needs it, the access check included, is answered
 * 503 with a message and Retry-After instead of a 500. The pool reconnects by itself once the database is back
 * (docs/ARCHITECTURE.md "Faults"). It catches only those errors (see DatabaseUnavailableError), so every other
 * error still reaches the other filters.
 */
@Catch(DatabaseUnavailableError)
export class DatabaseUnavailableFilter implements ExceptionFilter {
  private readonly logger = new Logger('Database');
  private lastWarningAt = 0;

  catch(error: unknown, host: ArgumentsHost): void {
    const problem = databaseProblem(error) ?? 'unreachable';
    this.warn(problem, error);
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) {
      // A streamed answer that lost its database half-way: the client must not take it for a whole one.
      response.destroy();
      return;
    }
    response.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    response.status(HttpStatus.SERVICE_UNAVAILABLE).json({
      statusCode: HttpStatus.SERVICE_UNAVAILABLE,
      error: 'Service Unavailable',
      message: DATABASE_PROBLEM_MESSAGES[problem],
    });
  }

  private warn(problem: DatabaseProblem, error: unknown): void {
    const now = Date.now();
    if (now - this.lastWarningAt < WARNING_INTERVAL_MS) return;
    this.lastWarningAt = now;
    const reason = error instanceof Error ? error.message : String(error);
    this.logger.warn(
      problem === 'busy'
        ? `no database connection became free in time (${reason}); answering 503`
        : `the database cannot be reached (${reason}); answering 503 until it is back`,
    );
  }
}
