import { ChangeDetectionStrategy, Component, inject, input, type OnInit, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { BENCHMARK_DIRECTIONS, type BenchmarkDirection, type ProgramTarget } from '@iop/contracts';
import { BenchmarksApi } from '../../data-access/api/benchmarks-api';
import { DIRECTION_LABELS, type ReferenceMetric, usualDirection } from '../../ui/benchmarks/reference-metrics';
import { TARGET_FIELDS, targetProblems, toTargetFormValue, toTargetValue } from './targets-display';

/** Sets a program's target for one metric: its value, in the unit the cards show, and which side is the good one. */
@Component({
  selector: 'iop-target-form',
  imports: [ReactiveFormsModule, MatButton, MatError, MatFormField, MatInput, MatLabel, MatOption, MatSelect],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './target-form.html',
  styleUrl: './target-form.scss',
})
export class TargetForm implements OnInit {
  private readonly api = inject(BenchmarksApi);

  readonly programId = input.required<number>();
  readonly programName = input.required<string>();
  readonly metric = input.required<ReferenceMetric>();
  /** The program's present target for the metric; null when it has none. Read once, when the form is built. */
  readonly target = input<ProgramTarget | null>(null);
  readonly saved = output<ProgramTarget>();
  readonly cancelled = output<void>();

  protected readonly directions = BENCHMARK_DIRECTIONS.map((value) => ({ value, label: DIRECTION_LABELS[value] }));
  protected readonly form = new FormGroup({
    value: new FormControl<number | null>(null, [Validators.required, Validators.min(0)]),
    direction: new FormControl<BenchmarkDirection>('higher', { nonNullable: true }),
  });
  protected readonly busy = signal(false);
  protected readonly problem = signal('');

  ngOnInit(): void {
    this.form.setValue(toTargetFormValue(this.target(), this.metric(), usualDirection(this.metric().id)));
  }

  protected async submit(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    this.busy.set(true);
    this.problem.set('');
    try {
      const value = toTargetValue(this.form.getRawValue(), this.metric());
      this.saved.emit(await this.api.setTarget(this.programId(), this.metric().id, value));
    } catch (error) {
      const problems = targetProblems(error);
      // On the control itself, so that it shows as invalid with the API's words until it is changed.
      for (const field of TARGET_FIELDS) {
        const message = problems.byField[field];
        if (message) this.form.controls[field].setErrors({ api: message });
      }
      this.problem.set(problems.general.join(' '));
    } finally {
      this.busy.set(false);
    }
  }
}
