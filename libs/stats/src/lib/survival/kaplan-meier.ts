import { normalCriticalValue } from '../distributions';
import { assertConfidence } from '../validation';
import { assertSurvivalData, buildRiskTable } from './risk-table';

export type ConfidenceBandType = 'log' | 'log-log' | 'plain';

export interface KaplanMeierOptions {
  /** Transformation for the pointwise band, as R's survfit conf.type; R's default is 'log'. */
  confType?: ConfidenceBandType;
  confidence?: number;
  /**
   * How many subjects each (time, event) pair stands for (positive integers; 1 each when absent): the estimate of
   * the pairs repeated that often, from a table of counts without expanding it.
   */
  counts?: readonly number[];
}

export interface KaplanMeierStep {
  time: number;
  atRisk: number;
  events: number;
  censored: number;
  /** S(t) just after `time`. */
  survival: number;
  /** Greenwood standard error of S(t) (R's summary(survfit) std.err); NaN once S(t) = 0, as in R. */
  stdErr: number;
  /** Pointwise band; null where R gives NA (S = 0 for 'log', S = 0 or 1 for 'log-log'). */
  lower: number | null;
  upper: number | null;
}

export interface KaplanMeierResult {
  /**
   * One step at EVERY distinct time with an event or a censoring (censoring-only steps keep the previous
   * survival), so a plot can mark censorings. R's summary(survfit) prints event times only: filter on
   * events > 0 to compare.
   */
  steps: KaplanMeierStep[];
  /** Median survival and its interval by R's rule; null where the curve or band never reaches 0.5. */
  median: { estimate: number | null; lower: number | null; upper: number | null };
}

/**
 * Kaplan-Meier estimate of the survival function with Greenwood's variance and the pointwise bands of R's
 * survfit. `event` is 1 for an event and 0 for a censoring.
 */
export function kaplanMeier(
  time: readonly number[],
  event: readonly number[],
  options: KaplanMeierOptions = {},
): KaplanMeierResult {
  const { confType = 'log', confidence = 0.95, counts } = options;
  assertSurvivalData(time, event, counts);
  assertConfidence(confidence);
  if (confType !== 'log' && confType !== 'log-log' && confType !== 'plain') {
    throw new RangeError(`confType must be 'log', 'log-log' or 'plain', got ${String(confType)}`);
  }
  const z = normalCriticalValue(confidence);
  let survival = 1;
  let greenwoodSum = 0; // the variance of log S(t) (also of the cumulative hazard)
  const steps = buildRiskTable(time, event, counts).map((row): KaplanMeierStep => {
    if (row.events > 0) {
      survival *= 1 - row.events / row.atRisk;
      // d / (n (n - d)) is infinite when everyone at risk dies: S = 0 and its log has no variance.
      greenwoodSum += row.events === row.atRisk ? Infinity : row.events / (row.atRisk * (row.atRisk - row.events));
    }
    const logStdErr = Math.sqrt(greenwoodSum);
    const stdErr = survival === 0 ? NaN : survival * logStdErr;
    return { ...row, survival, stdErr, ...confidenceBand(survival, logStdErr, z, confType) };
  });
  return { steps, median: medianSurvival(steps) };
}

/** R's survfit bands; `logStdErr` is the standard error of log S(t). */
function confidenceBand(
  survival: number,
  logStdErr: number,
  z: number,
  confType: ConfidenceBandType,
): { lower: number | null; upper: number | null } {
  if (survival === 0) return { lower: null, upper: null };
  if (confType === 'plain') {
    const halfWidth = z * logStdErr * survival;
    return { lower: Math.max(0, survival - halfWidth), upper: Math.min(1, survival + halfWidth) };
  }
  if (confType === 'log') {
    return { lower: survival * Math.exp(-z * logStdErr), upper: Math.min(1, survival * Math.exp(z * logStdErr)) };
  }
  // log-log: symmetric on log(-log S); undefined at S = 1, where log S = 0.
  if (survival === 1) return { lower: null, upper: null };
  const logS = Math.log(survival);
  const centre = Math.log(-logS);
  const shift = (z * logStdErr) / logS; // negative, since log S < 0
  return { lower: Math.exp(-Math.exp(centre - shift)), upper: Math.exp(-Math.exp(centre + shift)) };
}

/**
 * R's quantile.survfit rule for p = 0.5: the first time the curve is at or below 0.5, except that when it
 * sits exactly at 0.5 (within sqrt(machine epsilon)) the median is the midpoint between that time and the
 * time the curve next drops. The interval applies the same rule to the lower band (giving the lower limit)
 * and the upper band (giving the upper limit).
 */
function medianSurvival(steps: readonly KaplanMeierStep[]): KaplanMeierResult['median'] {
  return {
    estimate: firstTimeAtOrBelowHalf(steps, (step) => step.survival),
    lower: firstTimeAtOrBelowHalf(steps, (step) => step.lower),
    upper: firstTimeAtOrBelowHalf(steps, (step) => step.upper),
  };
}

function firstTimeAtOrBelowHalf(
  steps: readonly KaplanMeierStep[],
  curve: (step: KaplanMeierStep) => number | null,
): number | null {
  const tolerance = Math.sqrt(Number.EPSILON);
  // Where a band is NA (null) it is skipped, not read as 0: R gives aml's Nonmaintained median an upper
  // limit of NA although the curve itself reaches 0.
  const value = curve;
  const index = steps.findIndex((step) => {
    const v = value(step);
    return v !== null && v <= 0.5 + tolerance;
  });
  if (index < 0) return null;
  const atIndex = value(steps[index]) as number;
  if (Math.abs(atIndex - 0.5) <= tolerance) {
    const next = steps.slice(index + 1).find((step) => {
      const v = value(step);
      return v !== null && v < atIndex - tolerance;
    });
    return next ? (steps[index].time + next.time) / 2 : steps[index].time;
  }
  return steps[index].time;
}
