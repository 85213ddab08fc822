import type { RetentionCurve } from '@iop/contracts';
import { kaplanMeier } from '@iop/stats';
import type { SurvivalCell } from './retention.query';

/** Retention is read at day 90 (METRICS.md), with Greenwood log-log 95% bands. */
export const REFERENCE_DAYS = 90;
export const CONFIDENCE = 0.95;
export const CONF_TYPE = 'log-log';

const finiteOrNull = (value: number | null) => (value === null || Number.isNaN(value) ? null : value);

/**
 * One Kaplan-Meier curve of the retention response from its episodes' (time, event) cells, each with how many
 * episodes share it: the steps with their bands, the median, and S(t) at the reference day counted from
 * `timeOriginDay` (null past the last observed time; 1 before the first step).
 */
export function survivalCurve(
  key: string,
  label: string,
  cells: readonly Pick<SurvivalCell, 'time' | 'event' | 'count'>[],
  timeOriginDay: number,
): RetentionCurve {
  const km = kaplanMeier(
    cells.map((cell) => cell.time),
    cells.map((cell) => cell.event),
    { confType: CONF_TYPE, confidence: CONFIDENCE, counts: cells.map((cell) => cell.count) },
  );
  const steps = km.steps.map((step) => ({ ...step, stdErr: finiteOrNull(step.stdErr) }));
  const episodes = cells.reduce((sum, cell) => sum + cell.count, 0);
  const events = cells.reduce((sum, cell) => sum + cell.event * cell.count, 0);
  const referenceTime = REFERENCE_DAYS - timeOriginDay;
  const lastTime = steps[steps.length - 1].time;
  const atStep = [...steps].reverse().find((step) => step.time <= referenceTime);
  return {
    key,
    label,
    episodes,
    events,
    censored: episodes - events,
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
