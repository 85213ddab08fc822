import type { RetentionCurve, RetentionResponse } from '@iop/contracts';
import { survivalCurve } from '../../../retention/survival-curve';

/**
 * The curve of all selected episodes together. The per-program curves partition the selection and their steps
 * list every distinct time with its events and censorings, so they hold each episode's (time, event) pair
 * exactly: the overall curve is built from those pairs as the retention service builds each of its curves.
 * Null when no episode is selected.
 */
export function overallCurve(response: RetentionResponse): RetentionCurve | null {
  const time: number[] = [];
  const event: number[] = [];
  for (const curve of response.curves) {
    for (const step of curve.steps) {
      time.push(...Array<number>(step.events + step.censored).fill(step.time));
      event.push(...Array<number>(step.events).fill(1), ...Array<number>(step.censored).fill(0));
    }
  }
  if (time.length === 0) return null;
  return survivalCurve('all', 'All selected episodes', time, event, response.timeOriginDay);
}

/** Episodes still at risk just before day `day`: those whose time is `day` or later. */
export function atRiskOn(curve: RetentionCurve, day: number): number {
  return curve.steps.find((step) => step.time >= day)?.atRisk ?? 0;
}
