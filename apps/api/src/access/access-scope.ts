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
}

export const UNRESTRICTED_SCOPE: AccessScope = { programIds: null, payer: null };
