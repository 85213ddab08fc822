import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { ActivatedRoute, Router } from '@angular/router';
import type { RetentionGroupBy } from '@iop/contracts';
import { RetentionApi } from '../../data-access/api/retention-api';
import { errorMessageOf, frameStateOf } from '../../data-access/api/resource-state';
import { ChartFrame } from '../../ui/charts/chart-frame';
import { KmChart } from '../../ui/charts/km-chart';
import { FilterState } from '../../data-access/filters/filter-state';
import {
  describeRetentionChart,
  GROUP_BY_OPTIONS,
  groupByLabel,
  isEmptyRetention,
  parseGroupBy,
  referenceLineLabel,
  referenceOnAxis,
  timeAxisLabel,
  toKmCurves,
  toRetentionTable,
  totalEpisodes,
} from './retention-display';
import { RetentionSummary } from './retention-summary';

/**
 * How long episodes stay engaged: Kaplan-Meier curves split by a grouping the reader picks, the number at risk,
 * median stays and the log-rank test. The grouping lives in the URL (`groupBy`) next to the filters, so a view
 * can be shared; the filters come from the shell's filter bar.
 */
@Component({
  selector: 'iop-retention-page',
  imports: [ChartFrame, KmChart, MatFormField, MatLabel, MatOption, MatSelect, RetentionSummary],
  templateUrl: './retention-page.html',
  styleUrl: './retention-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RetentionPage {
  private readonly router = inject(Router);
  private readonly queryParamMap = toSignal(inject(ActivatedRoute).queryParamMap, { requireSync: true });
  private readonly filters = inject(FilterState).filters;

  protected readonly groupByOptions = GROUP_BY_OPTIONS;
  protected readonly groupBy = computed(() => parseGroupBy(this.queryParamMap().get('groupBy')));

  private readonly curves = inject(RetentionApi).curves(this.filters, this.groupBy);
  protected readonly state = frameStateOf(this.curves, isEmptyRetention);
  protected readonly errorMessage = errorMessageOf(this.curves);
  /** The answer for the current filters and grouping; undefined while it loads or after a failure. */
  protected readonly response = computed(() => (this.curves.hasValue() ? this.curves.value() : undefined));

  protected readonly heading = computed(
    () => `Share of episodes still engaged over time, by ${groupByLabel(this.groupBy()).toLowerCase()}`,
  );
  protected readonly subtitle = computed(() => {
    const response = this.response();
    const cutPoints = response?.tercileCutPoints;
    const base = 'Kaplan–Meier estimate with its 95% band (shaded); dropping out or termination ends engagement.';
    return cutPoints
      ? `${base} Terciles of group sessions attended per week in days 0–27, cut at ${cutPoints[0].toFixed(2)} and ${cutPoints[1].toFixed(2)}.`
      : base;
  });
  protected readonly chart = computed(() => {
    const response = this.response();
    if (!response) return null;
    return {
      curves: toKmCurves(response),
      referenceDay: referenceOnAxis(response),
      referenceLabel: referenceLineLabel(response),
      timeLabel: timeAxisLabel(response),
      description: describeRetentionChart(response),
      population: response.population,
    };
  });
  protected readonly n = computed(() => {
    const response = this.response();
    return response ? totalEpisodes(response) : null;
  });
  protected readonly table = computed(() => {
    const response = this.response();
    return response ? toRetentionTable(response) : { columns: [], rows: [] };
  });

  protected chooseGroupBy(groupBy: RetentionGroupBy): void {
    void this.router.navigate([], { queryParams: { groupBy }, queryParamsHandling: 'merge' });
  }

  protected retry(): void {
    this.curves.reload();
  }
}
