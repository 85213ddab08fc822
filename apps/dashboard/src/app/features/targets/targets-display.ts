import {
  type Benchmark,
  benchmarkFor,
  type BenchmarkMetricId,
  type ProgramTarget,
  type ProgramTargetValue,
  QUALITY_MEASURE_IDS,
} from '@iop/contracts';
import { requestFailureOf } from '../../data-access/api/request-failure';
import { type FieldProblems, fieldProblemsOf } from '../../ui/benchmarks/field-problems';
import {
  DIRECTION_LABELS,
  formatReferenceValue,
  referenceMetricOf,
  type ReferenceMetric,
  toEnteredValue,
  toStoredValue,
} from '../../ui/benchmarks/reference-metrics';

/** Where the product draws a program's target (with one program selected in the filter bar). */
export type TargetPage = 'Overview' | 'Quality measures';

/**
 * The metrics a target is drawn beside: the Overview's rate and hours cards (counts depend on a program's size and
 * take none) and every quality measure. A target kept for another metric through the API is listed too, to clear.
 */
export const TARGET_METRICS: readonly { metric: BenchmarkMetricId; page: TargetPage }[] = [
  ...(
    [
      'attendanceRate',
      'attendedHoursPerWeek',
      'compliant',
      'retained90',
      'completionRate',
      'negativeScreenRate',
      'readmitted30',
    ] as const
  ).map((metric) => ({ metric, page: 'Overview' as const })),
  ...QUALITY_MEASURE_IDS.map((metric) => ({ metric, page: 'Quality measures' as const })),
];

/** One line of the targets table. */
export interface TargetRow {
  metric: ReferenceMetric;
  /** The page that draws the target; null for a metric no page draws one beside. */
  page: TargetPage | null;
  /** "37.7% (2004)", "Not comparable (2022)" or "—": what the target can be read against. */
  benchmarkText: string;
  target: ProgramTarget | null;
  /** "40.0%, higher is better", or "No target". */
  targetText: string;
}

function benchmarkText(benchmarks: readonly Benchmark[], metric: ReferenceMetric): string {
  const benchmark = benchmarkFor(benchmarks, metric.id);
  if (!benchmark) return '—';
  if (!benchmark.comparable || benchmark.value === null) return `Not comparable (${benchmark.year})`;
  return `${formatReferenceValue(benchmark.value, metric.unit)} (${benchmark.year})`;
}

export function targetText(target: ProgramTarget | null, metric: ReferenceMetric): string {
  if (!target) return 'No target';
  return `${formatReferenceValue(target.value, metric.unit)}, ${DIRECTION_LABELS[target.direction].toLowerCase()}`;
}

/** Every drawn metric with the program's target (or none), then any other metric the program keeps one for. */
export function targetRows(targets: readonly ProgramTarget[], benchmarks: readonly Benchmark[]): TargetRow[] {
  const listed = new Set<BenchmarkMetricId>(TARGET_METRICS.map((entry) => entry.metric));
  const entries = [
    ...TARGET_METRICS,
    ...targets.filter((target) => !listed.has(target.metric)).map((target) => ({ metric: target.metric, page: null })),
  ];
  return entries.map(({ metric: id, page }) => {
    const metric = referenceMetricOf(id);
    const target = targets.find((candidate) => candidate.metric === id) ?? null;
    return {
      metric,
      page,
      benchmarkText: benchmarkText(benchmarks, metric),
      target,
      targetText: targetText(target, metric),
    };
  });
}

/** What the target form holds: the value as typed (a percentage for rates). */
export interface TargetFormValue {
  value: number | null;
  direction: ProgramTargetValue['direction'];
}

export function toTargetValue(form: TargetFormValue, metric: ReferenceMetric): ProgramTargetValue {
  return {
    value: form.value === null ? Number.NaN : toStoredValue(form.value, metric.unit),
    direction: form.direction,
  };
}

export function toTargetFormValue(
  target: ProgramTarget | null,
  metric: ReferenceMetric,
  usual: TargetFormValue['direction'],
): TargetFormValue {
  return target
    ? { value: toEnteredValue(target.value, metric.unit), direction: target.direction }
    : { value: null, direction: usual };
}

export type TargetField = keyof ProgramTargetValue;
export const TARGET_FIELDS: readonly TargetField[] = ['value', 'direction'];

/** A refused or failed request in the API's own words (they name the field), or plainly. */
export function targetProblem(error: unknown): string {
  const failure = requestFailureOf(error);
  if (!failure) return 'Saving failed; try again in a moment.';
  if (failure.message !== null) return failure.message;
  if (failure.status === 0) return 'The server cannot be reached; check the connection and try again.';
  return `The API answered ${failure.status}.`;
}

/** A refused save: a 400's messages under the fields they name, anything else for the form as a whole. */
export function targetProblems(error: unknown): FieldProblems<TargetField> {
  const failure = requestFailureOf(error);
  if (failure?.status === 400 && failure.messages.length) return fieldProblemsOf(failure.messages, TARGET_FIELDS);
  return { byField: {}, general: [targetProblem(error)] };
}
