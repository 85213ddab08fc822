import { HttpClient, httpResource, type HttpResourceRef } from '@angular/common/http';
import { computed, inject, Injectable, type Signal } from '@angular/core';
import {
  API_BASE_PATH,
  type Benchmark,
  type BenchmarkMetricId,
  type BenchmarksResponse,
  type BenchmarkValue,
  type ProgramTarget,
  type ProgramTargetsResponse,
  type ProgramTargetValue,
  type UserRole,
} from '@iop/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthSession } from '../auth/auth-session';
import type { FiltersSource } from './query-params';
import { errorMessageOf } from './resource-state';

/** The benchmark endpoints (docs/METRICS.md, "Benchmarks and targets"). */
export const BENCHMARKS_PATHS = {
  list: `${API_BASE_PATH}/benchmarks`,
  benchmark: (id: number) => `${API_BASE_PATH}/benchmarks/${id}`,
  targets: (programId: number) => `${API_BASE_PATH}/benchmarks/targets/${programId}`,
  target: (programId: number, metric: BenchmarkMetricId) =>
    `${API_BASE_PATH}/benchmarks/targets/${programId}/${metric}`,
} as const;

/** Who may read and set a program's targets: the API's roles for /benchmarks/targets (a director only their own). */
export const TARGET_ROLES: readonly UserRole[] = ['director', 'admin'];

/**
 * The one program a page's targets belong to: the filter bar selects exactly one and the reader may see its
 * targets; otherwise undefined, and no request is sent (a target belongs to one program, not to a mix).
 */
export function targetProgramOf(programIds: readonly number[] | undefined, role: UserRole | null): number | undefined {
  if (!role || !TARGET_ROLES.includes(role)) return undefined;
  return programIds?.length === 1 ? programIds[0] : undefined;
}

/**
 * GET /api/v1/benchmarks once per signed-in user (the list changes only when an admin edits it, who then calls
 * `reloadBenchmarks`), a program's targets as a resource, and the admin's writes.
 */
@Injectable({ providedIn: 'root' })
export class BenchmarksApi {
  private readonly http = inject(HttpClient);
  private readonly session = inject(AuthSession);

  /** Keyed on the user, so that signing in as someone else (another organisation) asks again. */
  private readonly list = httpResource<BenchmarksResponse>(() =>
    this.session.user() ? { url: BENCHMARKS_PATHS.list } : undefined,
  );

  /** The organisation's benchmarks; [] until they arrive or when they cannot be loaded (no line is then drawn). */
  readonly benchmarks: Signal<readonly Benchmark[]> = computed(() =>
    this.list.hasValue() ? (this.list.value()?.benchmarks ?? []) : [],
  );

  /** True while the list is asked for (again, after `reloadBenchmarks`); the admin's table shows it. */
  readonly benchmarksLoading: Signal<boolean> = computed(() => this.list.isLoading());
  /** Why the list could not be loaded; '' while it has not failed. */
  readonly benchmarksError: Signal<string> = errorMessageOf(this.list);

  reloadBenchmarks(): void {
    this.list.reload();
  }

  /**
   * The targets of the one program selected in `filters`, for a director or an admin; call it in an injection
   * context. The value is [] whenever no single program is selected or the request failed.
   */
  targetsFor(filters: FiltersSource): { programId: Signal<number | undefined>; targets: Signal<ProgramTarget[]> } {
    const programId = computed(() => targetProgramOf(filters().programId, this.session.user()?.role ?? null));
    const resource = this.targets(programId);
    return {
      programId,
      targets: computed(() =>
        programId() !== undefined && resource.hasValue() ? (resource.value()?.targets ?? []) : [],
      ),
    };
  }

  /** GET /benchmarks/targets/:programId as a resource; undefined sends nothing. */
  targets(programId: () => number | undefined): HttpResourceRef<ProgramTargetsResponse | undefined> {
    return httpResource<ProgramTargetsResponse>(() => {
      const id = programId();
      return id === undefined ? undefined : { url: BENCHMARKS_PATHS.targets(id) };
    });
  }

  createBenchmark(value: BenchmarkValue): Promise<Benchmark> {
    return firstValueFrom(this.http.post<Benchmark>(BENCHMARKS_PATHS.list, value));
  }

  updateBenchmark(id: number, value: BenchmarkValue): Promise<Benchmark> {
    return firstValueFrom(this.http.put<Benchmark>(BENCHMARKS_PATHS.benchmark(id), value));
  }

  async removeBenchmark(id: number): Promise<void> {
    await firstValueFrom(this.http.delete<void>(BENCHMARKS_PATHS.benchmark(id)));
  }

  setTarget(programId: number, metric: BenchmarkMetricId, value: ProgramTargetValue): Promise<ProgramTarget> {
    return firstValueFrom(this.http.put<ProgramTarget>(BENCHMARKS_PATHS.target(programId, metric), value));
  }

  async removeTarget(programId: number, metric: BenchmarkMetricId): Promise<void> {
    await firstValueFrom(this.http.delete<void>(BENCHMARKS_PATHS.target(programId, metric)));
  }
}
