import type { FunnelPlot } from './funnel';
import type { CountOrSuppressed, RateOrSuppressed } from './rates';

/** The quality measures of docs/METRICS.md "Quality measures" (public summaries of the HEDIS definitions). */
export const QUALITY_MEASURE_IDS = ['iet-initiation', 'iet-engagement', 'pod', 'pdc-mat', 'fui-7', 'fui-30'] as const;
export type QualityMeasureId = (typeof QUALITY_MEASURE_IDS)[number];

/** Which episodes of a measure the patient list shows: the numerator, or the whole denominator. */
export const QUALITY_POPULATIONS = ['numerator', 'denominator'] as const;
export type QualityPopulation = (typeof QUALITY_POPULATIONS)[number];

/** Episodes that met the measure's population but were left out of the denominator, and why. */
export interface QualityExclusion {
  reason: string;
  count: CountOrSuppressed;
}

/** One measure over the selected episodes: numerator and denominator with the rate and its Wilson interval. */
export interface QualityMeasureResult {
  id: QualityMeasureId;
  name: string;
  definition: string;
  rate: RateOrSuppressed;
  exclusions: QualityExclusion[];
}

export interface QualityMeasuresResponse {
  asOf: string | null;
  measures: QualityMeasureResult[];
}

/** A month of admission (YYYY-MM) or a program or payer, with the measure's rate among its episodes. */
export interface QualityMeasureGroup {
  key: string;
  label: string;
  rate: RateOrSuppressed;
}

export interface QualityMeasureDetailResponse {
  asOf: string | null;
  measure: QualityMeasureResult;
  /** Per month of admission, every month from the first to the last with a denominator episode. */
  trend: QualityMeasureGroup[];
  byProgram: QualityMeasureGroup[];
  byPayer: QualityMeasureGroup[];
  /**
   * The programs on a funnel plot (docs/METRICS.md "Quality measures"): each program of `byProgram` against its
   * denominator, with the exact 95% and 99.8% limits around the measure's rate (`network`), in byProgram's order
   * (by id), never ranked; a program byProgram withholds is in `withheld`, never placed.
   */
  funnel: FunnelPlot;
}

/** One episode of a patient list, with the dates that decided it (their meaning is in the response's columns). */
export interface QualityPatientRow {
  /** The pseudonymous patient key of the source system, never a name. */
  patientKey: string;
  episodeId: number;
  programId: number;
  admitDate: string;
  inNumerator: boolean;
  startDate: string | null;
  eventDate: string | null;
  days: number | null;
  /** The proportion of days covered (PDC only). */
  proportion: number | null;
}

export interface QualityPatientsResponse {
  asOf: string | null;
  measureId: QualityMeasureId;
  population: QualityPopulation;
  /** What startDate, eventDate and days mean for this measure. */
  columns: { startDate: string; eventDate: string; days: string };
  rows: QualityPatientRow[];
}
