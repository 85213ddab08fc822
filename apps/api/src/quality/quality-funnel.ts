import type { QualityMeasureDetailResponse } from '@iop/contracts';
import { funnelPlotOf } from '../metrics/funnel';

/** The measure's detail before its funnel: what small-cell suppression and perturbation work on. */
export type QualityMeasureSplits = Omit<QualityMeasureDetailResponse, 'funnel'>;

/**
 * The detail with its programs on a funnel plot around the measure's rate (docs/METRICS.md "Quality measures"),
 * built by the metrics funnel's code from the rate and byProgram as the caller receives them: for a payer, already
 * withheld and perturbed, so the funnel places no program that byProgram withholds and shows no other number.
 */
export function withFunnel(splits: QualityMeasureSplits): QualityMeasureDetailResponse {
  return { ...splits, funnel: funnelPlotOf(splits.measure.rate, splits.byProgram) };
}
