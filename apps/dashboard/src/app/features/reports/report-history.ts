import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import type { ReportJob, ReportKind } from '@iop/contracts';
import { formatCount } from '../../ui/formats/number-format';
import { formatFileSize, formatReportTime, historyStatusText, REPORT_KIND_LABELS } from './report-format';

/** The reports already made, newest first, each downloadable again once it succeeded. */
@Component({
  selector: 'iop-report-history',
  imports: [MatAnchor, MatButton, MatTableModule],
  templateUrl: './report-history.html',
  styleUrl: './reports-panels.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportHistory {
  /** undefined while the list loads. */
  readonly reports = input.required<ReportJob[] | undefined>();
  readonly errorMessage = input('');
  readonly retry = output();

  protected readonly columns = ['createdAt', 'kind', 'period', 'status', 'pages', 'size', 'download'];
  // Functions rather than indexing in the template: a table row is typed any there.
  protected readonly kindLabel = (kind: ReportKind) => REPORT_KIND_LABELS[kind];
  protected readonly formatTime = formatReportTime;
  protected readonly formatSize = formatFileSize;
  protected readonly statusText = historyStatusText;
  protected readonly pagesText = (job: ReportJob) => (job.pageCount === null ? '—' : formatCount(job.pageCount));
}
