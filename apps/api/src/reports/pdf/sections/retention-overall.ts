import type { RetentionCurve, RetentionResponse } from '@iop/contracts';
import { kaplanMeier } from '@iop/stats';

/**
 * The curve of all selected episodes together. The per-program curves partition the selection and their steps
 * list every distinct time with its events and censorings, so they hold each episode's (time, event) pair
 * exactly: the overall Kaplan-Meier estimate is computed from those pairs with the same estimator and band as
 * the retention service. Null when no episode is selected.
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
  const km = kaplanMeier(time, event, { confType: response.confType, confidence: response.confidence });
  const steps = km.steps.map((step) => ({ ...step, stdErr: Number.isNaN(step.stdErr) ? null : step.stdErr }));
  const referenceTime = response.referenceDays - response.timeOriginDay;
  const atStep = [...steps].reverse().find((step) => step.time <= referenceTime);
  const events = event.reduce((sum, e) => sum + e, 0);
  return {
    key: 'all',
    label: 'All selected episodes',
    episodes: time.length,
    events,
    censored: time.length - events,
    median: km.median,
    atReference:
      steps[steps.length - 1].time < referenceTime
        ? null
        : atStep
          ? { survival: atStep.survival, lower: atStep.lower, upper: atStep.upper }
          : { survival: 1, lower: null, upper: null },
    steps,
  };
}

/** Episodes still at risk just before day `day`: those whose time is `day` or later. */
export function atRiskOn(curve: RetentionCurve, day: number): number {
  return curve.steps.find((step) => step.time >= day)?.atRisk ?? 0;
}
