import { type FunnelPlot, funnelStatement, isSuppressed } from '@iop/contracts';
import type { FrameColumn, FrameTable } from './frame-table';

/** What a funnel's table calls its columns, e.g. Counselor / Attendance rate / Attended / Appointments. */
export interface FunnelTableHeaders {
  unit: string;
  rate: string;
  numerator: string;
  denominator: string;
}

/** The row after the units that holds the network's rate, the target the limits surround. */
export const NETWORK_ROW_LABEL = 'Network (the selection)';

/**
 * The numbers behind a funnel plot, for the table view, the CSV and the XLSX: each unit in the API's order (never
 * by rate) with its limits at its own denominator and its place in words, then the withheld units, then the
 * network. A withheld unit carries only its reason, so that the file holds no number it could be derived from.
 */
export function toFunnelTable(funnel: FunnelPlot, headers: FunnelTableHeaders): FrameTable {
  const columns: FrameColumn[] = [
    { key: 'unit', header: headers.unit },
    { key: 'rate', header: headers.rate, format: 'rate' },
    { key: 'numerator', header: headers.numerator, format: 'count' },
    { key: 'denominator', header: headers.denominator, format: 'count' },
    { key: 'lower95', header: '95% limit low', format: 'rate' },
    { key: 'upper95', header: '95% limit high', format: 'rate' },
    { key: 'lower998', header: '99.8% limit low', format: 'rate' },
    { key: 'upper998', header: '99.8% limit high', format: 'rate' },
    { key: 'place', header: 'Against the limits' },
  ];
  const units = funnel.units.map((unit) => ({
    unit: unit.label,
    rate: unit.rate,
    numerator: unit.numerator,
    denominator: unit.denominator,
    lower95: unit.limits?.lower95 ?? null,
    upper95: unit.limits?.upper95 ?? null,
    lower998: unit.limits?.lower998 ?? null,
    upper998: unit.limits?.upper998 ?? null,
    place: funnelStatement(unit),
  }));
  const withheld = funnel.withheld.map((unit) => ({
    unit: unit.label,
    rate: unit.value.reason,
    numerator: null,
    denominator: null,
    lower95: null,
    upper95: null,
    lower998: null,
    upper998: null,
    place: 'Withheld: not placed',
  }));
  const network = funnel.network;
  const networkRow = {
    unit: NETWORK_ROW_LABEL,
    rate: isSuppressed(network) ? network.reason : network.rate,
    numerator: isSuppressed(network) ? null : network.numerator,
    denominator: isSuppressed(network) ? null : network.denominator,
    lower95: null,
    upper95: null,
    lower998: null,
    upper998: null,
    place: 'The target the limits surround',
  };
  return { columns, rows: [...units, ...withheld, networkRow] };
}
