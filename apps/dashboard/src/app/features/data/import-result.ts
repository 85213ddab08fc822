import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import type { ImportJob } from '@iop/contracts';
import { rejectionsCsvPath } from '../../data-access/api/imports-api';
import { formatCount } from '../../ui/formats/number-format';
import {
  confirmLabel,
  countTotals,
  entityCountRows,
  isConfirmable,
  isFinished,
  jobStatusText,
  progressBarOf,
  progressCountsText,
  rejectionPlace,
} from './import-format';

/**
 * One import followed on the page: its progress while it runs, then what it did or (a dry run) would do per
 * table, its warnings and first rejected rows, and for a checked dry run the button that imports it.
 */
@Component({
  selector: 'iop-import-result',
  imports: [MatAnchor, MatButton, MatProgressBar, MatTableModule],
  templateUrl: './import-result.html',
  styleUrl: './data-panels.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportResult {
  readonly job = input.required<ImportJob>();
  /** The confirm request is on its way: the button waits. */
  readonly confirming = input(false);
  readonly confirm = output<ImportJob>();

  protected readonly finished = computed(() => isFinished(this.job()));
  protected readonly bar = computed(() => progressBarOf(this.job()));
  protected readonly statusText = computed(() => jobStatusText(this.job()));
  protected readonly progressText = computed(() => progressCountsText(this.job().progress));
  protected readonly countRows = computed(() => entityCountRows(this.job().counts));
  protected readonly totals = computed(() => countTotals(this.job().counts));
  protected readonly confirmable = computed(() => isConfirmable(this.job()));
  protected readonly confirmText = computed(() => confirmLabel(this.job()));
  /** A checked dry run whose kept files have been removed since (after 24 hours). */
  protected readonly expired = computed(() => {
    const job = this.job();
    return job.dryRun && job.status === 'succeeded' && !job.confirmable;
  });
  protected readonly rejectionsUrl = computed(() => {
    const job = this.job();
    return job.rejectedRows > 0 ? (job.rejectionsPath ?? rejectionsCsvPath(job.id)) : null;
  });
  protected readonly rejectionsText = computed(() => {
    const job = this.job();
    const shown = job.firstRejections.length;
    return shown < job.rejectedRows
      ? `The first ${formatCount(shown)} of ${formatCount(job.rejectedRows)} rejected rows.`
      : `${formatCount(job.rejectedRows)} rejected ${job.rejectedRows === 1 ? 'row' : 'rows'}.`;
  });

  protected readonly countColumns = ['entity', 'read', 'inserted', 'updated', 'unchanged', 'deleted'];
  protected readonly rejectionColumns = ['file', 'place', 'field', 'value', 'reason'];
  protected readonly count = formatCount;
  protected readonly place = rejectionPlace;
}
