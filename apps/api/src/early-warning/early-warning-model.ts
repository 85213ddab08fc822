import type { EarlyWarningFeature } from '@iop/contracts';
import type { CompressedRows } from '@iop/stats';
import type { EpisodeDayFeatures } from './early-warning-features.query';
import { type FeatureRows, rowsOf } from './history-table';

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
export function learnEncoding(source: FeatureRows): FeatureEncoding {
  // One pass over the rows for every feature: a table's row is built each time it is read.
  const sums = new Float64Array(NUMERIC.length);
  const defined = new Float64Array(NUMERIC.length);
  const counts = CATEGORICAL.map(() => new Map<string, number>());
  for (let i = 0; i < source.length; i++) {
    const row = source.at(i);
    NUMERIC.forEach(([, valueOf], f) => {
      const value = valueOf(row);
      if (value === null) return;
      sums[f] += value;
      defined[f]++;
    });
    CATEGORICAL.forEach(([, levelOf], f) => {
      const level = levelOf(row);
      counts[f].set(level, (counts[f].get(level) ?? 0) + 1);
    });
  }
  const columns: EncodedColumn[] = NUMERIC.map(([feature], f) => ({
    feature,
    level: null,
    mean: defined[f] > 0 ? sums[f] / defined[f] : 0,
  }));
  CATEGORICAL.forEach(([feature], f) => {
    const [, ...others] = [...counts[f].entries()].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
    for (const [level, count] of others) {
      if (count >= MIN_LEVEL_ROWS && count < source.length) {
        columns.push({ feature, level, mean: count / source.length });
      }
    }
  });
  return { columns };
}

/** Where one design column takes its value: a numeric feature (its mean when undefined) or a level's indicator. */
type ColumnSource = { numeric: number; mean: number } | { categorical: number; level: string };

/** Writes a row's values in an encoding's columns into `into` from `offset`. */
export type RowEncoder = (row: EpisodeDayFeatures, into: Float64Array, offset: number) => void;

/**
 * The encoder of `encoding` (a missing numeric at its training mean). Each feature is read once per row whatever
 * its number of levels, and nothing is allocated per row: the training design has a million rows at the large preset.
 */
export function rowEncoderOf(encoding: FeatureEncoding): RowEncoder {
  const sources: ColumnSource[] = encoding.columns.map(({ feature, level, mean }) =>
    level === null
      ? { numeric: NUMERIC.findIndex(([name]) => name === feature), mean }
      : { categorical: CATEGORICAL.findIndex(([name]) => name === feature), level },
  );
  const numeric: Array<number | null> = new Array<number | null>(NUMERIC.length).fill(null);
  const levels: string[] = new Array<string>(CATEGORICAL.length).fill('');
  return (row, into, offset) => {
    for (let f = 0; f < NUMERIC.length; f++) numeric[f] = NUMERIC[f][1](row);
    for (let f = 0; f < CATEGORICAL.length; f++) levels[f] = CATEGORICAL[f][1](row);
    for (let j = 0; j < sources.length; j++) {
      const source = sources[j];
      into[offset + j] =
        'numeric' in source
          ? (numeric[source.numeric] ?? source.mean)
          : levels[source.categorical] === source.level
            ? 1
            : 0;
    }
  };
}

/** The values of one row in the encoding's columns (a missing numeric at its training mean). */
export function encodeRow(encoding: FeatureEncoding, row: EpisodeDayFeatures): number[] {
  const values = new Float64Array(encoding.columns.length);
  rowEncoderOf(encoding)(row, values, 0);
  return Array.from(values);
}

/**
 * The design of `rows` (no intercept column) by its non-zero entries: one set of buffers to hand to a worker. A
 * row has at most one entry per numeric feature and one per categorical feature (its level's column, none for the
 * reference level), so at the large preset's million weekly rows this is some 140 MB where the dense matrix of all
 * thirty columns was 225 MB, and the fit reads it as it is.
 */
export function designOf(encoding: FeatureEncoding, rows: FeatureRows): CompressedRows {
  const width = encoding.columns.length;
  const numericColumns = encoding.columns.filter(({ level }) => level === null).length;
  const categoricalFeatures = new Set(
    encoding.columns.flatMap(({ feature, level }) => (level === null ? [] : [feature])),
  ).size;
  const capacity = rows.length * (numericColumns + categoricalFeatures);
  const rowStarts = new Int32Array(rows.length + 1);
  const columnIndex = new Int32Array(capacity);
  const values = new Float64Array(capacity);
  const row = new Float64Array(width);
  const encode = rowEncoderOf(encoding);
  let next = 0;
  for (let i = 0; i < rows.length; i++) {
    rowStarts[i] = next;
    encode(rows.at(i), row, 0);
    for (let j = 0; j < width; j++) {
      if (row[j] === 0) continue;
      columnIndex[next] = j;
      values[next] = row[j];
      next++;
    }
  }
  rowStarts[rows.length] = next;
  return {
    rows: rows.length,
    columns: width,
    rowStarts,
    columnIndex: columnIndex.subarray(0, next),
    values: values.subarray(0, next),
  };
}

/** A fitted model: its encoding and its log-odds coefficients, intercept first. */
export interface RiskModel {
  encoding: FeatureEncoding;
  coefficients: number[];
}

const logistic = (eta: number): number => 1 / (1 + Math.exp(-eta));

export function predictRisk(model: RiskModel, row: EpisodeDayFeatures): number {
  return predictRisks(model, rowsOf([row]))[0];
}

/** The risks of many rows, encoded one at a time into one reused buffer. */
export function predictRisks(model: RiskModel, rows: FeatureRows): number[] {
  const encode = rowEncoderOf(model.encoding);
  const values = new Float64Array(model.encoding.columns.length);
  const { coefficients } = model;
  const risks = new Array<number>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    encode(rows.at(i), values, 0);
    let eta = coefficients[0];
    for (let j = 0; j < values.length; j++) eta += coefficients[j + 1] * values[j];
    risks[i] = logistic(eta);
  }
  return risks;
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
