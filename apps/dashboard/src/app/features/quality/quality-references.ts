import {
  type Benchmark,
  isSuppressed,
  type ProgramTarget,
  type QualityMeasureId,
  type RateOrSuppressed,
} from '@iop/contracts';
import {
  benchmarkDisplay,
  type BenchmarkDisplay,
  type ReferenceLineDisplay,
  targetDisplay,
} from '../../ui/benchmarks/benchmark-display';
import type { FrameRow, FrameTable } from '../../ui/charts/frame-table';

/** A measure's benchmark (or why none is drawn) and the selected program's target. */
export interface MeasureReferences {
  benchmark: BenchmarkDisplay | null;
  target: ReferenceLineDisplay | null;
}

/** The filter bar names the selected program; the target's source needs no second request for its name. */
export const TARGET_OWNER = 'The selected program';

export function measureReferences(
  id: QualityMeasureId,
  rate: RateOrSuppressed | undefined,
  benchmarks: readonly Benchmark[],
  targets: readonly ProgramTarget[],
): MeasureReferences {
  const figure = rate === undefined || isSuppressed(rate) ? null : rate.rate;
  return {
    benchmark: benchmarkDisplay(benchmarks, id, figure, 'proportion'),
    target: targetDisplay(targets, id, figure, 'proportion', TARGET_OWNER),
  };
}

/** The lines a trend chart draws: only benchmarks on a comparable population, and targets. */
export function referenceLinesOf(references: MeasureReferences): ReferenceLineDisplay[] {
  return [references.benchmark, references.target].filter(
    (reference): reference is ReferenceLineDisplay => reference?.kind === 'line',
  );
}

/**
 * The table view (and CSV) of a trend with its benchmark and target as extra rows after the months, each with its
 * source in the note; a benchmark that is not comparable is a row with its reason and no value.
 */
export function withReferenceRows(table: FrameTable, references: MeasureReferences): FrameTable {
  const rows: FrameRow[] = [];
  for (const reference of [references.benchmark, references.target]) {
    if (!reference) continue;
    rows.push(
      reference.kind === 'line'
        ? { group: reference.role, rate: reference.value, note: `Source: ${reference.source}` }
        : { group: 'Benchmark', rate: null, note: `${reference.text} Source: ${reference.source}` },
    );
  }
  return rows.length === 0 ? table : { columns: table.columns, rows: [...table.rows, ...rows] };
}
