import type { Benchmark, BenchmarkDirection, BenchmarkMetricId, BenchmarkValue } from '@iop/contracts';
import { requestFailureOf } from '../../data-access/api/request-failure';
import { type FieldProblems, fieldProblemsOf } from '../../ui/benchmarks/field-problems';
import {
  formatReferenceValue,
  referenceMetricOf,
  toEnteredValue,
  toStoredValue,
  usualDirection,
} from '../../ui/benchmarks/reference-metrics';
import { adminProblem } from './admin-display';

/** What the benchmark form holds: the value as typed (a percentage for rates), the reason as text. */
export interface BenchmarkFormValue {
  metric: BenchmarkMetricId;
  value: number | null;
  direction: BenchmarkDirection;
  source: string;
  year: number | null;
  comparable: boolean;
  notComparableReason: string;
}

export type BenchmarkField = keyof BenchmarkValue;

/** The API's field names, the ones other messages mention last (a comparable benchmark "needs a value"). */
export const BENCHMARK_FIELDS: readonly BenchmarkField[] = [
  'notComparableReason',
  'metric',
  'value',
  'direction',
  'source',
  'year',
  'comparable',
];

/** A new benchmark starts as a comparable completion rate, higher is better; an existing one as it is. */
export function toBenchmarkFormValue(benchmark: Benchmark | null): BenchmarkFormValue {
  if (!benchmark) {
    return {
      metric: 'completionRate',
      value: null,
      direction: usualDirection('completionRate'),
      source: '',
      year: null,
      comparable: true,
      notComparableReason: '',
    };
  }
  const { unit } = referenceMetricOf(benchmark.metric);
  return {
    metric: benchmark.metric,
    value: benchmark.value === null ? null : toEnteredValue(benchmark.value, unit),
    direction: benchmark.direction,
    source: benchmark.source,
    year: benchmark.year,
    comparable: benchmark.comparable,
    notComparableReason: benchmark.notComparableReason ?? '',
  };
}

/** What the API is sent: the value in the metric's unit, a reason only for a benchmark that is not comparable. */
export function toBenchmarkValue(form: BenchmarkFormValue): BenchmarkValue {
  const { unit } = referenceMetricOf(form.metric);
  return {
    metric: form.metric,
    value: form.value === null ? null : toStoredValue(form.value, unit),
    direction: form.direction,
    source: form.source.trim(),
    year: form.year ?? Number.NaN,
    comparable: form.comparable,
    notComparableReason: form.comparable ? null : form.notComparableReason.trim(),
  };
}

/** "37.7%", "$462", "9 h", or a dash for a benchmark kept without a figure. */
export function benchmarkValueText(benchmark: Benchmark): string {
  return benchmark.value === null
    ? '—'
    : formatReferenceValue(benchmark.value, referenceMetricOf(benchmark.metric).unit);
}

/** "Comparable", or why no line is drawn. */
export function comparabilityText(benchmark: Benchmark): string {
  return benchmark.comparable ? 'Comparable' : (benchmark.notComparableReason ?? 'Not comparable');
}

/**
 * A refused save: a 400's messages on the fields they name (shown under each), anything else in the API's own
 * words or a plain fallback.
 */
export function saveProblems<F extends string>(error: unknown, fields: readonly F[]): FieldProblems<F> {
  const failure = requestFailureOf(error);
  if (failure?.status === 400 && failure.messages.length) return fieldProblemsOf(failure.messages, fields);
  return { byField: {}, general: [adminProblem(error)] };
}
