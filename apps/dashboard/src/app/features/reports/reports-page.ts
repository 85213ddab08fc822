import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import type { EpisodeFilters } from '@iop/contracts';
import { FiltersApi } from '../../data-access/api/filters-api';
import { episodeExportUrl, ReportsApi } from '../../data-access/api/reports-api';
import { errorMessageOf } from '../../data-access/api/resource-state';
import { AuthSession } from '../../data-access/auth/auth-session';
import { FilterState } from '../../data-access/filters/filter-state';
import { GenerateReportPanel } from './generate-report-panel';
import { describeFilters, mayExportEpisodes, reportKindsFor } from './report-format';
import { ReportHistory } from './report-history';
import { ReportSchedulesPanel } from './report-schedules-panel';

/**
 * The Reports page: a PDF report generated now with its progress, the history of reports to download
 * again, reports on a schedule, and (not for payers) the selected episodes as CSV or XLSX. Everything uses the
 * dashboard's filter bar; the API narrows it further by the caller's scope.
 */
@Component({
  selector: 'iop-reports-page',
  imports: [GenerateReportPanel, MatAnchor, ReportHistory, ReportSchedulesPanel],
  templateUrl: './reports-page.html',
  styleUrl: './reports-panels.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportsPage {
  private readonly session = inject(AuthSession);
  private readonly optionsResource = inject(FiltersApi).options();
  private readonly historyResource = inject(ReportsApi).reports();

  private readonly role = computed(() => this.session.user()?.role);
  protected readonly kinds = computed(() => reportKindsFor(this.role()));
  protected readonly mayExport = computed(() => mayExportEpisodes(this.role()));
  protected readonly deIdentified = computed(() => this.role() === 'quality');

  protected readonly filters = inject(FilterState).filters;
  private readonly options = computed(() =>
    this.optionsResource.hasValue() ? this.optionsResource.value() : undefined,
  );
  protected readonly filtersText = computed(() => describeFilters(this.filters(), this.options()));
  protected readonly describe = computed(() => {
    const options = this.options();
    return (filters: EpisodeFilters) => describeFilters(filters, options);
  });

  /** Kept while a reload runs, so that the table does not blink when a job finishes. */
  protected readonly history = computed(() =>
    this.historyResource.hasValue() ? (this.historyResource.value()?.reports ?? []) : undefined,
  );
  protected readonly historyError = errorMessageOf(this.historyResource);

  protected readonly csvUrl = computed(() => episodeExportUrl('csv', this.filters()));
  protected readonly xlsxUrl = computed(() => episodeExportUrl('xlsx', this.filters()));

  protected refreshHistory(): void {
    this.historyResource.reload();
  }
}
