import type { CostSummaryResponse, EpisodeFilters, EvidenceClaimDetail, EvidenceResponse } from '@iop/contracts';
import { Injectable, NotFoundException } from '@nestjs/common';
import type { AccessScope } from '../access/access-scope';
import { CostsService } from '../costs/costs.service';
import type { ClaimCard } from './claim-card';
import { claimCostEffectiveness } from './claims-costs';
import { claimContactCompliance, claimEveningAccess, claimIndividualAlliance } from './claims-contact';
import { claimFamily, claimIopVsOutpatient } from './claims-groups';
import { claimMutualHelp, claimProgressMotivation } from './claims-outcomes';
import { claimMat, claimPeerGroups } from './claims-survival';
import { EvidenceCache } from './evidence-cache';
import { EvidenceRowsQuery, type EvidenceRow } from './evidence-rows.query';

/** The claims on the board, by id; claim 6 (cost-effectiveness) also reads the costs summary of the selection. */
const CLAIMS: Record<number, (rows: readonly EvidenceRow[], costs: CostSummaryResponse) => ClaimCard> = {
  1: claimContactCompliance,
  2: claimIndividualAlliance,
  3: claimPeerGroups,
  4: claimIopVsOutpatient,
  5: claimEveningAccess,
  6: claimCostEffectiveness,
  7: claimFamily,
  8: claimProgressMotivation,
  9: claimMutualHelp,
  10: claimMat,
};

@Injectable()
export class EvidenceService {
  constructor(
    private readonly rowsQuery: EvidenceRowsQuery,
    private readonly costs: CostsService,
    private readonly cache: EvidenceCache,
  ) {}

  /** Every claim's card, tested on the selected episodes. */
  board(scope: AccessScope, filters: EpisodeFilters): Promise<EvidenceResponse> {
    return this.cache.get(scope, filters, 'board', async () => {
      const [{ asOf, rows }, costs] = await this.inputs(scope, filters);
      return { asOf, claims: Object.values(CLAIMS).map((compute) => compute(rows, costs).claim) };
    });
  }

  /** One claim's card with the full data of its chart. */
  claim(scope: AccessScope, filters: EpisodeFilters, id: number): Promise<EvidenceClaimDetail> {
    const compute = CLAIMS[id];
    if (!compute) throw new NotFoundException(`claim ${id} is not on the evidence board`);
    return this.cache.get(scope, filters, `claim ${id}`, async () => {
      const [{ asOf, rows }, costs] = await this.inputs(scope, filters);
      const { claim, detail } = compute(rows, costs);
      return { asOf, ...claim, detail };
    });
  }

  private inputs(scope: AccessScope, filters: EpisodeFilters) {
    return Promise.all([this.rowsQuery.run(scope, filters), this.costs.summary(scope, filters)]);
  }
}
