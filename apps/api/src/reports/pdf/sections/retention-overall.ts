import type { RetentionCurve, RetentionResponse } from '@iop/contracts';
import { survivalCurve } from '../../../retention/survival-curve';

/**
 * The curve of all selected episodes together. The per-program curves partition the selection and their steps
 * list every distinct time with its events and censorings, so they hold each episode's (time, event) pair
 * exactly: the overall curve is built from those counts as the retention service builds each of its curves.
 * Null when no episode is selected.
 */
export function overallCurve(response: RetentionResponse): RetentionCurve | null {
  const cells = response.curves.flatMap((curve) =>
    curve.steps.flatMap((step) => [
      ...(step.events > 0 ? [{ time: step.time, event: 1 as const, count: step.events }] : []),
      ...(step.censored > 0 ? [{ time: step.time, event: 0 as const, count: step.censored }] : []),
    ]),
  );
  if (cells.length === 0) return null;
  return survivalCurve('all', 'All selected episodes', cells, response.timeOriginDay);
}

/** Episodes still at risk just before day `day`: those whose time is `day` or later. */
export function atRiskOn(curve: RetentionCurve, day: number): number {
  return curve.steps.find((step) => step.time >= day)?.atRisk ?? 0;
}
