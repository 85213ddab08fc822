/**
 * Pure geometry of a Kaplan-Meier chart (km-chart.ts): lookups of a step curve at a time, the axis ticks, and
 * the SVG paths of the curves and their bands. Kept apart from the component so that it is tested with plain
 * numbers, and so that another page (Evidence) can draw the same curves.
 */

/** The part of a Kaplan-Meier step the chart needs; RetentionStep of @iop/contracts fits. */
export interface KmStep {
  time: number;
  /** Number at risk just before `time`. */
  atRisk: number;
  /** S(t) just after `time`. */
  survival: number;
  lower: number | null;
  upper: number | null;
}

/** One group's curve as the chart takes it; the colour defaults to the series palette by position. */
export interface KmCurveInput {
  label: string;
  color?: string;
  steps: readonly KmStep[];
}

/** S(t) and its band at a time, read off the step function. */
export interface KmValueAt {
  survival: number;
  lower: number | null;
  upper: number | null;
}

/** A linear map from a domain onto a pixel range. */
export type Scale = (value: number) => number;

export function linearScale([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]): Scale {
  const span = d1 - d0 || 1;
  return (value) => r0 + ((value - d0) / span) * (r1 - r0);
}

/**
 * S(t) at time t: the survival of the last step at or before t, 1 before the first step. The band follows the
 * same step; where the API leaves it undefined (S = 1 or 0) it collapses onto the curve.
 */
export function valueAt(steps: readonly KmStep[], time: number): KmValueAt {
  let current: KmStep | undefined;
  for (const step of steps) {
    if (step.time > time) break;
    current = step;
  }
  if (!current) return { survival: 1, lower: null, upper: null };
  return { survival: current.survival, lower: current.lower, upper: current.upper };
}

/** Number at risk at time t: those whose time is t or later, i.e. the at-risk count of the first step at or after t. */
export function atRiskAt(steps: readonly KmStep[], time: number): number {
  for (const step of steps) {
    if (step.time >= time) return step.atRisk;
  }
  return 0;
}

/** The last time on any of the curves; 0 when there is none. */
export function lastTime(curves: readonly { steps: readonly KmStep[] }[]): number {
  return curves.reduce((max, curve) => Math.max(max, curve.steps.at(-1)?.time ?? 0), 0);
}

/** Day marks on a time axis come in months (30 days) and their multiples, never closer than `minGap` pixels. */
const TIME_TICK_STEPS = [30, 60, 90, 120, 180, 360, 720];

export interface TimeTicks {
  step: number;
  /** Axis end, a whole number of steps at or past the last time. */
  max: number;
  ticks: number[];
}

export function timeTicks(maxTime: number, plotWidth: number, minGap = 48): TimeTicks {
  const end = Math.max(maxTime, 1);
  const step =
    TIME_TICK_STEPS.find((candidate) => plotWidth / Math.ceil(end / candidate) >= minGap) ??
    TIME_TICK_STEPS[TIME_TICK_STEPS.length - 1];
  const max = Math.ceil(end / step) * step;
  const ticks: number[] = [];
  for (let tick = 0; tick <= max; tick += step) ticks.push(tick);
  return { step, max, ticks };
}

/** Every multiple of `every` from 0 up to `maxTime`, for the data table's rows. */
export function timeMarks(maxTime: number, every = 30): number[] {
  const marks: number[] = [];
  for (let mark = 0; mark <= maxTime; mark += every) marks.push(mark);
  return marks;
}

const round = (value: number) => Math.round(value * 10) / 10;

/** The curve as a step path from (0, 100%): flat until each step's time, then down to its survival. */
export function stepPath(steps: readonly KmStep[], x: Scale, y: Scale): string {
  let path = `M${round(x(0))},${round(y(1))}`;
  for (const step of steps) {
    path += `H${round(x(step.time))}V${round(y(step.survival))}`;
  }
  return path;
}

/**
 * The 95% band as one closed area: along the upper bound forwards, back along the lower bound. A bound the API
 * leaves null (where S is 1 or 0, so the band has no width) is drawn on the curve itself.
 */
export function bandPath(steps: readonly KmStep[], x: Scale, y: Scale): string {
  if (steps.length === 0) return '';
  const bound = (step: KmStep, side: 'lower' | 'upper') => step[side] ?? step.survival;
  let path = `M${round(x(0))},${round(y(1))}`;
  for (const step of steps) path += `H${round(x(step.time))}V${round(y(bound(step, 'upper')))}`;
  path += `V${round(y(bound(steps[steps.length - 1], 'lower')))}`;
  // Backwards: the lower bound of step i holds from its time to the next step's.
  for (let index = steps.length - 2; index >= 0; index--) {
    path += `V${round(y(bound(steps[index], 'lower')))}H${round(x(steps[index].time))}`;
  }
  return `${path}V${round(y(1))}H${round(x(0))}Z`;
}
