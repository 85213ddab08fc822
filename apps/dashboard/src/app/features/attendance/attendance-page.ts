import { ChangeDetectionStrategy, Component, computed, inject, Signal } from '@angular/core';
import { MetricsApi } from '../../data-access/api/metrics-api';
import { resourcePanel, type ResourceState } from '../../data-access/api/resource-state';
import { ChartFrame } from '../../ui/charts/chart-frame';
import { SERIES_COLORS } from '../../ui/charts/chart-panel';
import type { FrameTable } from '../../ui/charts/frame-table';
import { FilterState } from '../../data-access/filters/filter-state';
import { AttendanceApi } from '../../data-access/api/attendance-api';
import { AttendanceHeatmap } from './attendance-heatmap';
import { ComplianceChart } from './compliance-chart';
import { isComplianceEmpty, toComplianceDisplay } from './compliance-display';
import { isBreakdownEmpty, toCounselorDisplay } from './counselor-display';
import { isFunnelEmpty, toCounselorFunnelDisplay } from './counselor-funnel-display';
import { isHeatmapEmpty, toHeatmapDisplay } from './heatmap-display';
import { HoursHistogram } from './hours-histogram';
import { floorText, isHoursEmpty, toHoursDisplay } from './hours-display';
import { HeadlineNumber } from './headline-number';
import { FunnelChart } from '../../ui/charts/funnel-chart';
import { IntervalBarChart } from '../../ui/charts/interval-bar-chart';
import { NoShowsChart } from './no-shows-chart';
import { isNoShowsEmpty, toNoShowsDisplay } from './no-shows-display';
import type { HeadlineFigureValue } from '../../ui/cards/headline-figure';
import { rateKpi } from './rate-display';

const NO_TABLE: FrameTable = { columns: [], rows: [] };
const LOADING_HEADLINE: HeadlineFigureValue = { value: '…', details: [], suppressed: false };
const FAILED_HEADLINE: HeadlineFigureValue = {
  value: 'unavailable',
  details: ['Retry the chart below.'],
  suppressed: false,
};

/** A headline number drawn from a panel's request: a placeholder while it loads, a note when it failed. */
function headlineOf<V>(
  state: Signal<ResourceState>,
  source: Signal<V | null>,
  pick: (value: V) => HeadlineFigureValue,
): Signal<HeadlineFigureValue> {
  return computed(() => {
    const status = state();
    if (status === 'error') return FAILED_HEADLINE;
    const value = source();
    return status === 'loading' || value === null ? LOADING_HEADLINE : pick(value);
  });
}

/**
 * Attendance and compliance: when patients come, what they miss by session type, how much
 * treatment they get against the intensity floor, how well they comply, and the same by counselor.
 */
@Component({
  selector: 'iop-attendance-page',
  imports: [
    AttendanceHeatmap,
    ChartFrame,
    ComplianceChart,
    FunnelChart,
    HoursHistogram,
    HeadlineNumber,
    IntervalBarChart,
    NoShowsChart,
  ],
  templateUrl: './attendance-page.html',
  styleUrl: './attendance-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AttendancePage {
  private readonly filters = inject(FilterState).filters;
  private readonly attendanceApi = inject(AttendanceApi);
  private readonly metricsApi = inject(MetricsApi);

  protected readonly noTable = NO_TABLE;
  protected readonly compliantColor = SERIES_COLORS[2];

  protected readonly heatmap = resourcePanel(
    this.attendanceApi.heatmap(this.filters),
    toHeatmapDisplay,
    isHeatmapEmpty,
  );
  protected readonly noShows = resourcePanel(
    this.attendanceApi.noShows(this.filters),
    toNoShowsDisplay,
    isNoShowsEmpty,
  );
  protected readonly compliance = resourcePanel(
    this.attendanceApi.compliance(this.filters),
    toComplianceDisplay,
    isComplianceEmpty,
  );
  protected readonly hours = resourcePanel(this.attendanceApi.hours(this.filters), toHoursDisplay, isHoursEmpty);
  protected readonly floorText = computed(() => {
    const display = this.hours.display();
    return display ? floorText(display) : '';
  });

  /** A funnel, not ranked bars: a counselor is compared with what chance explains, never with the others. */
  protected readonly counselorAttendance = resourcePanel(
    this.metricsApi.funnel(
      this.filters,
      () => 'attendanceRate',
      () => 'counselor',
    ),
    toCounselorFunnelDisplay,
    isFunnelEmpty,
  );
  protected readonly counselorCompliant = resourcePanel(
    this.metricsApi.breakdown(
      this.filters,
      () => 'compliant',
      () => 'counselor',
    ),
    (response) => toCounselorDisplay(response, 'Compliant share'),
    isBreakdownEmpty,
  );

  protected readonly attendanceKpi = headlineOf(this.heatmap.state, this.heatmap.value, (response) =>
    rateKpi(response.overall, 'appointments'),
  );
  protected readonly scoreKpi = headlineOf(this.compliance.state, this.compliance.display, (display) => display.score);
  protected readonly compliantKpi = headlineOf(
    this.compliance.state,
    this.compliance.display,
    (display) => display.compliant,
  );
  protected readonly intensityKpi = headlineOf(
    this.hours.state,
    this.hours.display,
    (display) => display.meetsIntensity,
  );
}
