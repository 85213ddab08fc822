import { type FlowPoint, isSuppressed, type MetricValue, type TrendPoint } from '@iop/contracts';
import { formatCount, formatDecimal, formatMonth, formatPercent } from '../../ui/formats/number-format';

/** How a KPI's number reads: a count, a proportion (0-1), or hours per week. */
export type KpiValueKind = 'count' | 'rate' | 'hours';

/** One defined month of a sparkline. */
export interface SparkPoint {
  /** YYYY-MM. */
  period: string;
  value: number;
}

/** The change of a KPI against the month before, and what exactly was compared. */
export interface KpiChange {
  text: string;
  explanation: string;
  direction: 'up' | 'down' | 'flat';
}

/** What a KPI card draws under its number: the monthly series, its text alternative and the change. */
export interface KpiTrendDisplay {
  points: SparkPoint[];
  description: string;
  change: KpiChange | null;
  /** A reference level drawn across the sparkline (the ASAM 2.1 floor of 9 hours). */
  floor: number | null;
}

/** The number a trend point carries, or null where the API defines none (0/0, suppressed). */
export function trendValueOf(value: MetricValue): number | null {
  if (value === null) return null;
  if (typeof value === 'number') return value;
  if (isSuppressed(value)) return null;
  return value.rate;
}

function previousMonth(period: string): string {
  const [year, month] = period.split('-').map(Number);
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/**
 * The latest month of admission whose every episode has been followed for `maturityDays` after the month's
 * last day by the as-of date. Later months are right-censored: their cohorts have not had the time to reach
 * the outcome (a 90-day retention of patients admitted last week), so they are neither drawn nor compared.
 */
export function latestMatureMonth(asOf: string, maturityDays: number): string {
  const asOfDate = new Date(`${asOf.slice(0, 10)}T00:00:00Z`);
  // The day the month must have ended by; its month is complete only if that day is its last.
  const cutoff = new Date(asOfDate.getTime() - maturityDays * 86_400_000);
  const nextDay = new Date(cutoff.getTime() + 86_400_000);
  const lastDayOfMonth = nextDay.getUTCMonth() !== cutoff.getUTCMonth();
  const period = `${cutoff.getUTCFullYear()}-${String(cutoff.getUTCMonth() + 1).padStart(2, '0')}`;
  return lastDayOfMonth ? period : previousMonth(period);
}

/** The defined points of a trend up to the latest mature month; undefined (null) months are left out. */
export function sparkPointsOf(points: readonly TrendPoint[], latestMonth: string | null): SparkPoint[] {
  const defined: SparkPoint[] = [];
  for (const point of points) {
    if (latestMonth !== null && point.period > latestMonth) continue;
    const value = trendValueOf(point.value);
    if (value !== null) defined.push({ period: point.period, value });
  }
  return defined;
}

/**
 * Active episodes at the end of each month: admissions so far minus discharges so far. It stops before the
 * first month with a withheld count (a payer's small cell): the months after it cannot be counted.
 */
export function censusSeriesOf(points: readonly FlowPoint[]): SparkPoint[] {
  let active = 0;
  const series: SparkPoint[] = [];
  for (const point of points) {
    if (isSuppressed(point.admissions) || isSuppressed(point.discharges)) break;
    active += point.admissions - point.discharges;
    series.push({ period: point.period, value: active });
  }
  return series;
}

export function formatKpiValue(value: number, kind: KpiValueKind): string {
  switch (kind) {
    case 'count':
      return formatCount(value);
    case 'rate':
      return formatPercent(value);
    case 'hours':
      return `${formatDecimal(value)} h`;
  }
}

function formatDifference(difference: number, kind: KpiValueKind): string {
  // Rates change in percentage points: "+2.1 pts", never a relative percent that reads like one.
  const magnitude =
    kind === 'rate'
      ? `${formatDecimal(Math.abs(difference) * 100)} pts`
      : kind === 'hours'
        ? `${formatDecimal(Math.abs(difference))} h`
        : formatCount(Math.abs(difference));
  const sign = difference > 0 ? '+' : difference < 0 ? '−' : '±';
  return `${sign}${magnitude}`;
}

/** Rounded as displayed, so that "+0.0 pts" never shows as a rise. */
function directionOf(difference: number, kind: KpiValueKind): KpiChange['direction'] {
  const shown =
    kind === 'rate' ? Math.round(difference * 1000) : kind === 'hours' ? Math.round(difference * 10) : difference;
  return shown > 0 ? 'up' : shown < 0 ? 'down' : 'flat';
}

/**
 * The last month of the series against the calendar month before it; null when either is missing (a
 * suppressed or undefined month is not bridged over, as that would compare months further apart).
 */
export function changeAgainstPreviousMonth(
  points: readonly SparkPoint[],
  kind: KpiValueKind,
  comparedAs: 'cohort' | 'census',
  maturityDays = 0,
): KpiChange | null {
  const last = points.at(-1);
  const before = points.at(-2);
  if (!last || !before || before.period !== previousMonth(last.period)) return null;
  const difference = last.value - before.value;
  const direction = directionOf(difference, kind);
  const shownDifference = direction === 'flat' ? 0 : difference;
  if (comparedAs === 'census') {
    return {
      text: `${formatDifference(shownDifference, kind)} vs end of ${formatMonth(before.period)}`,
      explanation: `Active episodes at the end of ${formatMonth(last.period)} against the end of ${formatMonth(before.period)}.`,
      direction,
    };
  }
  const wait =
    maturityDays > 0
      ? ` Later months are left out until all their patients have had ${maturityDays} days since admission.`
      : ' A month still in progress is left out.';
  return {
    text: `${formatDifference(shownDifference, kind)} vs ${formatMonth(before.period)}`,
    explanation: `Patients admitted in ${formatMonth(last.period)} against those admitted in ${formatMonth(before.period)}.${wait}`,
    direction,
  };
}

/** The sparkline's text alternative: the span, the first and last values, and the range. */
export function describeSparkline(label: string, points: readonly SparkPoint[], kind: KpiValueKind): string {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return `${label}: no monthly values to show.`;
  const values = points.map((point) => point.value);
  const format = (value: number) => formatKpiValue(value, kind);
  return (
    `${label}, ${formatMonth(first.period)} to ${formatMonth(last.period)}: ` +
    `from ${format(first.value)} to ${format(last.value)}, ` +
    `lowest ${format(Math.min(...values))}, highest ${format(Math.max(...values))}.`
  );
}
