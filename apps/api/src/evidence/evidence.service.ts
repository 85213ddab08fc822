import type { EpisodeFilters, EvidenceClaimDetail, EvidenceResponse } from '@iop/contracts';
import { Injectable, NotFoundException } from '@nestjs/common';
import type { AccessScope } from '../access/access-scope';
import { ResultCache } from '../common/result-cache';
import { CostsService } from '../costs/costs.service';
import { CLAIM_IDS, type ClaimInputs } from './board-claims';
import { EvidenceRowsQuery } from './evidence-rows.query';
import { EvidenceWorkers } from './evidence-workers';
import { SlotAttendanceQuery } from './slot-attendance.query';

@Injectable()
export class EvidenceService {
  constructor(
    private readonly rowsQuery: EvidenceRowsQuery,
    private readonly costs: CostsService,
    private readonly cache: ResultCache,
    private readonly slotAttendance: SlotAttendanceQuery,
    private readonly workers: EvidenceWorkers,
  ) {}

  /** Every claim's card, tested on the selected episodes; the models are fitted in the worker threads. */
  board(scope: AccessScope, filters: EpisodeFilters): Promise<EvidenceResponse> {
    return this.cache.get(scope, filters, 'board', async () => {
      const { asOf, inputs } = await this.inputs(scope, filters);
      const { cards } = await this.workers.compute(inputs, CLAIM_IDS);
      return { asOf, claims: cards.map((card) => card.claim) };
    });
  }

  /** One claim's card with the full data of its chart. */
  claim(scope: AccessScope, filters: EpisodeFilters, id: number): Promise<EvidenceClaimDetail> {
    if (!CLAIM_IDS.includes(id)) throw new NotFoundException(`claim ${id} is not on the evidence board`);
    return this.cache.get(scope, filters, `claim ${id}`, async () => {
      const { asOf, inputs } = await this.inputs(scope, filters);
      const {
        cards: [{ claim, detail }],
      } = await this.workers.compute(inputs, [id]);
      return { asOf, ...claim, detail };
    });
  }

  private async inputs(
    scope: AccessScope,
    filters: EpisodeFilters,
  ): Promise<{ asOf: string | null; inputs: ClaimInputs }> {
    const [{ asOf, rows }, costs, slotAttendance] = await Promise.all([
      this.rowsQuery.run(scope, filters),
      this.costs.summary(scope, filters),
      this.slotAttendance.run(scope, filters),
    ]);
    return { asOf, inputs: { rows, costs, slotAttendance } };
  }
}
