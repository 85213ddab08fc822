import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  input,
  type OnInit,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { type AbstractControl, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { type Benchmark, BENCHMARK_DIRECTIONS, type BenchmarkDirection, type BenchmarkMetricId } from '@iop/contracts';
import { BenchmarksApi } from '../../data-access/api/benchmarks-api';
import {
  DIRECTION_LABELS,
  REFERENCE_METRICS,
  referenceMetricOf,
  usualDirection,
} from '../../ui/benchmarks/reference-metrics';
import { BENCHMARK_FIELDS, saveProblems, toBenchmarkFormValue, toBenchmarkValue } from './benchmark-form-value';

/** Required or not, with the control's other validators kept. */
function toggleRequired(control: AbstractControl, required: boolean): void {
  if (required) control.addValidators(Validators.required);
  else control.removeValidators(Validators.required);
  control.updateValueAndValidity({ emitEvent: false });
}

/** Adds a benchmark (no `benchmark`) or changes one; the API's refusals are shown under the fields they name. */
@Component({
  selector: 'iop-benchmark-form',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatCheckbox,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './benchmark-form.html',
  styleUrl: './benchmark-form.scss',
})
export class BenchmarkForm implements OnInit {
  private readonly api = inject(BenchmarksApi);
  private readonly destroyRef = inject(DestroyRef);

  /** The benchmark to change; null to add one. Read once, when the form is built. */
  readonly benchmark = input<Benchmark | null>(null);
  readonly saved = output<Benchmark>();
  readonly cancelled = output<void>();

  protected readonly metrics = REFERENCE_METRICS;
  protected readonly directions = BENCHMARK_DIRECTIONS.map((value) => ({ value, label: DIRECTION_LABELS[value] }));

  protected readonly form = new FormGroup({
    metric: new FormControl<BenchmarkMetricId>('completionRate', { nonNullable: true }),
    value: new FormControl<number | null>(null, [Validators.min(0)]),
    direction: new FormControl<BenchmarkDirection>('higher', { nonNullable: true }),
    source: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(2000)] }),
    year: new FormControl<number | null>(null, [Validators.required, Validators.min(1900), Validators.max(2100)]),
    comparable: new FormControl(true, { nonNullable: true }),
    notComparableReason: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(1000)] }),
  });
  private readonly metric = toSignal(this.form.controls.metric.valueChanges, { initialValue: 'completionRate' });
  protected readonly comparable = toSignal(this.form.controls.comparable.valueChanges, { initialValue: true });
  /** "Value (%)" for a rate: the API keeps a proportion, an editor types the percentage the cards show. */
  protected readonly valueLabel = computed(() => referenceMetricOf(this.metric()).entryLabel);
  protected readonly editing = computed(() => this.benchmark() !== null);
  protected readonly busy = signal(false);
  protected readonly problem = signal('');

  constructor() {
    // A comparable benchmark is drawn as a line, so it needs its figure; one that is not must say why instead.
    this.form.controls.comparable.valueChanges.pipe(takeUntilDestroyed()).subscribe((comparable) => {
      const { value, notComparableReason } = this.form.controls;
      toggleRequired(value, comparable);
      toggleRequired(notComparableReason, !comparable);
    });
  }

  ngOnInit(): void {
    // (Emits, so the subscriptions above set what is required for the benchmark's comparability.)
    this.form.setValue(toBenchmarkFormValue(this.benchmark()));
    if (!this.benchmark()) {
      // A new one takes the metric's usual direction (lower is better for costs); a kept one keeps its own.
      this.form.controls.metric.valueChanges
        .pipe(takeUntilDestroyed(this.destroyRef))
        .subscribe((metric) => this.form.controls.direction.setValue(usualDirection(metric)));
    }
  }

  protected async submit(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const benchmark = this.benchmark();
    const value = toBenchmarkValue(this.form.getRawValue());
    this.busy.set(true);
    this.problem.set('');
    try {
      const saved = benchmark
        ? await this.api.updateBenchmark(benchmark.id, value)
        : await this.api.createBenchmark(value);
      this.saved.emit(saved);
    } catch (error) {
      const problems = saveProblems(error, BENCHMARK_FIELDS);
      // On the control itself, so that it shows as invalid with the API's words until it is changed.
      for (const field of BENCHMARK_FIELDS) {
        const message = problems.byField[field];
        if (message) this.form.controls[field].setErrors({ api: message });
      }
      this.problem.set(problems.general.join(' '));
    } finally {
      this.busy.set(false);
    }
  }
}
