import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MetricsApi } from '../api/metrics-api';
import { FilterState } from '../filters/filter-state';
import { ChartPanel } from '../charts/chart-panel';
import { KpiCard } from './kpi-card';
import { describeLoadError, OverviewDisplay, toOverviewDisplay } from './overview-display';

/** The four things the page can be showing; the template switches on `kind`. */
export type OverviewView =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'empty'; display: OverviewDisplay }
  | { kind: 'ready'; display: OverviewDisplay };

/** The landing page: the headline numbers of the whole network as of the data's end date. */
@Component({
  selector: 'iop-overview-page',
  imports: [ChartPanel, KpiCard, MatButton, MatCard, MatCardContent],
  templateUrl: './overview-page.html',
  styleUrl: './overview-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OverviewPage {
  private readonly filterState = inject(FilterState);
  private readonly summary = inject(MetricsApi).summary(this.filterState.filters);
  /** An empty answer means something else when a filter is set: the data is there, the filter excludes it. */
  protected readonly filtered = computed(() => Object.keys(this.filterState.filters()).length > 0);

  protected readonly view = computed<OverviewView>(() => {
    if (this.summary.status() === 'error') {
      return {
        kind: 'error',
        message: describeLoadError(this.summary.error()),
      };
    }
    // A retry after an error keeps the error around while it loads; value() is then undefined.
    const summary = this.summary.hasValue() ? this.summary.value() : undefined;
    if (!summary) {
      return { kind: 'loading' };
    }
    const display = toOverviewDisplay(summary);
    return display.isEmpty ? { kind: 'empty', display } : { kind: 'ready', display };
  });

  protected clearFilters(): void {
    void this.filterState.clear();
  }

  protected retry(): void {
    this.summary.reload();
  }
}
