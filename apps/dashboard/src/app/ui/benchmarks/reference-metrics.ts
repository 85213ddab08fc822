import {
  BENCHMARK_METRIC_IDS,
  type BenchmarkDirection,
  type BenchmarkMetricId,
  formatCurrency,
  formatDecimal,
  formatPercent,
  isBenchmarkMetricId,
  type QualityMeasureId,
} from '@iop/contracts';
import { METRIC_CATALOGUE, type MetricUnit } from '@iop/contracts/metric-catalogue';

/** The unit a benchmark or target of a metric is kept and shown in. */
export type ReferenceValueUnit = 'proportion' | 'dollars' | 'hours' | 'days' | 'score' | 'count';

/** A metric a benchmark or target may be kept for, in an editor's words. */
export interface ReferenceMetric {
  id: BenchmarkMetricId;
  label: string;
  unit: ReferenceValueUnit;
  /** What the value field asks for: a percentage for rates (the API keeps a proportion 0-1). */
  entryLabel: string;
}

/** The quality measures' names as the Quality page shows them (the API's measure definitions). */
const QUALITY_MEASURE_LABELS: Record<QualityMeasureId, string> = {
  'iet-initiation': 'IET initiation',
  'iet-engagement': 'IET engagement',
  pod: 'POD (OUD pharmacotherapy continuity)',
  'pdc-mat': 'PDC for MAT (adherent at 0.80 or more)',
  'fui-7': 'Follow-up within 7 days of residential or inpatient discharge',
  'fui-30': 'Follow-up within 30 days of residential or inpatient discharge',
};

const UNIT_OF_CATALOGUE: Record<MetricUnit, ReferenceValueUnit> = {
  count: 'count',
  proportion: 'proportion',
  'hours per week': 'hours',
  'score 0–1': 'score',
  days: 'days',
  'US dollars': 'dollars',
  verdict: 'count',
};

const ENTRY_LABELS: Record<ReferenceValueUnit, string> = {
  proportion: 'Value (%)',
  dollars: 'Value (US dollars)',
  hours: 'Value (hours a week)',
  days: 'Value (days)',
  score: 'Value (score 0–1)',
  count: 'Value',
};

function describe(id: BenchmarkMetricId): ReferenceMetric {
  const catalogued = id in METRIC_CATALOGUE ? METRIC_CATALOGUE[id as keyof typeof METRIC_CATALOGUE] : null;
  const unit = catalogued ? UNIT_OF_CATALOGUE[catalogued.unit] : 'proportion';
  const label = catalogued ? catalogued.label : QUALITY_MEASURE_LABELS[id as QualityMeasureId];
  return { id, label, unit, entryLabel: ENTRY_LABELS[unit] };
}

/** Every metric of the API's list, in its order. */
export const REFERENCE_METRICS: readonly ReferenceMetric[] = BENCHMARK_METRIC_IDS.map(describe);

const BY_ID = new Map(REFERENCE_METRICS.map((metric) => [metric.id, metric]));

export function referenceMetricOf(id: BenchmarkMetricId): ReferenceMetric {
  return BY_ID.get(id) ?? describe(id);
}

/** "Completion rate" for a known id; the id itself for one the dashboard does not know yet. */
export function referenceMetricLabel(id: string): string {
  return isBenchmarkMetricId(id) ? referenceMetricOf(id).label : id;
}

/** A value as the KPI and quality cards show it: 37.7%, $462, 9 h. */
export function formatReferenceValue(value: number, unit: ReferenceValueUnit): string {
  switch (unit) {
    case 'proportion':
      return formatPercent(value);
    case 'dollars':
      return formatCurrency(value);
    case 'hours':
      return `${formatDecimal(value)} h`;
    case 'days':
      return `${formatDecimal(value)} days`;
    default:
      return formatDecimal(value);
  }
}

// Twelve significant digits drop the binary noise of ×100 and ÷100 (0.3768 × 100 = 37.68, not 37.680000000000007).
const clean = (value: number) => Number(value.toPrecision(12));

/** The number an editor sees in the value field: a percentage for a proportion. */
export function toEnteredValue(value: number, unit: ReferenceValueUnit): number {
  return unit === 'proportion' ? clean(value * 100) : value;
}

/** The number the API keeps for what an editor typed: a proportion 0-1 for a percentage. */
export function toStoredValue(entered: number, unit: ReferenceValueUnit): number {
  return unit === 'proportion' ? clean(entered / 100) : entered;
}

export const DIRECTION_LABELS: Readonly<Record<BenchmarkDirection, string>> = {
  higher: 'Higher is better',
  lower: 'Lower is better',
  neither: 'Neither (a point of comparison)',
};

/** Figures where less is better: missed sessions, dropping out, coming back, costs. */
const LOWER_IS_BETTER: ReadonlySet<BenchmarkMetricId> = new Set<BenchmarkMetricId>([
  'noShowRate',
  'dropoutRate',
  'readmitted30',
  'readmitted90',
  'costPerEpisode',
  'costPerWeek',
  'costPerCompleter',
  'costPerRetained90',
  'costPerAbstinent',
]);

/** The direction a new benchmark or target starts with; the editor may choose another. */
export function usualDirection(id: BenchmarkMetricId): BenchmarkDirection {
  return LOWER_IS_BETTER.has(id) ? 'lower' : 'higher';
}
