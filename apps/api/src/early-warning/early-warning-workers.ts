import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import path from 'node:path';
import { sourceWorkerScript } from '../evidence/evidence-workers';
import { WorkerPool, type WorkerScript } from '../evidence/worker-pool';
import type { RiskFitResult, RiskFitTask } from './early-warning-fit';

/**
 * The worker's script: in the bundle (dist/apps/api/main.js) webpack's entry early-warning-worker.js beside
 * main.js; run from the sources, early-warning.worker.ts.
 */
export function earlyWarningWorkerScript(): WorkerScript {
  if (!__filename.endsWith('.ts')) return { path: path.join(__dirname, 'early-warning-worker.js'), execArgv: [] };
  return sourceWorkerScript(path.join(__dirname, 'early-warning.worker.ts'));
}

/** A buffer to move to the worker; a shared one is seen by both threads already and is not moved. */
const movable = (buffer: ArrayBufferLike): ArrayBuffer[] => (buffer instanceof ArrayBuffer ? [buffer] : []);

/**
 * The early-warning model's fits run on the evidence board's WorkerPool (docs/ARCHITECTURE.md "Evidence"), in a
 * pool of their own of two threads: the validation fit and the final fit run side by side, and a refit after a
 * load never queues behind a board's forty regressions (nor a board behind it). Closed with the module.
 */
@Injectable()
export class EarlyWarningWorkers implements OnModuleDestroy {
  private readonly pool = new WorkerPool<RiskFitTask, RiskFitResult>(earlyWarningWorkerScript(), 2);

  /** The task's arrays move to the worker: the caller builds them for this fit alone. */
  fit(task: RiskFitTask): Promise<RiskFitResult> {
    const { outcomes, design } = task;
    const buffers = [outcomes.buffer, design.rowStarts.buffer, design.columnIndex.buffer, design.values.buffer];
    return this.pool.run(task, buffers.flatMap(movable));
  }

  onModuleDestroy(): Promise<void> {
    return this.pool.close();
  }
}
