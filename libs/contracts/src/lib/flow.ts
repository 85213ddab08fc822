import type { CountOrSuppressed, RateOrSuppressed } from './rates';

/** GET /api/v1/metrics/flow: admissions and discharges of the selected episodes per calendar month. */
export interface FlowResponse {
  asOf: string | null;
  /** Every month from the first to the last with an admission or a discharge; months with neither have zeros. */
  points: FlowPoint[];
}

export interface FlowPoint {
  /** YYYY-MM. */
  period: string;
  /** Selected episodes admitted in the month (payer: may be suppressed). */
  admissions: CountOrSuppressed;
  /** Selected episodes discharged in the month (payer: may be suppressed). */
  discharges: CountOrSuppressed;
}

/** Display labels of the TEDS-D discharge reason codes (DISCHARGE_REASONS). */
export const DISCHARGE_REASON_LABELS: Record<number, string> = {
  1: 'Completed',
  2: 'Dropped out',
  3: 'Terminated by facility',
  4: 'Transferred',
  5: 'Incarcerated',
  6: 'Death',
  7: 'Other',
};

/** GET /api/v1/metrics/discharge-reasons: how the selected discharged episodes ended. */
export interface DischargeReasonsResponse {
  asOf: string | null;
  /** Selected episodes with a discharge (the shares' denominator). */
  discharged: CountOrSuppressed;
  /** Selected episodes still active at the as-of date (not in any share). */
  active: CountOrSuppressed;
  /** All seven codes in code order, zero counts included. */
  reasons: DischargeReasonShare[];
}

export interface DischargeReasonShare {
  /** TEDS-D code 1-7. */
  code: number;
  label: string;
  /** Episodes discharged with this reason / discharged episodes. */
  share: RateOrSuppressed;
}
