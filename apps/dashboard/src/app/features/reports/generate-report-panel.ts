import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import type { EpisodeFilters, ReportJob, ReportKind } from '@iop/contracts';
import { defer, repeat, type Subscription, switchMap, takeWhile } from 'rxjs';
import { REPORT_POLL_WAIT, ReportsApi } from '../../data-access/api/reports-api';
import {
  isFinished,
  jobStatusText,
  REPORT_KIND_DESCRIPTIONS,
  REPORT_KIND_LABELS,
  requestProblem,
} from './report-format';

/**
 * "Generate a report now": the kind, the page's filters in words, and the job followed to its end. The job
 * runs on the server (pg-boss); the panel looks at it about once a second and stops when it has succeeded or
 * failed, or when the page is left.
 */
@Component({
  selector: 'iop-generate-report-panel',
  imports: [MatAnchor, MatButton, MatFormField, MatLabel, MatOption, MatProgressBar, MatSelect],
  templateUrl: './generate-report-panel.html',
  styleUrl: './reports-panels.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GenerateReportPanel {
  private readonly api = inject(ReportsApi);
  private readonly pollWait = inject(REPORT_POLL_WAIT);
  private readonly destroyRef = inject(DestroyRef);
  private polling: Subscription | undefined;

  /** The kinds the signed-in role may ask for; a payer has the payer variant only. */
  readonly kinds = input.required<ReportKind[]>();
  readonly filters = input.required<EpisodeFilters>();
  readonly filtersText = input.required<string>();
  /** A job was queued (the history can show it) and, later, it finished. */
  readonly queued = output<ReportJob>();
  readonly finished = output<ReportJob>();

  protected readonly kindLabels = REPORT_KIND_LABELS;
  protected readonly kindDescriptions = REPORT_KIND_DESCRIPTIONS;
  protected readonly kind = linkedSignal<ReportKind>(() => this.kinds()[0]);
  protected readonly job = signal<ReportJob | null>(null);
  protected readonly submitting = signal(false);
  protected readonly problem = signal('');
  protected readonly statusText = computed(() => {
    const job = this.job();
    return job ? jobStatusText(job) : '';
  });
  protected readonly running = computed(() => {
    const job = this.job();
    return this.submitting() || (!!job && !isFinished(job));
  });

  protected async generate(): Promise<void> {
    this.submitting.set(true);
    this.problem.set('');
    try {
      const job = await this.api.generate({ kind: this.kind(), filters: this.filters() });
      this.job.set(job);
      this.queued.emit(job);
      this.follow(job);
    } catch (error) {
      this.problem.set(`The report could not be started. ${requestProblem(error)}`);
    } finally {
      this.submitting.set(false);
    }
  }

  private follow(queued: ReportJob): void {
    this.polling?.unsubscribe();
    if (isFinished(queued)) {
      this.finished.emit(queued);
      return;
    }
    this.polling = defer(() => this.pollWait())
      .pipe(
        switchMap(() => this.api.job(queued.id)),
        repeat(),
        takeWhile((job) => !isFinished(job), true),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (job) => {
          this.job.set(job);
          if (isFinished(job)) this.finished.emit(job);
        },
        error: (error: unknown) =>
          this.problem.set(
            `The report's progress could not be read; it goes on on the server and will show in the history. ${requestProblem(error)}`,
          ),
      });
  }
}
