import { type CountOrSuppressed, type FlowResponse, isSuppressed } from '@iop/contracts';
import type { FrameTable } from '../../ui/charts/frame-table';
import { formatMonth } from '../../ui/formats/number-format';
import { WITHHELD_TEXT } from '../../ui/formats/number-format';

/** ngx-charts' multi-series shape: one series per line, one point per month. */
export interface LineSeries {
  name: string;
  series: { name: string; value: number }[];
}

export interface FlowDisplay {
  series: LineSeries[];
  table: FrameTable;
  /** Month labels to print on the x axis: about six, so that they never overlap at 390px. */
  ticks: string[];
  /** Totals; null when a month is withheld (a payer's small cell), since a partial sum would mislead. */
  admissions: number | null;
  discharges: number | null;
  isEmpty: boolean;
}

/** The months' total, or null when one of them is withheld. */
function totalOf(counts: readonly CountOrSuppressed[]): number | null {
  return counts.every((count) => !isSuppressed(count))
    ? (counts as number[]).reduce((sum, count) => sum + count, 0)
    : null;
}

/** Line points of the shown months; a withheld month has no point. */
function linePoints(
  months: readonly string[],
  counts: readonly CountOrSuppressed[],
): { name: string; value: number }[] {
  return counts.flatMap((count, i) => (isSuppressed(count) ? [] : [{ name: months[i], value: count }]));
}

const cellOf = (count: CountOrSuppressed) => (isSuppressed(count) ? WITHHELD_TEXT : count);

export const FLOW_TABLE_COLUMNS = [
  { key: 'month', header: 'Month' },
  { key: 'admissions', header: 'Admissions', format: 'count' },
  { key: 'discharges', header: 'Discharges', format: 'count' },
] as const;

export function toFlowDisplay(response: FlowResponse): FlowDisplay {
  const points = response.points;
  const months = points.map((point) => formatMonth(point.period));
  const step = Math.max(1, Math.ceil(points.length / 6));
  return {
    series: [
      {
        name: 'Admissions',
        series: linePoints(
          months,
          points.map((point) => point.admissions),
        ),
      },
      {
        name: 'Discharges',
        series: linePoints(
          months,
          points.map((point) => point.discharges),
        ),
      },
    ],
    table: {
      columns: FLOW_TABLE_COLUMNS,
      rows: points.map((point, i) => ({
        month: months[i],
        admissions: cellOf(point.admissions),
        discharges: cellOf(point.discharges),
      })),
    },
    // Counted back from the latest month, so that the most recent one is always labelled.
    ticks: months.filter((_, i) => (months.length - 1 - i) % step === 0),
    admissions: totalOf(points.map((point) => point.admissions)),
    discharges: totalOf(points.map((point) => point.discharges)),
    isEmpty: points.length === 0,
  };
}
