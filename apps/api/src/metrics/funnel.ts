import {
  type BreakdownGroup,
  type FunnelDimension,
  type FunnelLimitPoint,
  type FunnelMetric,
  type FunnelPlot,
  type FunnelResponse,
  type FunnelUnit,
  isSuppressed,
  type MetricValue,
  type RateOrSuppressed,
  type WithheldFunnelUnit,
} from '@iop/contracts';
import { classifyFunnelRate, funnelCurve, funnelLimits } from '@iop/stats';

/** Points of the drawn funnel: enough for a smooth curve at every width the dashboard draws. */
const CURVE_POINTS = 60;

function rateOf(value: MetricValue, key: string): RateOrSuppressed {
  if (value === null || typeof value === 'number') {
    throw new Error(`funnel: group ${key} has no rate; a funnel metric is a proportion`);
  }
  return value;
}

/** A unit's rate as the caller may see it: what a funnel places (a breakdown group, a quality measure's program). */
export interface FunnelGroupRate {
  key: string;
  label: string;
  rate: RateOrSuppressed;
}

/**
 * The funnel of one metric over one dimension, from the summary's value of the metric (the target, p0) and the
 * breakdown's groups, both as the caller may see them: for a payer, already suppressed and perturbed by the
 * breakdown's own rules, so the funnel shows nothing the payer's summary and breakdown do not.
 */
export function funnelOf(
  asOf: string | null,
  metric: FunnelMetric,
  by: FunnelDimension,
  network: RateOrSuppressed,
  groups: readonly BreakdownGroup[],
): FunnelResponse {
  const rates = groups.map((group) => ({ key: group.key, label: group.label, rate: rateOf(group.value, group.key) }));
  return { asOf, metric, by, ...funnelPlotOf(network, rates) };
}

/**
 * The units, withheld units and curve of a funnel around the network's rate, whatever the units compare on (the
 * metrics funnel, a quality measure's programs). Units keep the order they come in, never sorted by rate.
 */
export function funnelPlotOf(network: RateOrSuppressed, groups: readonly FunnelGroupRate[]): FunnelPlot {
  const target = isSuppressed(network) ? null : network.rate;
  const units: FunnelUnit[] = [];
  const withheld: WithheldFunnelUnit[] = [];
  for (const { key, label, rate: value } of groups) {
    if (isSuppressed(value)) {
      withheld.push({ key, label, value });
      continue;
    }
    if (value.denominator === 0 || value.rate === null) continue;
    // A perturbed part is capped at its perturbed whole, so the rate stays a proportion.
    const rate = Math.min(1, value.rate);
    const limits: FunnelLimitPoint | null = target === null ? null : funnelLimits(target, value.denominator);
    const position = limits === null ? null : classifyFunnelRate(rate, limits);
    units.push({
      key,
      label,
      numerator: value.numerator,
      denominator: value.denominator,
      rate,
      limits,
      at95: position?.at95 ?? null,
      at998: position?.at998 ?? null,
    });
  }
  const denominators = units.map((unit) => unit.denominator);
  const curve =
    target === null || units.length === 0
      ? []
      : funnelCurve(
          target,
          Math.max(1, Math.floor(Math.min(...denominators) / 2)),
          Math.ceil(Math.max(...denominators) * 1.1),
          { points: CURVE_POINTS },
        );
  return { network, method: 'exact-binomial', units, withheld, curve };
}
