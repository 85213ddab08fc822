import type { ReportKind, UserRole } from '@iop/contracts';

/** The message of the one report a payer may not have. */
export const PAYER_KIND_MESSAGE =
  'A payer can only request the payer report (kind "payer"): the outcomes report is not suppressed for payers';

/** Payers get the payer variant only (suppressed, de-identified); the analyst roles get either. */
export function mayRequest(role: UserRole, kind: ReportKind): boolean {
  return role !== 'payer' || kind === 'payer';
}
