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
import { ResultCache } from '../common/result-cache';
import { EvidenceRowsQuery, type EvidenceRow } from './evidence-rows.query';
import { SlotAttendanceQuery, type SlotAttendanceCell } from './slot-attendance.query';

/** What the claims are computed from: per-episode rows, the costs summary (claim 6), slot attendance (claim 5). */
interface BoardInputs {
  asOf: string | null;
  rows: readonly EvidenceRow[];
  costs: CostSummaryResponse;
  slotAttendance: readonly SlotAttendanceCell[];
}

/** The claims on the board, by id. */
const CLAIMS: Record<number, (inputs: BoardInputs) => ClaimCard> = {
  1: ({ rows }) => claimContactCompliance(rows),
  2: ({ rows }) => claimIndividualAlliance(rows),
  3: ({ rows }) => claimPeerGroups(rows),
  4: ({ rows }) => claimIopVsOutpatient(rows),
  5: ({ rows, slotAttendance }) => claimEveningAccess(rows, slotAttendance),
  6: ({ rows, costs }) => claimCostEffectiveness(rows, costs),
  7: ({ rows }) => claimFamily(rows),
  8: ({ rows }) => claimProgressMotivation(rows),
  9: ({ rows }) => claimMutualHelp(rows),
  10: ({ rows }) => claimMat(rows),
};

@Injectable()
export class EvidenceService {
  constructor(
    private readonly rowsQuery: EvidenceRowsQuery,
    private readonly costs: CostsService,
    private readonly cache: ResultCache,
    private readonly slotAttendance: SlotAttendanceQuery,
  ) {}

  /** Every claim's card, tested on the selected episodes. */
  board(scope: AccessScope, filters: EpisodeFilters): Promise<EvidenceResponse> {
    return this.cache.get(scope, filters, 'board', async () => {
      const inputs = await this.inputs(scope, filters);
      return { asOf: inputs.asOf, claims: Object.values(CLAIMS).map((compute) => compute(inputs).claim) };
    });
  }

  /** One claim's card with the full data of its chart. */
  claim(scope: AccessScope, filters: EpisodeFilters, id: number): Promise<EvidenceClaimDetail> {
    const compute = CLAIMS[id];
    if (!compute) throw new NotFoundException(`claim ${id} is not on the evidence board`);
    return this.cache.get(scope, filters, `claim ${id}`, async () => {
      const inputs = await this.inputs(scope, filters);
      const { claim, detail } = compute(inputs);
      return { asOf: inputs.asOf, ...claim, detail };
    });
  }

  private async inputs(scope: AccessScope, filters: EpisodeFilters): Promise<BoardInputs> {
    const [{ asOf, rows }, costs, slotAttendance] = await Promise.all([
      this.rowsQuery.run(scope, filters),
      this.costs.summary(scope, filters),
      this.slotAttendance.run(scope, filters),
    ]);
    return { asOf, rows, costs, slotAttendance };
  }
}
