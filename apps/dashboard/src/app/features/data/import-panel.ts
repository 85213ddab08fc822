import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { IMPORT_MODES, type ImportJob, type ImportMode, SOURCE_SYSTEM_PATTERN } from '@iop/contracts';
import { defer, repeat, type Subscription, switchMap, takeWhile } from 'rxjs';
import { IMPORT_POLL_WAIT, ImportsApi } from '../../data-access/api/imports-api';
import { formatCount } from '../../ui/formats/number-format';
import { formatBytes } from '../../ui/formats/time-format';
import { ImportFiles } from './import-files';
import {
  fileProblems,
  isFinished,
  MODE_DESCRIPTIONS,
  MODE_LABELS,
  requestProblem,
  type UploadLimits,
} from './import-format';
import { ImportResult } from './import-result';

/**
 * "Import data": the files, their source system and the mode, checked first as a dry run whose preview says
 * what the import would insert, update and delete; then "Import now" writes exactly the checked files. Each
 * job runs on the server; the panel looks at it every 750 ms until it has finished, or the page is left.
 */
@Component({
  selector: 'iop-import-panel',
  imports: [
    ImportFiles,
    ImportResult,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOption,
    MatProgressBar,
    MatSelect,
    ReactiveFormsModule,
  ],
  templateUrl: './import-panel.html',
  styleUrl: './data-panels.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportPanel {
  private readonly api = inject(ImportsApi);
  private readonly pollWait = inject(IMPORT_POLL_WAIT);
  private readonly destroyRef = inject(DestroyRef);
  private polling: Subscription | undefined;

  /** The upload limits (from the import list); null until known. */
  readonly limits = input<UploadLimits | null>(null);
  /** A job was queued (the history can show it) and, later, it finished. */
  readonly queued = output<ImportJob>();
  readonly finished = output<ImportJob>();

  protected readonly modes = IMPORT_MODES.map((mode) => ({ value: mode, label: MODE_LABELS[mode] }));
  protected readonly form = new FormGroup({
    sourceSystem: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(SOURCE_SYSTEM_PATTERN)],
    }),
    mode: new FormControl<ImportMode>('merge', { nonNullable: true }),
  });
  private readonly mode = toSignal(this.form.controls.mode.valueChanges, {
    initialValue: this.form.controls.mode.value,
  });
  protected readonly modeDescription = computed(() => MODE_DESCRIPTIONS[this.mode()]);

  protected readonly files = signal<File[]>([]);
  protected readonly problems = computed(() => fileProblems(this.files(), this.limits()));
  protected readonly job = signal<ImportJob | null>(null);
  protected readonly uploading = signal(false);
  protected readonly confirming = signal(false);
  protected readonly problem = signal('');
  protected readonly uploadText = computed(() => {
    const files = this.files();
    const bytes = files.reduce((sum, file) => sum + file.size, 0);
    return `Uploading ${formatCount(files.length)} ${files.length === 1 ? 'file' : 'files'} (${formatBytes(bytes)})…`;
  });
  /** The panel is looking at a job that has not finished. */
  private readonly following = signal(false);
  /** Uploading, or a job on its way: the form waits. */
  protected readonly busy = computed(() => this.uploading() || this.confirming() || this.following());

  constructor() {
    // A finished check no longer describes the form once files, source or mode change: its preview goes.
    this.form.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.dropFinishedJob());
  }

  protected filesChanged(files: File[]): void {
    this.files.set(files);
    this.dropFinishedJob();
  }

  protected async check(): Promise<void> {
    this.form.markAllAsTouched();
    this.problem.set('');
    if (this.files().length === 0) {
      this.problem.set('Choose at least one file to check.');
      return;
    }
    if (this.form.invalid || this.problems().length > 0) return;
    const { sourceSystem, mode } = this.form.getRawValue();
    this.uploading.set(true);
    try {
      const job = await this.api.upload({ files: this.files(), sourceSystem, mode, dryRun: true });
      this.start(job);
    } catch (error) {
      this.problem.set(`The files could not be checked. ${requestProblem(error)}`);
    } finally {
      this.uploading.set(false);
    }
  }

  protected async confirm(checked: ImportJob): Promise<void> {
    this.confirming.set(true);
    this.problem.set('');
    try {
      this.start(await this.api.confirm(checked.id));
    } catch (error) {
      this.problem.set(`The import could not be started. ${requestProblem(error)}`);
    } finally {
      this.confirming.set(false);
    }
  }

  private start(job: ImportJob): void {
    this.job.set(job);
    this.queued.emit(job);
    this.follow(job);
  }

  private follow(queued: ImportJob): void {
    this.polling?.unsubscribe();
    if (isFinished(queued)) {
      this.finished.emit(queued);
      return;
    }
    this.following.set(true);
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
          if (isFinished(job)) {
            this.following.set(false);
            this.finished.emit(job);
          }
        },
        error: (error: unknown) => {
          this.following.set(false);
          this.problem.set(
            `The import’s progress could not be read; it goes on on the server and will show in the history. ${requestProblem(error)}`,
          );
        },
      });
  }

  private dropFinishedJob(): void {
    const job = this.job();
    if (job && isFinished(job)) this.job.set(null);
  }
}
