import type { EpisodeFilters, EvidenceClaimDetail, EvidenceResponse } from '@iop/contracts';
import { Injectable, NotFoundException } from '@nestjs/common';
import type { AccessScope } from '../access/access-scope';
import type { ClaimCard } from './claim-card';
import { claimContactCompliance, claimEveningAccess, claimIndividualAlliance } from './claims-contact';
import { claimFamily, claimIopVsOutpatient } from './claims-groups';
import { claimMutualHelp, claimProgressMotivation } from './claims-outcomes';
import { claimMat, claimPeerGroups } from './claims-survival';
import { EvidenceRowsQuery, type EvidenceRow } from './evidence-rows.query';

/**
 * The claims on the board, by id. Claim 6 (cost-effectiveness) is not computed here yet: it needs the cost
 * queries and the programs' comparison rates.
 */
const CLAIMS: Record<number, (rows: readonly EvidenceRow[]) => ClaimCard> = {
  1: claimContactCompliance,
  2: claimIndividualAlliance,
  3: claimPeerGroups,
  4: claimIopVsOutpatient,
  5: claimEveningAccess,
  7: claimFamily,
  8: claimProgressMotivation,
  9: claimMutualHelp,
  10: claimMat,
};

@Injectable()
export class EvidenceService {
  constructor(private readonly rowsQuery: EvidenceRowsQuery) {}

  async board(scope: AccessScope, filters: EpisodeFilters): Promise<EvidenceResponse> {
    const { asOf, rows } = await this.rowsQuery.run(scope, filters);
    return { asOf, claims: Object.values(CLAIMS).map((compute) => compute(rows).claim) };
  }

  async claim(scope: AccessScope, filters: EpisodeFilters, id: number): Promise<EvidenceClaimDetail> {
    const compute = CLAIMS[id];
    if (!compute) throw new NotFoundException(`claim ${id} is not on the evidence board`);
    const { asOf, rows } = await this.rowsQuery.run(scope, filters);
    const { claim, detail } = compute(rows);
    return { asOf, ...claim, detail };
  }
}
