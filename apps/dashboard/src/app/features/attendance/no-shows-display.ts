import type { NoShowsResponse, SessionTypeOutcomes } from '@iop/contracts';
import type { FrameRow, FrameTable } from '../../ui/charts/frame-table';
import { SERIES_COLORS } from '../../ui/charts/chart-panel';
import { rateCells, rateOf } from './rate-display';

export type AppointmentStatusKey = keyof SessionTypeOutcomes['shares'];

export interface StatusLegendEntry {
  key: AppointmentStatusKey;
  label: string;
  color: string;
}

/**
 * The statuses in stacking order, each with the colour it is drawn in. The four series colours are the
 * shared colour-blind-safe palette; "scheduled" (not yet held) is a neutral grey with 3:1 on both surfaces.
 */
export const STATUS_LEGEND: readonly StatusLegendEntry[] = [
  { key: 'attended', label: 'Attended', color: SERIES_COLORS[0] },
  { key: 'no_show', label: 'No-show', color: SERIES_COLORS[1] },
  { key: 'cancelled_patient', label: 'Cancelled by patient', color: SERIES_COLORS[3] },
  { key: 'cancelled_program', label: 'Cancelled by program', color: SERIES_COLORS[2] },
  { key: 'scheduled', label: 'Scheduled', color: '#858585' },
];

export interface StackedSeries {
  name: string;
  series: { name: string; value: number }[];
}

export interface NoShowsDisplay {
  /** ngx-charts' multi-series input: one group per session type, one stacked value per status (0-1). */
  chart: StackedSeries[];
  /** Appointments of every session type. */
  n: number;
  table: FrameTable;
}

export const NO_SHOWS_COLUMNS = [
  { key: 'sessionType', header: 'Session type' },
  { key: 'appointments', header: 'Appointments', format: 'count' },
  ...STATUS_LEGEND.map((status) => ({ key: status.key, header: `${status.label} (share)`, format: 'rate' as const })),
  { key: 'noShowRate', header: 'No-show rate', format: 'rate' },
  { key: 'noShowCiLow', header: 'No-show 95% CI low', format: 'rate' },
  { key: 'noShowCiHigh', header: 'No-show 95% CI high', format: 'rate' },
  { key: 'patientCancellationRate', header: 'Patient cancellation rate', format: 'rate' },
] as const;

function tableRow(outcomes: SessionTypeOutcomes, label: string): FrameRow {
  const [noShowRate, noShowCiLow, noShowCiHigh] = rateCells(outcomes.noShowRate);
  const row: FrameRow = { sessionType: label, appointments: outcomes.appointments };
  for (const status of STATUS_LEGEND) row[status.key] = rateCells(outcomes.shares[status.key])[0];
  return {
    ...row,
    noShowRate,
    noShowCiLow,
    noShowCiHigh,
    patientCancellationRate: rateCells(outcomes.patientCancellationRate)[0],
  };
}

/** Session types top to bottom in the API's order; a withheld share is drawn as no bar and named in the table. */
export function toNoShowsDisplay(response: NoShowsResponse): NoShowsDisplay {
  return {
    chart: response.sessionTypes.map((outcomes) => ({
      name: outcomes.label,
      series: STATUS_LEGEND.map((status) => ({ name: status.label, value: rateOf(outcomes.shares[status.key]) ?? 0 })),
    })),
    n: response.total.appointments,
    table: {
      columns: NO_SHOWS_COLUMNS,
      rows: [
        ...response.sessionTypes.map((outcomes) => tableRow(outcomes, outcomes.label)),
        tableRow(response.total, 'All session types'),
      ],
    },
  };
}

export function isNoShowsEmpty(response: NoShowsResponse): boolean {
  return response.total.appointments === 0;
}
