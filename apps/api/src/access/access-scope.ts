import type { Payer } from '@iop/contracts';

/**
 * What the caller may see. Every query class takes it as an argument, so that access control, when login
 * arrives, narrows every query in one place instead of adding a second path. Before login it is "everything".
 */
export interface AccessScope {
  /** null: every program; otherwise only these. */
  programIds: number[] | null;
  /** A payer user sees only the episodes of the payer they represent. */
  payer: Payer | null;
  /**
   * How counts of 1-10 reach the caller (docs/ARCHITECTURE.md "Suppression"): 'suppress' withholds them and
   * every cell they could be derived from (apps/api/src/suppression); 'exact' shows them. It travels with the
   * scope so that every query and service that already receives the scope can apply it without a second path.
   */
  smallCells: SmallCellTreatment;
}

export type SmallCellTreatment = 'suppress' | 'exact';

export const UNRESTRICTED_SCOPE: AccessScope = { programIds: null, payer: null, smallCells: 'exact' };
