import { computed, type Signal } from '@angular/core';
import type { FlowResponse, TrendResponse } from '@iop/contracts';
import type { ResourceState } from '../../data-access/api/resource-state';
import type { KpiTrendState } from './kpi-card';
import {
  censusSeriesOf,
  changeAgainstPreviousMonth,
  describeSparkline,
  latestMatureMonth,
  sparkPointsOf,
  type KpiTrendDisplay,
} from './kpi-trend';
import type { OverviewKpiSpec } from './overview-kpis';

/** A KPI's monthly cohorts (by month of admission), cut where the months are still right-censored. */
export function toCohortTrend(response: TrendResponse, spec: OverviewKpiSpec): KpiTrendDisplay {
  const latest = response.asOf === null ? null : latestMatureMonth(response.asOf, spec.maturityDays);
  const points = sparkPointsOf(response.points, latest);
  return {
    points,
    description: describeSparkline(`${spec.label} by month of admission`, points, spec.kind),
    change: changeAgainstPreviousMonth(points, spec.kind, 'cohort', spec.maturityDays),
    floor: spec.floor ?? null,
  };
}

/**
 * The active census at each month end, from the admissions and discharges per month. The trend endpoint's
 * activeEpisodes counts, per month of admission, who is still active today, which is not a census over time.
 */
export function toCensusTrend(response: FlowResponse, spec: OverviewKpiSpec): KpiTrendDisplay {
  const points = censusSeriesOf(response.points);
  return {
    points,
    description: describeSparkline(`${spec.label} at each month end`, points, spec.kind),
    change: changeAgainstPreviousMonth(points, spec.kind, 'census'),
    floor: null,
  };
}

/** The card's trend state while its request loads, fails or answers (an empty answer is drawn empty). */
export function trendStateOf<T>(
  request: { state: Signal<ResourceState>; value: Signal<T | null> },
  toTrend: (value: T) => KpiTrendDisplay,
): Signal<KpiTrendState> {
  return computed(() => {
    const state = request.state();
    if (state === 'error') return 'error';
    const value = request.value();
    return state === 'loading' || value === null ? 'loading' : toTrend(value);
  });
}
