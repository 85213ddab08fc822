import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import type { Benchmark } from '@iop/contracts';
import { BenchmarksApi } from '../../data-access/api/benchmarks-api';
import { referenceMetricLabel } from '../../ui/benchmarks/reference-metrics';
import { adminProblem } from './admin-display';
import { BenchmarkForm } from './benchmark-form';
import { benchmarkValueText, comparabilityText } from './benchmark-form-value';

/**
 * The organisation's benchmarks in a table; a form above it adds one or changes the one chosen. Every change
 * reloads the list the KPI and quality cards read, so that they show it on the next look.
 */
@Component({
  selector: 'iop-benchmarks-panel',
  imports: [MatButton, MatProgressBar, MatTableModule, BenchmarkForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './benchmarks-panel.html',
  styleUrl: './admin-panels.scss',
})
export class BenchmarksPanel {
  private readonly api = inject(BenchmarksApi);

  protected readonly columns = ['metric', 'value', 'source', 'year', 'comparable', 'actions'];
  protected readonly benchmarks = this.api.benchmarks;
  protected readonly loading = this.api.benchmarksLoading;
  protected readonly errorMessage = this.api.benchmarksError;

  /** 'new' while adding, the benchmark while changing it, null otherwise. */
  protected readonly editing = signal<Benchmark | 'new' | null>(null);
  /** The form as a list of at most one, tracked by benchmark: choosing another builds a fresh form. */
  protected readonly forms = computed(() => {
    const editing = this.editing();
    return editing === null
      ? []
      : [{ key: editing === 'new' ? 'new' : editing.id, benchmark: editing === 'new' ? null : editing }];
  });
  /** The benchmark whose deletion waits for a second click. */
  protected readonly confirming = signal<number | null>(null);
  protected readonly notice = signal('');
  protected readonly problem = signal('');

  protected readonly metricOf = (benchmark: Benchmark) => referenceMetricLabel(benchmark.metric);
  protected readonly valueOf = benchmarkValueText;
  protected readonly comparabilityOf = comparabilityText;

  protected startCreating(): void {
    this.notice.set('');
    this.editing.set('new');
  }

  protected edit(benchmark: Benchmark): void {
    this.notice.set('');
    this.confirming.set(null);
    this.editing.set(benchmark);
  }

  protected saved(benchmark: Benchmark, created: boolean): void {
    this.editing.set(null);
    const what = `${this.metricOf(benchmark)} (${benchmark.year})`;
    this.notice.set(created ? `Added the benchmark for ${what}.` : `Saved the benchmark for ${what}.`);
    this.api.reloadBenchmarks();
  }

  protected async remove(benchmark: Benchmark): Promise<void> {
    this.confirming.set(null);
    this.problem.set('');
    try {
      await this.api.removeBenchmark(benchmark.id);
      if (this.editingId() === benchmark.id) this.editing.set(null);
      this.notice.set(`Deleted the benchmark for ${this.metricOf(benchmark)} (${benchmark.year}).`);
      this.api.reloadBenchmarks();
    } catch (error) {
      this.problem.set(adminProblem(error));
    }
  }

  private editingId(): number | null {
    const editing = this.editing();
    return editing === null || editing === 'new' ? null : editing.id;
  }
}
