import type { EarlyWarningFeature } from '@iop/contracts';
import type { RowMajorMatrix } from '@iop/stats';
import type { EpisodeDayFeatures } from './early-warning-features.query';

/** Caps that keep a few extreme values from steering a linear term (docs/METRICS.md "Early warning"). */
const MAX_NO_SHOWS = 5;
const MAX_DAYS_SINCE_ATTENDED = 28;
const MAX_FLAGGED_SCREENS = 8;
/** Categorical levels with fewer training rows than this join the reference level (as the board pools levels). */
export const MIN_LEVEL_ROWS = 30;

/** Weeks of treatment as bands: the hazard of leaving and the planned lengths make its effect far from linear. */
export function weekBand(week: number): string {
  if (week <= 1) return '1';
  if (week <= 4) return '2-4';
  if (week <= 8) return '5-8';
  if (week <= 12) return '9-12';
  if (week <= 16) return '13-16';
  if (week <= 26) return '17-26';
  return '27+';
}

const share = (attended: number, counted: number): number | null => (counted > 0 ? attended / counted : null);

/** Numeric features: value of a row, or null when it is undefined (no appointment in the window). */
const NUMERIC: ReadonlyArray<[EarlyWarningFeature, (row: EpisodeDayFeatures) => number | null]> = [
  ['attendedShare14', (row) => share(row.attended14, row.counted14)],
  ['attendedShare28', (row) => share(row.attended28, row.counted28)],
  ['consecutiveNoShows', (row) => Math.min(row.consecutiveNoShows, MAX_NO_SHOWS)],
  ['daysSinceLastAttended', (row) => Math.min(row.daysSinceLastAttended, MAX_DAYS_SINCE_ATTENDED)],
  ['flaggedScreens28', (row) => Math.min(row.flaggedScreens28, MAX_FLAGGED_SCREENS)],
  ['mat', (row) => (row.mat ? 1 : 0)],
];

/** Categorical features, coded as the evidence board codes its covariates (prior episodes capped at 3+). */
const CATEGORICAL: ReadonlyArray<[EarlyWarningFeature, (row: EpisodeDayFeatures) => string]> = [
  ['weekOfTreatment', (row) => weekBand(row.weekOfTreatment)],
  ['ageBand', (row) => row.ageBand],
  ['sex', (row) => row.sex],
  ['substance', (row) => row.substance],
  ['severity', (row) => String(row.severity)],
  ['priorEpisodes', (row) => (row.priorEpisodes >= 3 ? '3+' : String(row.priorEpisodes))],
  ['payer', (row) => row.payer],
];

/** One design column: a numeric feature, or one non-reference level of a categorical one. */
export interface EncodedColumn {
  feature: EarlyWarningFeature;
  level: string | null;
  /** Mean over the training rows: the value a missing numeric takes, and the centre of its contribution. */
  mean: number;
}

/** How rows become design columns, learnt from the training rows; plain data, so it crosses to a worker. */
export interface FeatureEncoding {
  columns: EncodedColumn[];
}

/** The encoding of `rows`: numeric means over the defined values; levels by frequency, the most frequent the reference. */
export function learnEncoding(rows: readonly EpisodeDayFeatures[]): FeatureEncoding {
  const columns: EncodedColumn[] = [];
  for (const [feature, valueOf] of NUMERIC) {
    let sum = 0;
    let defined = 0;
    for (const row of rows) {
      const value = valueOf(row);
      if (value === null) continue;
      sum += value;
      defined++;
    }
    columns.push({ feature, level: null, mean: defined > 0 ? sum / defined : 0 });
  }
  for (const [feature, levelOf] of CATEGORICAL) {
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(levelOf(row), (counts.get(levelOf(row)) ?? 0) + 1);
    const [, ...others] = [...counts.entries()].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
    for (const [level, count] of others) {
      if (count >= MIN_LEVEL_ROWS && count < rows.length) {
        columns.push({ feature, level, mean: count / rows.length });
      }
    }
  }
  return { columns };
}

/** The values of one row in the encoding's columns (a missing numeric at its training mean). */
export function encodeRow(encoding: FeatureEncoding, row: EpisodeDayFeatures): number[] {
  const numeric = new Map(NUMERIC.map(([feature, valueOf]) => [feature, valueOf(row)]));
  const levels = new Map(CATEGORICAL.map(([feature, levelOf]) => [feature, levelOf(row)]));
  return encoding.columns.map(({ feature, level, mean }) =>
    level === null ? (numeric.get(feature) ?? mean) : levels.get(feature) === level ? 1 : 0,
  );
}

/** The design of `rows` as one row-major matrix (no intercept column): one buffer to hand to a worker. */
export function designOf(encoding: FeatureEncoding, rows: readonly EpisodeDayFeatures[]): RowMajorMatrix {
  const width = encoding.columns.length;
  const data = new Float64Array(rows.length * width);
  rows.forEach((row, i) => data.set(encodeRow(encoding, row), i * width));
  return { rows: rows.length, columns: width, data };
}

/** A fitted model: its encoding and its log-odds coefficients, intercept first. */
export interface RiskModel {
  encoding: FeatureEncoding;
  coefficients: number[];
}

const logistic = (eta: number): number => 1 / (1 + Math.exp(-eta));

export function predictRisk(model: RiskModel, row: EpisodeDayFeatures): number {
  const values = encodeRow(model.encoding, row);
  return logistic(values.reduce((eta, value, j) => eta + model.coefficients[j + 1] * value, model.coefficients[0]));
}

/** Each feature's push on the log-odds: coefficient x (value - training mean), summed over a factor's levels. */
export function contributions(model: RiskModel, row: EpisodeDayFeatures): Map<EarlyWarningFeature, number> {
  const values = encodeRow(model.encoding, row);
  const byFeature = new Map<EarlyWarningFeature, number>();
  model.encoding.columns.forEach(({ feature, mean }, j) => {
    byFeature.set(feature, (byFeature.get(feature) ?? 0) + model.coefficients[j + 1] * (values[j] - mean));
  });
  return byFeature;
}

/** A feature's value for one row in words, as the list shows it beside the feature's name. */
export function featureValueInWords(feature: EarlyWarningFeature, row: EpisodeDayFeatures): string {
  const numeric = NUMERIC.find(([name]) => name === feature);
  if (numeric) {
    if (feature === 'mat') return row.mat ? 'yes' : 'no';
    const value = numeric[1](row);
    if (value === null) return 'no appointment';
    return Number.isInteger(value) ? String(value) : value.toFixed(2);
  }
  if (feature === 'weekOfTreatment') return String(row.weekOfTreatment);
  const categorical = CATEGORICAL.find(([name]) => name === feature);
  return categorical ? categorical[1](row) : '';
}
