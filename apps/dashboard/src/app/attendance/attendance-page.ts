import type { HttpResourceRef } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, Signal } from '@angular/core';
import { MetricsApi } from '../api/metrics-api';
import { errorMessageOf, frameStateOf } from '../api/resource-state';
import { ChartFrame } from '../charts/chart-frame';
import { SERIES_COLORS } from '../charts/chart-panel';
import type { FrameTable } from '../charts/frame-table';
import { FilterState } from '../filters/filter-state';
import { AttendanceApi } from './attendance-api';
import { AttendanceHeatmap } from './attendance-heatmap';
import { ComplianceChart } from './compliance-chart';
import { isComplianceEmpty, toComplianceDisplay } from './compliance-display';
import { isBreakdownEmpty, toCounselorDisplay } from './counselor-display';
import { isHeatmapEmpty, toHeatmapDisplay } from './heatmap-display';
import { HoursHistogram } from './hours-histogram';
import { floorText, isHoursEmpty, toHoursDisplay } from './hours-display';
import { HeadlineNumber } from './headline-number';
import { IntervalBarChart } from './interval-bar-chart';
import { NoShowsChart } from './no-shows-chart';
import { isNoShowsEmpty, toNoShowsDisplay } from './no-shows-display';
import type { HeadlineFigureValue } from '../cards/headline-figure';
import { rateKpi } from './rate-display';

const NO_TABLE: FrameTable = { columns: [], rows: [] };
const LOADING_HEADLINE: HeadlineFigureValue = { value: '…', details: [], suppressed: false };
const FAILED_HEADLINE: HeadlineFigureValue = {
  value: 'unavailable',
  details: ['Retry the chart below.'],
  suppressed: false,
};

/** The response of a resource mapped for display, or null while there is none. */
function displayOf<T, D>(resource: HttpResourceRef<T | undefined>, map: (value: T) => D): Signal<D | null> {
  return computed(() => {
    const value = resource.hasValue() ? resource.value() : undefined;
    return value === undefined ? null : map(value);
  });
}

/** A headline number drawn from a resource: a placeholder while it loads, a note when it failed. */
function kpiOf<D>(
  resource: HttpResourceRef<unknown>,
  display: Signal<D | null>,
  pick: (value: D) => HeadlineFigureValue,
) {
  return computed(() => {
    if (resource.status() === 'error') return FAILED_HEADLINE;
    const value = display();
    return value === null || resource.isLoading() ? LOADING_HEADLINE : pick(value);
  });
}

/**
 * Attendance and compliance (issue 4, page 4): when patients come, what they miss by session type, how much
 * treatment they get against the intensity floor, how well they comply, and the same by counselor.
 */
@Component({
  selector: 'iop-attendance-page',
  imports: [
    AttendanceHeatmap,
    ChartFrame,
    ComplianceChart,
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

  protected readonly heatmap = this.attendanceApi.heatmap(this.filters);
  protected readonly heatmapDisplay = displayOf(this.heatmap, toHeatmapDisplay);
  protected readonly heatmapState = frameStateOf(this.heatmap, isHeatmapEmpty);
  protected readonly heatmapError = errorMessageOf(this.heatmap);

  protected readonly noShows = this.attendanceApi.noShows(this.filters);
  protected readonly noShowsDisplay = displayOf(this.noShows, toNoShowsDisplay);
  protected readonly noShowsState = frameStateOf(this.noShows, isNoShowsEmpty);
  protected readonly noShowsError = errorMessageOf(this.noShows);

  protected readonly compliance = this.attendanceApi.compliance(this.filters);
  protected readonly complianceDisplay = displayOf(this.compliance, toComplianceDisplay);
  protected readonly complianceState = frameStateOf(this.compliance, isComplianceEmpty);
  protected readonly complianceError = errorMessageOf(this.compliance);

  protected readonly hours = this.attendanceApi.hours(this.filters);
  protected readonly hoursDisplay = displayOf(this.hours, toHoursDisplay);
  protected readonly hoursState = frameStateOf(this.hours, isHoursEmpty);
  protected readonly hoursError = errorMessageOf(this.hours);
  protected readonly floorText = computed(() => {
    const display = this.hoursDisplay();
    return display ? floorText(display) : '';
  });

  protected readonly counselorAttendance = this.metricsApi.breakdown(
    this.filters,
    () => 'attendanceRate',
    () => 'counselor',
  );
  protected readonly counselorAttendanceDisplay = displayOf(this.counselorAttendance, (response) =>
    toCounselorDisplay(response, 'Attendance rate'),
  );
  protected readonly counselorAttendanceState = frameStateOf(this.counselorAttendance, isBreakdownEmpty);
  protected readonly counselorAttendanceError = errorMessageOf(this.counselorAttendance);

  protected readonly counselorCompliant = this.metricsApi.breakdown(
    this.filters,
    () => 'compliant',
    () => 'counselor',
  );
  protected readonly counselorCompliantDisplay = displayOf(this.counselorCompliant, (response) =>
    toCounselorDisplay(response, 'Compliant share'),
  );
  protected readonly counselorCompliantState = frameStateOf(this.counselorCompliant, isBreakdownEmpty);
  protected readonly counselorCompliantError = errorMessageOf(this.counselorCompliant);

  protected readonly attendanceKpi = kpiOf(
    this.heatmap,
    displayOf(this.heatmap, (response) => response),
    (response) => rateKpi(response.overall, 'appointments'),
  );
  protected readonly scoreKpi = kpiOf(this.compliance, this.complianceDisplay, (display) => display.score);
  protected readonly compliantKpi = kpiOf(this.compliance, this.complianceDisplay, (display) => display.compliant);
  protected readonly intensityKpi = kpiOf(this.hours, this.hoursDisplay, (display) => display.meetsIntensity);
}
