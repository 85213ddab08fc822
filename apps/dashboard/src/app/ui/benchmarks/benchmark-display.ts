import {
  type Benchmark,
  type BenchmarkDirection,
  benchmarkFor,
  type BenchmarkMetricId,
  benchmarkStatus,
  type BenchmarkStatus,
  formatCurrency,
  formatDecimal,
  formatPercent,
  type ProgramTarget,
} from '@iop/contracts';

/** How a figure is shown, so that a reference is compared at the precision the reader sees. */
export type ReferenceUnit = 'proportion' | 'dollars' | 'hours';

/** A reference line beside a figure: its value, the plain status word, and where it comes from. */
export interface ReferenceLineDisplay {
  kind: 'line';
  /** "Benchmark" or "Target". */
  role: 'Benchmark' | 'Target';
  value: number;
  valueText: string;
  /** null when the figure itself is withheld or missing. */
  status: BenchmarkStatus | null;
  /** "Benchmark 37.7% (TEDS 2004 …, 2004): meets" — one sentence for the hover and the table view. */
  text: string;
  source: string;
}

/** A benchmark whose population differs from the measure's: its reason is shown, and no line is drawn. */
export interface NotComparableDisplay {
  kind: 'not-comparable';
  text: string;
  source: string;
}

export type BenchmarkDisplay = ReferenceLineDisplay | NotComparableDisplay;

const DECIMALS: Record<ReferenceUnit, number> = { proportion: 3, dollars: 0, hours: 1 };
const FORMAT: Record<ReferenceUnit, (value: number) => string> = {
  proportion: formatPercent,
  dollars: formatCurrency,
  // "9 h a week": a bare 9 beside an hours card reads as a count.
  hours: (value) => `${formatDecimal(value)} h`,
};

function line(
  role: ReferenceLineDisplay['role'],
  reference: number,
  direction: BenchmarkDirection,
  source: string,
  figure: number | null,
  unit: ReferenceUnit,
): ReferenceLineDisplay {
  const status = figure === null ? null : benchmarkStatus(figure, reference, direction, DECIMALS[unit]);
  const valueText = FORMAT[unit](reference);
  return {
    kind: 'line',
    role,
    value: reference,
    valueText,
    status,
    text: `${role} ${valueText}${status === null ? '' : `: ${status}`}. Source: ${source}`,
    source,
  };
}

/**
 * What a KPI card or trend chart shows for a metric's benchmark: a line with its status, the reason it is not
 * comparable, or nothing when there is no benchmark. `figure` is the shown value (null when withheld).
 */
export function benchmarkDisplay(
  benchmarks: readonly Benchmark[],
  metric: BenchmarkMetricId,
  figure: number | null,
  unit: ReferenceUnit,
): BenchmarkDisplay | null {
  const benchmark = benchmarkFor(benchmarks, metric);
  if (!benchmark) return null;
  const source = `${benchmark.source} (${benchmark.year})`;
  if (!benchmark.comparable || benchmark.value === null) {
    return { kind: 'not-comparable', text: `No benchmark line. ${benchmark.notComparableReason ?? ''}`.trim(), source };
  }
  return line('Benchmark', benchmark.value, benchmark.direction, source, figure, unit);
}

/** The program's own target for a metric, as a line with its status; null when it has none. */
export function targetDisplay(
  targets: readonly ProgramTarget[],
  metric: BenchmarkMetricId,
  figure: number | null,
  unit: ReferenceUnit,
  programName: string,
): ReferenceLineDisplay | null {
  const target = targets.find((candidate) => candidate.metric === metric);
  if (!target) return null;
  const setBy = target.setBy ? ` by ${target.setBy}` : '';
  return line('Target', target.value, target.direction, `${programName}'s target, set${setBy}`, figure, unit);
}
