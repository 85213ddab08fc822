import type { EpisodeFilters, EvidenceClaimDetail, EvidenceResponse } from '@iop/contracts';
import { Injectable, NotFoundException } from '@nestjs/common';
import type { AccessScope } from '../access/access-scope';
import { ResultCache } from '../common/result-cache';
import { CostsService } from '../costs/costs.service';
import { CLAIM_IDS, type PackedClaimInputs } from './board-claims';
import { withFalseDiscoveryControl } from './board-multiplicity';
import { AppointmentCountStore } from '../episodes/appointment-count-store';
import { AsOfQuery } from '../episodes/as-of.query';
import { EvidenceRowStore } from './evidence-row-store';
import { EvidenceWorkers } from './evidence-workers';

@Injectable()
export class EvidenceService {
  constructor(
    private readonly rows: EvidenceRowStore,
    private readonly asOfQuery: AsOfQuery,
    private readonly costs: CostsService,
    private readonly cache: ResultCache,
    private readonly appointmentCounts: AppointmentCountStore,
    private readonly workers: EvidenceWorkers,
  ) {}

  /**
   * Every claim's card, tested on the selected episodes; the models are fitted in the worker threads. Each
   * adjusted p gets its Benjamini-Hochberg q over the board, which the verdict needs (board-multiplicity.ts).
   */
  board(scope: AccessScope, filters: EpisodeFilters): Promise<EvidenceResponse> {
    return this.cache.get(scope, filters, 'board', async () => {
      const { asOf, inputs } = await this.inputs(scope, filters);
      const { cards } = await this.workers.compute(inputs, CLAIM_IDS);
      return { asOf, claims: withFalseDiscoveryControl(cards.map((card) => card.claim)) };
    });
  }

  /**
   * One claim's card with the full data of its chart. Its q and verdict are the board's: a q is only defined
   * over the claims tested together, so the board of the same selection is computed (or read from the cache).
   */
  claim(scope: AccessScope, filters: EpisodeFilters, id: number): Promise<EvidenceClaimDetail> {
    if (!CLAIM_IDS.includes(id)) throw new NotFoundException(`claim ${id} is not on the evidence board`);
    return this.cache.get(scope, filters, `claim ${id}`, async () => {
      const [board, { asOf, inputs }] = await Promise.all([this.board(scope, filters), this.inputs(scope, filters)]);
      const {
        cards: [{ claim, detail }],
      } = await this.workers.compute(inputs, [id]);
      const onBoard = board.claims.find((card) => card.id === id);
      return {
        asOf,
        ...claim,
        adjusted: onBoard?.adjusted ?? claim.adjusted,
        verdict: onBoard?.verdict ?? claim.verdict,
        detail,
      };
    });
  }

  private async inputs(
    scope: AccessScope,
    filters: EpisodeFilters,
  ): Promise<{ asOf: string | null; inputs: PackedClaimInputs }> {
    const [rows, asOf, costs, slotAttendance] = await Promise.all([
      this.rows.packed(scope, filters),
      this.asOfQuery.run(),
      this.costs.summary(scope, filters),
      this.appointmentCounts.slotAttendance(scope, filters),
    ]);
    return { asOf, inputs: { rows, costs, slotAttendance } };
  }
}
