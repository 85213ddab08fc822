import { Logger } from '@nestjs/common';
import { isDatabaseUnavailable } from '../database/database-unavailable';

/**
 * A promise rejected with nobody to handle it ends a Node process. That stays so, except for two kinds that a
 * library leaves behind and that must not take the API down (docs/ARCHITECTURE.md "Faults"): a rejection
 * because the database cannot be reached (pg-boss 10 completes and fails jobs without awaiting the statement;
 * the job queue's adapter waits out a restart, but not an outage past its limit, nor a connection cut mid-way),
 * and anything once the shutdown has begun (statements of a job still running while the pools close).
 */
export function surviveDatabaseOutageRejections(shuttingDown: () => boolean): void {
  const logger = new Logger('Process');
  process.on('unhandledRejection', (reason: unknown) => {
    const message = reason instanceof Error ? reason.message : String(reason);
    if (isDatabaseUnavailable(reason) || shuttingDown()) {
      logger.warn(`a background statement failed (${message}); the process carries on`);
      return;
    }
    // What Node does without this listener: the process ends with the error.
    throw reason instanceof Error ? reason : new Error(`unhandled rejection: ${message}`);
  });
}
