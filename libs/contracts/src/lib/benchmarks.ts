import type { EpisodeMetric } from './metrics';
import { EPISODE_METRICS } from './metrics';
import { QUALITY_MEASURE_IDS, type QualityMeasureId } from './quality';

/**
 * Benchmarks (published reference values an admin keeps per metric) and targets (a program's own goal per metric),
 * docs/METRICS.md "Benchmarks and targets".
 */

/** The cost ratios of GET /api/v1/costs/summary that can carry a benchmark. */
export const BENCHMARK_COST_METRICS = [
  'costPerEpisode',
  'costPerWeek',
  'costPerCompleter',
  'costPerRetained90',
  'costPerAbstinent',
] as const;

/** Every figure a benchmark or target may be kept for: one number each, in the unit the product shows it in. */
export const BENCHMARK_METRIC_IDS = [...EPISODE_METRICS, ...BENCHMARK_COST_METRICS, ...QUALITY_MEASURE_IDS] as const;
export type BenchmarkMetricId = EpisodeMetric | (typeof BENCHMARK_COST_METRICS)[number] | QualityMeasureId;

export function isBenchmarkMetricId(value: string): value is BenchmarkMetricId {
  return (BENCHMARK_METRIC_IDS as readonly string[]).includes(value);
}

/** Which side of a reference value is the good one; 'neither' for a figure that is no better high or low. */
export const BENCHMARK_DIRECTIONS = ['higher', 'lower', 'neither'] as const;
export type BenchmarkDirection = (typeof BENCHMARK_DIRECTIONS)[number];

/** The plain word shown beside a figure against a benchmark or target. */
export type BenchmarkStatus = 'meets' | 'below' | 'above';

/**
 * Where a value stands against a reference. With a direction, reaching the reference on the good side (or
 * exactly) "meets" it and falling short is "below" (higher is better) or "above" (lower is better); with none,
 * the value is simply above, below or equal ("meets"). Values are compared at the precision they are shown in
 * (`decimals`), so that a rate shown as the benchmark's 37.7% never reads "below" it.
 */
export function benchmarkStatus(
  value: number,
  reference: number,
  direction: BenchmarkDirection,
  decimals = 6,
): BenchmarkStatus {
  const scale = 10 ** decimals;
  const difference = Math.round(value * scale) - Math.round(reference * scale);
  if (difference === 0) return 'meets';
  if (direction === 'higher') return difference > 0 ? 'meets' : 'below';
  if (direction === 'lower') return difference < 0 ? 'meets' : 'above';
  return difference > 0 ? 'above' : 'below';
}

/** What an admin writes for a benchmark. */
export interface BenchmarkValue {
  metric: BenchmarkMetricId;
  /** In the metric's unit (a proportion 0-1 for rates, US dollars, hours per week); null only when not comparable. */
  value: number | null;
  direction: BenchmarkDirection;
  /** The citation: publication, table, counts. */
  source: string;
  /** The year the figure describes (data year), not the year it was entered. */
  year: number;
  /** False when the published figure's population differs from the measure's: no line is drawn. */
  comparable: boolean;
  /** Why it is not comparable, shown where the line would be; null when comparable. */
  notComparableReason: string | null;
}

export interface Benchmark extends BenchmarkValue {
  id: number;
  updatedBy: string | null;
  updatedAt: string;
}

export interface BenchmarksResponse {
  benchmarks: Benchmark[];
}

/** What an admin or the program's director writes for a target. */
export interface ProgramTargetValue {
  value: number;
  direction: BenchmarkDirection;
}

export interface ProgramTarget extends ProgramTargetValue {
  programId: number;
  metric: BenchmarkMetricId;
  setBy: string | null;
  setAt: string;
}

export interface ProgramTargetsResponse {
  programId: number;
  targets: ProgramTarget[];
}

/** Rules no single field states; [] when the benchmark is consistent. */
export function benchmarkProblems(benchmark: BenchmarkValue): string[] {
  const problems: string[] = [];
  if (benchmark.comparable && benchmark.value === null) problems.push('a comparable benchmark needs a value');
  if (benchmark.comparable && benchmark.notComparableReason !== null) {
    problems.push('notComparableReason must be null when the benchmark is comparable');
  }
  if (!benchmark.comparable && !benchmark.notComparableReason?.trim()) {
    problems.push('a benchmark that is not comparable must say why (notComparableReason)');
  }
  return problems;
}

/** The benchmark a figure is drawn against: the comparable one of the most recent year, else the newest. */
export function benchmarkFor(benchmarks: readonly Benchmark[], metric: BenchmarkMetricId): Benchmark | null {
  const candidates = benchmarks
    .filter((benchmark) => benchmark.metric === metric)
    .sort((a, b) => Number(b.comparable) - Number(a.comparable) || b.year - a.year || a.id - b.id);
  return candidates[0] ?? null;
}
