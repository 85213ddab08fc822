import type { Payer } from './domain';
import { FUNNEL_METRICS } from './funnel';
import { EPISODE_METRICS, type EpisodeMetric } from './metrics';

/**
 * Alerts (docs/ARCHITECTURE.md "Alerts"): a user's rules on a metric, evaluated after every data load and every
 * night, and the notifications a rule makes when it fires.
 */

/** Every metric of the summary, trend and breakdown can carry a rule. */
export const ALERT_METRICS = EPISODE_METRICS;

/** What a rule looks at: the whole of the owner's scope, one program, or one payer's episodes. */
export const ALERT_SCOPES = ['network', 'program', 'payer'] as const;
export type AlertScope = (typeof ALERT_SCOPES)[number];

/**
 * `threshold`: the figure is above or below a number. `funnel`: the program or payer falls outside the funnel's
 * 99.8% control limits around the network's rate (docs/METRICS.md "Funnel plots"), for the funnel's metrics only.
 */
export const ALERT_KINDS = ['threshold', 'funnel'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_COMPARISONS = ['above', 'below'] as const;
export type AlertComparison = (typeof ALERT_COMPARISONS)[number];

/** What values a metric can take: a proportion (a rate or the 0-1 compliance score), or any number from 0 up. */
export type AlertMetricRange = 'proportion' | 'non-negative';

const NON_NEGATIVE_METRICS: readonly EpisodeMetric[] = [
  'episodes',
  'activeEpisodes',
  'attendedHoursPerWeek',
  'medianLengthOfStay',
];

export function alertMetricRange(metric: EpisodeMetric): AlertMetricRange {
  return NON_NEGATIVE_METRICS.includes(metric) ? 'non-negative' : 'proportion';
}

export function isAlertMetric(value: unknown): value is EpisodeMetric {
  return typeof value === 'string' && (ALERT_METRICS as readonly string[]).includes(value);
}

/** Metrics a funnel rule may watch: those the funnel plot draws. */
export function offersFunnelRule(metric: EpisodeMetric): boolean {
  return (FUNNEL_METRICS as readonly string[]).includes(metric);
}

/** What a user writes for a rule. */
export interface AlertRuleValue {
  metric: EpisodeMetric;
  scope: AlertScope;
  /** The program of a `program` rule; null otherwise. */
  programId: number | null;
  /** The payer of a `payer` rule; null otherwise. */
  payer: Payer | null;
  kind: AlertKind;
  /** For a threshold rule; null for a funnel rule. */
  comparison: AlertComparison | null;
  /** In the metric's unit (a proportion 0-1 for rates); null for a funnel rule. */
  threshold: number | null;
  enabled: boolean;
}

export interface AlertRule extends AlertRuleValue {
  id: number;
  /** "Evening IOP", "Commercial", "All your programs". */
  scopeLabel: string;
  createdAt: string;
  updatedAt: string;
}

/** GET /api/v1/alerts/rules: the caller's own rules, newest first. */
export interface AlertRulesResponse {
  rules: AlertRule[];
}

/**
 * Why a rule's value breaks the rules of its metric, each naming its field (none: an empty list): a threshold a metric cannot
 * reach (a rate outside 0-1, a negative count), a funnel rule on a metric without a funnel, or on the network.
 */
export function alertRuleProblems(rule: AlertRuleValue): string[] {
  const problems: string[] = [];
  if (rule.scope === 'program' && rule.programId === null) problems.push('programId is required for a program rule');
  if (rule.scope !== 'program' && rule.programId !== null)
    problems.push('programId must be null unless scope is program');
  if (rule.scope === 'payer' && rule.payer === null) problems.push('payer is required for a payer rule');
  if (rule.scope !== 'payer' && rule.payer !== null) problems.push('payer must be null unless scope is payer');
  if (rule.kind === 'threshold') {
    if (rule.comparison === null) problems.push('comparison must be above or below for a threshold rule');
    if (rule.threshold === null) {
      problems.push('threshold is required for a threshold rule');
    } else if (alertMetricRange(rule.metric) === 'proportion' && (rule.threshold < 0 || rule.threshold > 1)) {
      problems.push(`threshold must be a proportion from 0 to 1 for ${rule.metric}`);
    } else if (rule.threshold < 0) {
      problems.push(`threshold must be 0 or more for ${rule.metric}`);
    }
  } else {
    if (!offersFunnelRule(rule.metric)) {
      problems.push(`metric ${rule.metric} has no funnel; a funnel rule takes ${FUNNEL_METRICS.join(', ')}`);
    }
    if (rule.scope === 'network')
      problems.push('scope must be program or payer for a funnel rule (a unit of the funnel)');
    if (rule.comparison !== null) problems.push('comparison must be null for a funnel rule');
    if (rule.threshold !== null) problems.push('threshold must be null for a funnel rule');
  }
  return problems;
}

/** One notification: the figure that made a rule fire, with its 95% interval and its n. */
export interface AlertNotification {
  id: number;
  /** null once the rule is deleted (the notification stays). */
  ruleId: number | null;
  metric: EpisodeMetric;
  scopeLabel: string;
  firedAt: string;
  /** The data's as-of date the figure was computed at. */
  asOf: string | null;
  value: number;
  /** Wilson 95% interval of a rate; null for counts, means and medians. */
  ci95: [number, number] | null;
  /** Episodes (or appointments, for attendance) behind the figure; null where the figure has no denominator. */
  n: number | null;
  /** The finding in a sentence, as the e-mail says it. */
  message: string;
  readAt: string | null;
}

/** GET /api/v1/notifications: the caller's latest notifications (at most 100), newest first. */
export interface NotificationsResponse {
  unread: number;
  notifications: AlertNotification[];
}

/** GET /api/v1/notifications/unread-count: the bell's number. */
export interface UnreadNotificationsResponse {
  unread: number;
}

/** POST /api/v1/alerts/evaluate: how many enabled rules were evaluated and how many fired (new notifications). */
export interface AlertEvaluationResponse {
  evaluated: number;
  fired: number;
}
