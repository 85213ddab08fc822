import {
  EARLY_WARNING_FEATURE_LABELS,
  type EarlyWarningBand,
  type EarlyWarningDirection,
  type EarlyWarningDriver,
  type EarlyWarningRow,
  type EarlyWarningRule,
  type EarlyWarningSort,
} from '@iop/contracts';
import type { ActiveEpisode } from './active-episodes.query';
import type { EpisodeDayFeatures } from './early-warning-features.query';
import { contributions, featureValueInWords, predictRisk, type RiskModel } from './early-warning-model';

/** The plain rules (docs/METRICS.md "Early warning"): 2+ consecutive no-shows; no attended session in 10 days. */
export function rulesMet(features: EpisodeDayFeatures): EarlyWarningRule[] {
  const met: EarlyWarningRule[] = [];
  if (features.consecutiveNoShows >= 2) met.push('consecutiveNoShows');
  if (features.daysSinceLastAttended >= 10) met.push('noAttendanceIn10Days');
  return met;
}

/** Bands against the network's 14-day rate: twice it or more is high, it or more elevated. */
export function bandOf(risk: number, baseRate: number): EarlyWarningBand {
  if (risk >= 2 * baseRate) return 'high';
  return risk >= baseRate ? 'elevated' : 'low';
}

/** The two features pushing the risk up most; features that pull it down are never named. */
export function driversOf(model: RiskModel, features: EpisodeDayFeatures): EarlyWarningDriver[] {
  return [...contributions(model, features)]
    .filter(([, logOdds]) => logOdds > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, 2)
    .map(([feature, logOdds]) => ({
      feature,
      label: EARLY_WARNING_FEATURE_LABELS[feature],
      value: featureValueInWords(feature, features),
      logOdds,
    }));
}

/** One row of the list: by the model when it ranks well enough (`model` given), by the plain rules otherwise. */
export function listRow(
  episode: ActiveEpisode,
  features: EpisodeDayFeatures,
  model: { model: RiskModel; baseRate: number } | null,
): EarlyWarningRow {
  const met = rulesMet(features);
  const risk = model ? predictRisk(model.model, features) : null;
  return {
    patientKey: episode.patientKey,
    episodeId: episode.episodeId,
    programId: episode.programId,
    programName: episode.programName,
    counselorId: episode.counselorId,
    counselorName: episode.counselorName,
    weekOfTreatment: features.weekOfTreatment,
    risk,
    band: model && risk !== null ? bandOf(risk, model.baseRate) : met.length > 0 ? 'flagged' : 'none',
    drivers: model ? driversOf(model.model, features) : [],
    consecutiveNoShows: features.consecutiveNoShows,
    daysSinceLastAttended: features.daysSinceLastAttended,
    rulesMet: met,
  };
}

/** Under the rules, "risk" orders by rules met, then days since attended, then the no-show streak. */
function riskOrder(a: EarlyWarningRow, b: EarlyWarningRow): number {
  if (a.risk !== null && b.risk !== null) return a.risk - b.risk;
  return (
    a.rulesMet.length - b.rulesMet.length ||
    a.daysSinceLastAttended - b.daysSinceLastAttended ||
    a.consecutiveNoShows - b.consecutiveNoShows
  );
}

const ORDERS: Record<EarlyWarningSort, (a: EarlyWarningRow, b: EarlyWarningRow) => number> = {
  risk: riskOrder,
  weekOfTreatment: (a, b) => a.weekOfTreatment - b.weekOfTreatment,
  program: (a, b) => a.programName.localeCompare(b.programName),
  // Episodes without a counselor sort after every named one (before them when descending).
  counselor: (a, b) => (a.counselorName ?? '\uffff').localeCompare(b.counselorName ?? '\uffff'),
};

/** The list in the asked order (risk: highest first by default), ties by episode id, so the order is stable. */
export function sortRows(
  rows: readonly EarlyWarningRow[],
  sort: EarlyWarningSort = 'risk',
  direction: EarlyWarningDirection = sort === 'risk' ? 'desc' : 'asc',
): EarlyWarningRow[] {
  const sign = direction === 'desc' ? -1 : 1;
  return [...rows].sort((a, b) => sign * ORDERS[sort](a, b) || a.episodeId - b.episodeId);
}
