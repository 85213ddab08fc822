import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatChip, MatChipSet } from '@angular/material/chips';
import { MatTableModule } from '@angular/material/table';
import type { ImportJob } from '@iop/contracts';
import { rejectionsCsvPath } from '../../data-access/api/imports-api';
import { formatCount } from '../../ui/formats/number-format';
import { formatDuration, formatInstant } from '../../ui/formats/time-format';
import { countTotals, MODE_LABELS, STATUS_LABELS } from './import-format';

/** The organisation's imports, newest first, dry runs included, each with its rejected rows to download. */
@Component({
  selector: 'iop-import-history',
  imports: [MatButton, MatChip, MatChipSet, MatTableModule],
  templateUrl: './import-history.html',
  styleUrl: './data-panels.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportHistory {
  /** undefined while the list loads. */
  readonly imports = input.required<ImportJob[] | undefined>();
  readonly errorMessage = input('');
  readonly retry = output();

  protected readonly columns = [
    'createdAt',
    'requestedBy',
    'source',
    'mode',
    'kind',
    'files',
    'inserted',
    'updated',
    'deleted',
    'duration',
    'status',
    'rejections',
  ];
  // Functions rather than expressions in the template: a table row is typed any there.
  protected readonly when = (job: ImportJob) => formatInstant(job.createdAt);
  protected readonly who = (job: ImportJob) => job.requestedBy ?? (job.via === 'cli' ? 'Command line' : '—');
  protected readonly modeLabel = (job: ImportJob) => MODE_LABELS[job.mode];
  protected readonly kind = (job: ImportJob) => (job.dryRun ? 'Check (dry run)' : 'Import');
  protected readonly fileNames = (job: ImportJob) => job.files.map((file) => file.name).join(', ');
  protected readonly total = (job: ImportJob, count: 'inserted' | 'updated' | 'deleted') =>
    job.status === 'succeeded' ? formatCount(countTotals(job.counts)[count]) : '—';
  protected readonly duration = (job: ImportJob) =>
    job.durationSeconds === null ? '—' : formatDuration(job.durationSeconds);
  protected readonly statusLabel = (job: ImportJob) => STATUS_LABELS[job.status];
  protected readonly rejectionsUrl = (job: ImportJob) =>
    job.rejectedRows > 0 ? (job.rejectionsPath ?? rejectionsCsvPath(job.id)) : null;
  protected readonly rejectionsText = (job: ImportJob) => `${formatCount(job.rejectedRows)} rejected (CSV)`;
}
