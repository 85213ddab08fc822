import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { BenchmarksApi } from '../../data-access/api/benchmarks-api';
import { FiltersApi } from '../../data-access/api/filters-api';
import { errorMessageOf } from '../../data-access/api/resource-state';
import { FilterState } from '../../data-access/filters/filter-state';
import { TargetForm } from './target-form';
import { targetProblem, type TargetRow, targetRows } from './targets-display';

/**
 * A program's own targets, per metric: set, changed or cleared here, drawn beside the Overview cards and quality
 * measures when that one program is selected. Directors see their programs, admins every program (the API refuses
 * a director another program's targets anyway).
 */
@Component({
  selector: 'iop-targets-page',
  imports: [
    MatButton,
    MatFormField,
    MatLabel,
    MatOption,
    MatProgressBar,
    MatSelect,
    MatTableModule,
    RouterLink,
    TargetForm,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './targets-page.html',
  styleUrl: './targets-page.scss',
})
export class TargetsPage {
  private readonly api = inject(BenchmarksApi);
  private readonly filters = inject(FilterState).filters;
  private readonly options = inject(FiltersApi).options();

  protected readonly programs = computed(() => (this.options.hasValue() ? (this.options.value()?.programs ?? []) : []));
  /** The program chosen here; until then the filter bar's one program, else the first. */
  private readonly chosenProgram = signal<number | null>(null);
  protected readonly programId = computed(() => {
    const programs = this.programs();
    const inFilter = this.filters().programId;
    const preferred = this.chosenProgram() ?? (inFilter?.length === 1 ? inFilter[0] : null);
    return programs.find((program) => program.id === preferred)?.id ?? programs[0]?.id;
  });
  protected readonly programName = computed(
    () => this.programs().find((program) => program.id === this.programId())?.name ?? '',
  );

  private readonly targetsResource = this.api.targets(() => this.programId());
  protected readonly loading = computed(() => this.options.isLoading() || this.targetsResource.isLoading());
  protected readonly loadError = computed(() => this.optionsError() || this.targetsError());
  private readonly optionsError = errorMessageOf(this.options);
  private readonly targetsError = errorMessageOf(this.targetsResource);
  /** Undefined until the program's targets are there, so that no row reads "No target" before it is known. */
  protected readonly rows = computed(() => {
    const answer = this.targetsResource.hasValue() ? this.targetsResource.value() : undefined;
    return answer && answer.programId === this.programId()
      ? targetRows(answer.targets, this.api.benchmarks())
      : undefined;
  });

  protected readonly columns = ['metric', 'page', 'benchmark', 'target', 'setBy', 'actions'];
  /** The row whose target is being set. */
  protected readonly editing = signal<TargetRow | null>(null);
  protected readonly notice = signal('');
  protected readonly problem = signal('');

  protected chooseProgram(programId: number): void {
    this.editing.set(null);
    this.notice.set('');
    this.problem.set('');
    this.chosenProgram.set(programId);
  }

  protected edit(row: TargetRow): void {
    this.notice.set('');
    this.problem.set('');
    this.editing.set(row);
  }

  protected saved(row: TargetRow): void {
    this.editing.set(null);
    this.notice.set(`Set ${this.programName()}’s target for ${row.metric.label}.`);
    this.targetsResource.reload();
  }

  protected async clear(row: TargetRow): Promise<void> {
    const programId = this.programId();
    if (programId === undefined) return;
    this.notice.set('');
    this.problem.set('');
    try {
      await this.api.removeTarget(programId, row.metric.id);
      if (this.editing()?.metric.id === row.metric.id) this.editing.set(null);
      this.notice.set(`Cleared ${this.programName()}’s target for ${row.metric.label}.`);
      this.targetsResource.reload();
    } catch (error) {
      this.problem.set(targetProblem(error));
    }
  }

  protected reload(): void {
    this.options.reload();
    this.targetsResource.reload();
  }
}
