import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import {
  type EpisodeFilters,
  REPORT_CADENCES,
  type ReportCadence,
  type ReportKind,
  type ReportSchedule,
} from '@iop/contracts';
import { errorMessageOf } from '../../data-access/api/resource-state';
import { ReportsApi } from '../../data-access/api/reports-api';
import {
  deliveryText,
  formatReportTime,
  lastRunText,
  REPORT_CADENCE_LABELS,
  REPORT_KIND_LABELS,
  requestProblem,
} from './report-format';

/** Reports made on a cadence with the page's current filters: create one, see when it runs next, delete it. */
@Component({
  selector: 'iop-report-schedules-panel',
  imports: [MatButton, MatFormField, MatLabel, MatOption, MatSelect, MatTableModule],
  templateUrl: './report-schedules-panel.html',
  styleUrl: './reports-panels.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportSchedulesPanel {
  private readonly api = inject(ReportsApi);
  private readonly schedulesResource = this.api.schedules();

  readonly kinds = input.required<ReportKind[]>();
  readonly filters = input.required<EpisodeFilters>();
  readonly filtersText = input.required<string>();
  /** A stored schedule's filters in words (the page knows the program and counselor names). */
  readonly describe = input.required<(filters: EpisodeFilters) => string>();

  protected readonly cadences = REPORT_CADENCES;
  protected readonly kindLabels = REPORT_KIND_LABELS;
  protected readonly cadenceLabels = REPORT_CADENCE_LABELS;
  // Functions rather than indexing in the table's cells, where a row is typed any.
  protected readonly kindLabel = (kind: ReportKind) => REPORT_KIND_LABELS[kind];
  protected readonly cadenceLabel = (cadence: ReportCadence) => REPORT_CADENCE_LABELS[cadence];
  protected readonly columns = ['kind', 'cadence', 'filters', 'nextRunAt', 'lastRun', 'delivery', 'actions'];
  protected readonly formatTime = formatReportTime;
  protected readonly lastRun = lastRunText;
  protected readonly delivery = deliveryText;

  protected readonly kind = linkedSignal<ReportKind>(() => this.kinds()[0]);
  protected readonly cadence = signal<ReportCadence>('monthly');
  protected readonly schedules = computed(() =>
    this.schedulesResource.hasValue() ? (this.schedulesResource.value()?.schedules ?? []) : undefined,
  );
  protected readonly loadError = errorMessageOf(this.schedulesResource);
  /** The schedule whose delete button asked "are you sure?". */
  protected readonly confirming = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly notice = signal('');
  protected readonly problem = signal('');

  protected async create(): Promise<void> {
    await this.change(async () => {
      const schedule = await this.api.createSchedule({
        kind: this.kind(),
        cadence: this.cadence(),
        filters: this.filters(),
      });
      return `Scheduled the ${this.kindLabels[schedule.kind]}, ${schedule.cadence}; next run ${formatReportTime(schedule.nextRunAt)}.`;
    }, 'The schedule could not be created.');
  }

  protected askToDelete(schedule: ReportSchedule): void {
    this.confirming.set(schedule.id);
  }

  protected cancelDelete(): void {
    this.confirming.set(null);
  }

  protected async confirmDelete(schedule: ReportSchedule): Promise<void> {
    await this.change(async () => {
      await this.api.deleteSchedule(schedule.id);
      this.confirming.set(null);
      return `Deleted the ${schedule.cadence} ${this.kindLabels[schedule.kind]} schedule.`;
    }, 'The schedule could not be deleted.');
  }

  protected reload(): void {
    this.schedulesResource.reload();
  }

  private async change(request: () => Promise<string>, failure: string): Promise<void> {
    this.saving.set(true);
    this.notice.set('');
    this.problem.set('');
    try {
      this.notice.set(await request());
      this.schedulesResource.reload();
    } catch (error) {
      this.problem.set(`${failure} ${requestProblem(error)}`);
    } finally {
      this.saving.set(false);
    }
  }
}
