import type { RetentionCurve } from '@iop/contracts';
import { kaplanMeier } from '@iop/stats';

/** Retention is read at day 90 (METRICS.md), with Greenwood log-log 95% bands. */
export const REFERENCE_DAYS = 90;
export const CONFIDENCE = 0.95;
export const CONF_TYPE = 'log-log';

const finiteOrNull = (value: number | null) => (value === null || Number.isNaN(value) ? null : value);

/**
 * One Kaplan-Meier curve of the retention response from its episodes' (time, event) pairs: the steps with their
 * bands, the median, and S(t) at the reference day counted from `timeOriginDay` (null past the last observed
 * time; 1 before the first step).
 */
export function survivalCurve(
  key: string,
  label: string,
  time: number[],
  event: number[],
  timeOriginDay: number,
): RetentionCurve {
  const km = kaplanMeier(time, event, { confType: CONF_TYPE, confidence: CONFIDENCE });
  const steps = km.steps.map((step) => ({ ...step, stdErr: finiteOrNull(step.stdErr) }));
  const events = event.reduce((sum, e) => sum + e, 0);
  const referenceTime = REFERENCE_DAYS - timeOriginDay;
  const lastTime = steps[steps.length - 1].time;
  const atStep = [...steps].reverse().find((step) => step.time <= referenceTime);
  return {
    key,
    label,
    episodes: time.length,
    events,
    censored: time.length - events,
    median: km.median,
    atReference:
      lastTime < referenceTime
        ? null
        : atStep
          ? { survival: atStep.survival, lower: atStep.lower, upper: atStep.upper }
          : { survival: 1, lower: null, upper: null },
    steps,
  };
}
