import type { CostSummaryResponse } from '@iop/contracts';
import type { ClaimCard } from './claim-card';
import { claimCostEffectiveness } from './claims-costs';
import { claimContactCompliance, claimEveningAccess, claimIndividualAlliance } from './claims-contact';
import { claimFamily, claimIopVsOutpatient } from './claims-groups';
import { claimMutualHelp, claimProgressMotivation } from './claims-outcomes';
import { claimMat, claimPeerGroups } from './claims-survival';
import type { EvidenceRow } from './evidence-rows.query';
import { unpackRows, type PackedRows } from './packed-rows';
import type { SlotAttendanceCell } from '../episodes/appointment-count-store';

/** What the claims are computed from: per-episode rows, the costs summary (claim 6), slot attendance (claim 5). */
export interface ClaimInputs {
  rows: readonly EvidenceRow[];
  costs: CostSummaryResponse;
  slotAttendance: readonly SlotAttendanceCell[];
}

/** The claims on the board, by id. */
const CLAIMS: Record<number, (inputs: ClaimInputs) => ClaimCard> = {
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

export const CLAIM_IDS: readonly number[] = Object.keys(CLAIMS).map(Number);

/** The claims' inputs with the rows as shared columns (packed-rows.ts), as the workers are sent them. */
export interface PackedClaimInputs {
  rows: PackedRows;
  costs: CostSummaryResponse;
  slotAttendance: readonly SlotAttendanceCell[];
}

/** Some of a board's claims, as one worker computes them. */
export interface ClaimsTask extends PackedClaimInputs {
  slotAttendance: SlotAttendanceCell[];
  claimIds: number[];
}

export interface ClaimsResult {
  /** The worker thread that computed them (0 would be the main thread). */
  threadId: number;
  cards: ClaimCard[];
}

/** The cards of `claimIds`, in that order, computed here. */
export function claimCards(inputs: ClaimInputs, claimIds: readonly number[]): ClaimCard[] {
  return claimIds.map((id) => {
    const compute = CLAIMS[id];
    if (!compute) throw new RangeError(`claim ${id} is not on the evidence board`);
    return compute(inputs);
  });
}

/** What a worker does with a task: the cards of its claims, from its packed rows. */
export function computeClaims({ rows, costs, slotAttendance, claimIds }: ClaimsTask): ClaimCard[] {
  return claimCards({ rows: unpackRows(rows), costs, slotAttendance }, claimIds);
}
