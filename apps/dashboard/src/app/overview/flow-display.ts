import type { FlowResponse } from '@iop/contracts';
import type { FrameTable } from '../charts/frame-table';
import { formatMonth } from './kpi-trend';

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
  admissions: number;
  discharges: number;
  isEmpty: boolean;
}

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
      { name: 'Admissions', series: points.map((point, i) => ({ name: months[i], value: point.admissions })) },
      { name: 'Discharges', series: points.map((point, i) => ({ name: months[i], value: point.discharges })) },
    ],
    table: {
      columns: FLOW_TABLE_COLUMNS,
      rows: points.map((point, i) => ({
        month: months[i],
        admissions: point.admissions,
        discharges: point.discharges,
      })),
    },
    // Counted back from the latest month, so that the most recent one is always labelled.
    ticks: months.filter((_, i) => (months.length - 1 - i) % step === 0),
    admissions: points.reduce((sum, point) => sum + point.admissions, 0),
    discharges: points.reduce((sum, point) => sum + point.discharges, 0),
    isEmpty: points.length === 0,
  };
}
