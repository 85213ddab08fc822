import { type BreakdownResponse, isSuppressed, numberOrNull } from '@iop/contracts';
import type { FrameTable } from '../../ui/charts/frame-table';
import type { IntervalBar } from '../../ui/charts/interval-bar-chart';
import { ciOf, rateCells, rateOf, rateText } from './rate-display';
import { WITHHELD_TEXT } from '../../ui/formats/number-format';

export interface CounselorDisplay {
  bars: IntervalBar[];
  /** Episodes over every counselor's group. */
  n: number;
  table: FrameTable;
}

export const COUNSELOR_COLUMNS = [
  { key: 'counselor', header: 'Counselor' },
  { key: 'rate', header: 'Rate', format: 'rate' },
  { key: 'ciLow', header: '95% CI low', format: 'rate' },
  { key: 'ciHigh', header: '95% CI high', format: 'rate' },
  { key: 'n', header: 'n', format: 'count' },
] as const;

/**
 * Counselors by name, never by rate: bars ranked by their rate read as a league table, which their intervals do
 * not support (the attendance rate by counselor is a funnel plot for the same reason).
 */
export function toCounselorDisplay(response: BreakdownResponse, rateHeader: string): CounselorDisplay {
  const nameOf = (label: string) => label.replace(/^Counselor\s+/, '');
  const groups = [...response.groups].sort((a, b) => nameOf(a.label).localeCompare(nameOf(b.label)));
  return {
    bars: groups.map((group) => ({
      key: group.key,
      label: nameOf(group.label),
      value: rateOf(group.value),
      ci: ciOf(group.value),
      text: rateText(group.value),
    })),
    // A withheld n (payers only) cannot be added; the page's analysts always get exact counts.
    n: groups.reduce((sum, group) => sum + (numberOrNull(group.n) ?? 0), 0),
    table: {
      columns: COUNSELOR_COLUMNS.map((column) => (column.key === 'rate' ? { ...column, header: rateHeader } : column)),
      rows: groups.map((group) => {
        const [rate, ciLow, ciHigh] = rateCells(group.value);
        return { counselor: group.label, rate, ciLow, ciHigh, n: isSuppressed(group.n) ? WITHHELD_TEXT : group.n };
      }),
    },
  };
}

export function isBreakdownEmpty(response: BreakdownResponse): boolean {
  return response.groups.every((group) => group.n === 0);
}
