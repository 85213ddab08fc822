import { type Benchmark, isSuppressed, type ProgramTarget, type SummaryResponse } from '@iop/contracts';
import {
  benchmarkDisplay,
  type BenchmarkDisplay,
  type ReferenceLineDisplay,
  type ReferenceUnit,
  targetDisplay,
} from '../../ui/benchmarks/benchmark-display';
import type { KpiValueKind } from './kpi-trend';
import { trendValueOf } from './kpi-trend';
import { OVERVIEW_KPI_KEYS, OVERVIEW_KPIS, type OverviewKpiKey } from './overview-kpis';

/** What a card shows beside its number: the metric's benchmark and the selected program's target. */
export interface KpiReferences {
  benchmark: BenchmarkDisplay | null;
  target: ReferenceLineDisplay | null;
}

/** Counts (episodes, census) depend on a program's size: no published figure or target compares with them. */
const UNIT_OF: Record<KpiValueKind, ReferenceUnit | null> = { count: null, rate: 'proportion', hours: 'hours' };

const NO_REFERENCES: KpiReferences = { benchmark: null, target: null };

/** The card's figure as the reader sees it, or null when it is withheld or undefined (then no status is given). */
export function kpiFigureOf(summary: SummaryResponse, key: OverviewKpiKey): number | null {
  const value = summary[OVERVIEW_KPIS[key].metric];
  if (value !== null && typeof value === 'object' && 'mean' in value) {
    const { mean } = value;
    return mean === null || isSuppressed(mean) ? null : mean;
  }
  return trendValueOf(value);
}

/** Every card's benchmark and target; `programName` names the target's owner in its source. */
export function toKpiReferences(
  summary: SummaryResponse,
  benchmarks: readonly Benchmark[],
  targets: readonly ProgramTarget[],
  programName: string,
): Record<OverviewKpiKey, KpiReferences> {
  return Object.fromEntries(
    OVERVIEW_KPI_KEYS.map((key) => {
      const spec = OVERVIEW_KPIS[key];
      const unit = UNIT_OF[spec.kind];
      if (unit === null) return [key, NO_REFERENCES];
      const figure = kpiFigureOf(summary, key);
      return [
        key,
        {
          benchmark: benchmarkDisplay(benchmarks, spec.metric, figure, unit),
          target: targetDisplay(targets, spec.metric, figure, unit, programName),
        },
      ];
    }),
  ) as Record<OverviewKpiKey, KpiReferences>;
}
