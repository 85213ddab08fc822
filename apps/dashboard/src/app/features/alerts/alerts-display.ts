import {
  type AlertNotification,
  type AlertRule,
  alertMetricRange,
  type EpisodeMetric,
  formatCount,
  formatDecimal,
  formatPercent,
} from '@iop/contracts';
import { METRIC_CATALOGUE } from '@iop/contracts/metric-catalogue';
import { requestFailureOf } from '../../data-access/api/request-failure';

/** A metric's name as the dashboard shows it. */
export const metricLabel = (metric: EpisodeMetric): string => METRIC_CATALOGUE[metric].label;

/** Whether the form takes the threshold in percent (rates) rather than in the metric's own unit. */
export const thresholdInPercent = (metric: EpisodeMetric): boolean =>
  alertMetricRange(metric) === 'proportion' && metric !== 'complianceScore';

/** "Below 60.0%", "Above 1,200", "Outside the funnel's 99.8% limits". */
export function conditionText(rule: AlertRule): string {
  if (rule.kind === 'funnel') return 'Outside the funnel’s 99.8% limits';
  const threshold = rule.threshold ?? 0;
  const shown = thresholdInPercent(rule.metric)
    ? formatPercent(threshold)
    : rule.metric === 'episodes' || rule.metric === 'activeEpisodes'
      ? formatCount(threshold)
      : formatDecimal(threshold);
  return `${rule.comparison === 'above' ? 'Above' : 'Below'} ${shown}`;
}

/** "Fired 7 Dec 2026, 02:30". */
export function firedAtText(notification: Pick<AlertNotification, 'firedAt'>): string {
  return `Fired ${new Date(notification.firedAt).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' })}`;
}

/** The API's own words for a refused change (its 400 names the field), or what went wrong. */
export function alertProblem(error: unknown): string {
  const failure = requestFailureOf(error);
  if (!failure) return 'Saving failed; try again in a moment.';
  if (failure.messages.length) return failure.messages.join('; ');
  if (failure.status === 0) return 'The server cannot be reached; check the connection and try again.';
  return `The API answered ${failure.status}.`;
}
