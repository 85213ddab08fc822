import {
  type AlertRuleValue,
  alertMetricRange,
  type BreakdownResponse,
  type EpisodeMetric,
  formatConfidenceInterval,
  formatCount,
  formatDecimal,
  formatPercent,
  type FunnelResponse,
  isSuppressed,
  type MetricValue,
  type SummaryResponse,
} from '@iop/contracts';
import { METRIC_CATALOGUE } from '@iop/contracts/metric-catalogue';
import { toRate } from '../episodes/rate';

/** A figure as its owner may see it: never a withheld one (those give no figure at all). */
export interface AlertFigure {
  value: number;
  ci95: [number, number] | null;
  n: number | null;
  /** For a funnel rule: the 99.8% limits at the unit's denominator. */
  limits998?: [number, number];
}

/** The figure of a metric in a summary; null when it is withheld from the caller or undefined (0/0, no episodes). */
export function summaryFigure(
  metric: Exclude<EpisodeMetric, 'noShowRate'>,
  summary: SummaryResponse,
): AlertFigure | null {
  const episodes = typeof summary.episodes === 'number' ? summary.episodes : null;
  switch (metric) {
    case 'episodes':
      return typeof summary.episodes === 'number' ? { value: summary.episodes, ci95: null, n: summary.episodes } : null;
    case 'activeEpisodes':
      return typeof summary.activeEpisodes === 'number'
        ? { value: summary.activeEpisodes, ci95: null, n: episodes }
        : null;
    case 'attendedHoursPerWeek':
      return numberFigure(summary.attendedHoursPerWeek.mean, episodes);
    case 'complianceScore':
      return numberFigure(summary.complianceScore.mean, episodes);
    case 'medianLengthOfStay':
      return numberFigure(summary.medianLengthOfStay, episodes);
    default:
      return valueFigure(summary[metric]);
  }
}

/** The figure of one group of a breakdown (the rule's program or payer); null when absent or withheld. */
export function groupFigure(breakdown: BreakdownResponse, key: string): AlertFigure | null {
  const group = breakdown.groups.find((candidate) => candidate.key === key);
  if (!group) return null;
  const figure = valueFigure(group.value);
  // A rate's n is its denominator; a count's or a mean's, the group's episodes.
  if (!figure || figure.n !== null) return figure;
  return { ...figure, n: typeof group.n === 'number' ? group.n : null };
}

/**
 * A rate over the whole of an exact scope from its groups, which partition it (every episode has one program):
 * numerators and denominators add up. Never for a payer, whose groups are perturbed or withheld.
 */
export function pooledRateFigure(breakdown: BreakdownResponse): AlertFigure | null {
  let numerator = 0;
  let denominator = 0;
  for (const group of breakdown.groups) {
    if (group.value === null || typeof group.value === 'number' || isSuppressed(group.value)) return null;
    numerator += group.value.numerator;
    denominator += group.value.denominator;
  }
  return valueFigure(toRate(numerator, denominator));
}

/** A unit of a funnel outside its 99.8% limits, as a figure; null when within, withheld, or not compared. */
export function funnelFigure(funnel: FunnelResponse, key: string): AlertFigure | null {
  const unit = funnel.units.find((candidate) => candidate.key === key);
  if (!unit?.limits || (unit.at998 !== 'above' && unit.at998 !== 'below')) return null;
  return {
    value: unit.rate,
    ci95: toRate(unit.numerator, unit.denominator).ci95,
    n: unit.denominator,
    limits998: [unit.limits.lower998, unit.limits.upper998],
  };
}

/** Whether a threshold rule's figure crosses its threshold (strictly: a figure equal to it does not fire). */
export function crossesThreshold(rule: Pick<AlertRuleValue, 'comparison' | 'threshold'>, figure: AlertFigure): boolean {
  if (rule.threshold === null || rule.comparison === null) return false;
  return rule.comparison === 'above' ? figure.value > rule.threshold : figure.value < rule.threshold;
}

/** A figure in the metric's unit: 31.2% for a proportion, 1,204 for a count, 9.3 for hours. */
export function formatFigure(metric: EpisodeMetric, value: number): string {
  if (alertMetricRange(metric) === 'proportion' && metric !== 'complianceScore') return formatPercent(value);
  if (metric === 'episodes' || metric === 'activeEpisodes') return formatCount(value);
  return formatDecimal(value);
}

/**
 * The finding in one sentence, the same in the list and the e-mail: "Completion rate for Evening IOP is 50.0%
 * (95% CI 9.5%–90.5%, n = 2), below the threshold of 60.0%."
 */
export function findingMessage(rule: AlertRuleValue, scopeLabel: string, figure: AlertFigure): string {
  const label = METRIC_CATALOGUE[rule.metric].label;
  const details = [
    figure.ci95 ? formatConfidenceInterval(figure.ci95) : null,
    figure.n === null ? null : `n = ${formatCount(figure.n)}`,
  ].filter((detail) => detail !== null);
  const shown = `${label} for ${scopeLabel} is ${formatFigure(rule.metric, figure.value)}${details.length ? ` (${details.join(', ')})` : ''}`;
  if (rule.kind === 'funnel' && figure.limits998) {
    const [lower, upper] = figure.limits998;
    const side = figure.value > upper ? 'above' : 'below';
    return `${shown}, ${side} the funnel's 99.8% limits (${formatPercent(lower)}–${formatPercent(upper)}): more than chance explains.`;
  }
  return `${shown}, ${rule.comparison} the threshold of ${formatFigure(rule.metric, rule.threshold ?? 0)}.`;
}

function valueFigure(value: MetricValue): AlertFigure | null {
  if (value === null || typeof value === 'number') return numberFigure(value, null);
  if (isSuppressed(value) || value.rate === null) return null;
  return { value: value.rate, ci95: value.ci95, n: value.denominator };
}

function numberFigure(value: MetricValue, n: number | null): AlertFigure | null {
  return typeof value === 'number' ? { value, ci95: null, n } : null;
}
