import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { ClaimsResult, ClaimsTask, PackedClaimInputs } from './board-claims';
import type { ClaimCard } from './claim-card';
import { WorkerPool, type WorkerScript } from './worker-pool';

/**
 * One worker per core. The board's inputs come from memory (EvidenceRowStore, AppointmentCountStore), so while
 * its claims are fitted the event loop has little to do: on this 2-core machine, the large network's whole board
 * took 2.3 s with two workers against 3.3 s with one (docs/PERFORMANCE.md). Other requests still run on the event
 * loop meanwhile, sharing the cores with the fits.
 */
export const EVIDENCE_WORKER_COUNT = Math.max(1, availableParallelism());

/**
 * A worker script of the API run from its TypeScript sources (jest, tsx): compiled by tsx's require hook, with
 * the workspace's path aliases.
 */
export function sourceWorkerScript(file: string): WorkerScript {
  const workspace = path.resolve(__dirname, '../../../..');
  return {
    path: file,
    execArgv: ['--require', 'tsx/cjs'],
    env: { ...process.env, TSX_TSCONFIG_PATH: path.join(workspace, 'tsconfig.base.json') },
  };
}

/**
 * The worker's script. In the bundle (dist/apps/api/main.js) it is webpack's second entry, evidence-worker.js,
 * beside main.js; run from the sources it is evidence.worker.ts.
 */
export function evidenceWorkerScript(): WorkerScript {
  if (!__filename.endsWith('.ts')) return { path: path.join(__dirname, 'evidence-worker.js'), execArgv: [] };
  return sourceWorkerScript(path.join(__dirname, 'evidence.worker.ts'));
}

/** The board's cards and the threads that computed them. */
export interface ComputedClaims {
  cards: ClaimCard[];
  threadIds: number[];
}

/**
 * The evidence board's worker threads, one pool per API process (docs/ARCHITECTURE.md "Evidence"): the
 * claims' model fits run there, never on the event loop. Closed with the module, so a shutdown stops them.
 */
@Injectable()
export class EvidenceWorkers implements OnModuleDestroy {
  private readonly pool = new WorkerPool<ClaimsTask, ClaimsResult>(evidenceWorkerScript(), EVIDENCE_WORKER_COUNT);

  /**
   * The cards of `claimIds`, in that order. The claims are dealt round-robin into one batch per worker and
   * the batches run concurrently; each batch carries the rows once, as shared columns (not copied).
   */
  async compute(inputs: PackedClaimInputs, claimIds: readonly number[]): Promise<ComputedClaims> {
    const { rows } = inputs;
    const batchCount = Math.min(this.pool.size, claimIds.length);
    const batches = Array.from({ length: batchCount }, (_, batch) =>
      claimIds.filter((_, index) => index % batchCount === batch),
    );
    const results = await Promise.all(
      batches.map((batch) =>
        this.pool.run({ rows, costs: inputs.costs, slotAttendance: [...inputs.slotAttendance], claimIds: batch }),
      ),
    );
    const cards = new Map(
      batches.flatMap((batch, b) => batch.map((id, i): [number, ClaimCard] => [id, results[b].cards[i]])),
    );
    return {
      cards: claimIds.map((id) => cards.get(id) as ClaimCard),
      threadIds: results.map((result) => result.threadId),
    };
  }

  onModuleDestroy(): Promise<void> {
    return this.pool.close();
  }
}
