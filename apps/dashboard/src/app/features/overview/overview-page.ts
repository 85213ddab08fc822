import { ChangeDetectionStrategy, Component, computed, inject, type Signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import type { DischargeReasonsResponse, FlowResponse } from '@iop/contracts';
import { AnnotationsApi } from '../../data-access/api/annotations-api';
import { BenchmarksApi } from '../../data-access/api/benchmarks-api';
import { MetricsApi } from '../../data-access/api/metrics-api';
import { describeLoadError, resourcePanel } from '../../data-access/api/resource-state';
import { DataStatusState } from '../../data-access/data-status/data-status-state';
import { FilterState } from '../../data-access/filters/filter-state';
import { DataLoaded } from '../../ui/data-status/data-loaded';
import { AdmissionsFlowChart } from './admissions-flow-chart';
import { DischargeReasonsChart } from './discharge-reasons-chart';
import { KpiCard, type KpiTrendState } from './kpi-card';
import { OverviewDisplay, toOverviewDisplay } from './overview-display';
import { OVERVIEW_KPI_KEYS, OVERVIEW_KPIS, type OverviewKpiKey } from './overview-kpis';
import { toKpiReferences } from './overview-references';
import { toCensusTrend, toCohortTrend, trendStateOf } from './overview-trends';

/** The filter bar names the selected program; the target's source needs no second request for its name. */
const TARGET_OWNER = 'The selected program';

/** The four things the page can be showing; the template switches on `kind`. */
export type OverviewView =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'empty'; display: OverviewDisplay }
  | { kind: 'ready'; display: OverviewDisplay };

/** The landing page: the headline numbers of the selected episodes, their monthly trends, and the flow. */
@Component({
  selector: 'iop-overview-page',
  imports: [AdmissionsFlowChart, DataLoaded, DischargeReasonsChart, KpiCard, MatButton, MatCard, MatCardContent],
  templateUrl: './overview-page.html',
  styleUrl: './overview-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OverviewPage {
  /** When and from where the data was last loaded, stated after the as-of date. */
  protected readonly dataStatus = inject(DataStatusState).status;
  private readonly filterState = inject(FilterState);
  private readonly filters = this.filterState.filters;
  private readonly metricsApi = inject(MetricsApi);
  private readonly summary = this.metricsApi.summary(this.filters);
  protected readonly flow = resourcePanel(
    this.metricsApi.flow(this.filters),
    (value) => value,
    (value: FlowResponse) => value.points.length === 0,
  );
  protected readonly dischargeReasons = resourcePanel(
    this.metricsApi.dischargeReasons(this.filters),
    (value) => value,
    (value: DischargeReasonsResponse) => value.discharged === 0 && value.active === 0,
  );

  /** Notes on the charts for the filter's programs and window; none while they load or when they fail. */
  protected readonly annotations = inject(AnnotationsApi).chartNotes(this.filters);

  private readonly benchmarksApi = inject(BenchmarksApi);
  private readonly programTargets = this.benchmarksApi.targetsFor(this.filters);

  protected readonly kpiKeys = OVERVIEW_KPI_KEYS;
  protected readonly kpiSpecs = OVERVIEW_KPIS;

  /** One trend request per card; the active census is drawn from the flow instead (see toCensusTrend). */
  private readonly trendRequests = OVERVIEW_KPI_KEYS.filter((key) => key !== 'activeEpisodes').map(
    (key) =>
      [
        key,
        resourcePanel(
          this.metricsApi.trend(this.filters, () => OVERVIEW_KPIS[key].metric),
          (value) => value,
        ),
      ] as const,
  );
  protected readonly trends = Object.fromEntries([
    ...this.trendRequests.map(
      ([key, request]) => [key, trendStateOf(request, (value) => toCohortTrend(value, OVERVIEW_KPIS[key]))] as const,
    ),
    ['activeEpisodes', trendStateOf(this.flow, (value) => toCensusTrend(value, OVERVIEW_KPIS.activeEpisodes))],
  ]) as Record<OverviewKpiKey, Signal<KpiTrendState>>;

  /** An empty answer means something else when a filter is set: the data is there, the filter excludes it. */
  protected readonly filtered = computed(() => Object.keys(this.filters()).length > 0);

  protected readonly view = computed<OverviewView>(() => {
    if (this.summary.status() === 'error') {
      return { kind: 'error', message: describeLoadError(this.summary.error()) };
    }
    // A retry after an error keeps the error around while it loads; value() is then undefined.
    const summary = this.summary.hasValue() ? this.summary.value() : undefined;
    if (!summary) {
      return { kind: 'loading' };
    }
    const display = toOverviewDisplay(summary);
    return display.isEmpty ? { kind: 'empty', display } : { kind: 'ready', display };
  });

  /** Each card's benchmark and the selected program's target, compared with the figure the card shows. */
  protected readonly references = computed(() => {
    const current = this.view();
    if (current.kind !== 'ready') return null;
    const summary = this.summary.value();
    if (!summary) return null;
    return toKpiReferences(summary, this.benchmarksApi.benchmarks(), this.programTargets.targets(), TARGET_OWNER);
  });

  protected clearFilters(): void {
    void this.filterState.clear();
  }

  protected retry(): void {
    this.summary.reload();
    for (const [, request] of this.trendRequests) {
      if (request.state() === 'error') request.reload();
    }
  }
}
