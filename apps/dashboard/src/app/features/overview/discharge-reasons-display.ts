import { type DischargeReasonsResponse, isSuppressed } from '@iop/contracts';
import type { ChartDatum } from '../../ui/charts/chart-datum';
import type { FrameTable } from '../../ui/charts/frame-table';
import { formatCount, formatPercent, WITHHELD_TEXT } from '../../ui/formats/number-format';

export interface DischargeReasonsDisplay {
  /** Bars: each reason's share of discharged episodes (0-1); withheld reasons are not drawn. */
  bars: ChartDatum[];
  /** The bar's label by its value: "33.5% (462)". One share means one count, as all share one denominator. */
  labelOfShare: (share: number) => string;
  table: FrameTable;
  /** Reasons withheld because their count is under 11, named under the chart. */
  withheld: string[];
  /** The share axis ends a third beyond the longest bar, so that its label fits beside it. */
  shareAxisMax: number;
  /** Null when withheld (a payer's small cell). */
  discharged: number | null;
  active: number | null;
  isEmpty: boolean;
}

export const DISCHARGE_REASON_COLUMNS = [
  { key: 'reason', header: 'Discharge reason' },
  { key: 'episodes', header: 'Discharged episodes', format: 'count' },
  { key: 'share', header: 'Share', format: 'rate' },
  { key: 'ciLow', header: '95% CI low', format: 'rate' },
  { key: 'ciHigh', header: '95% CI high', format: 'rate' },
] as const;

export function toDischargeReasonsDisplay(response: DischargeReasonsResponse): DischargeReasonsDisplay {
  const bars: ChartDatum[] = [];
  const labels = new Map<number, string>();
  const withheld: string[] = [];
  const rows = response.reasons.map((reason) => {
    const share = reason.share;
    if (isSuppressed(share)) {
      withheld.push(reason.label);
      return { reason: reason.label, episodes: WITHHELD_TEXT, share: WITHHELD_TEXT, ciLow: null, ciHigh: null };
    }
    const proportion = share.rate ?? 0;
    bars.push({ name: reason.label, value: proportion });
    labels.set(proportion, `${formatPercent(proportion)} (${formatCount(share.numerator)})`);
    return {
      reason: reason.label,
      episodes: share.numerator,
      share: share.rate,
      ciLow: share.ci95?.[0] ?? null,
      ciHigh: share.ci95?.[1] ?? null,
    };
  });
  return {
    bars,
    labelOfShare: (value: number) => labels.get(value) ?? formatPercent(value),
    table: { columns: DISCHARGE_REASON_COLUMNS, rows },
    withheld,
    shareAxisMax: Math.min(1, Math.max(0.05, ...bars.map((bar) => bar.value)) * 1.35),
    discharged: isSuppressed(response.discharged) ? null : response.discharged,
    active: isSuppressed(response.active) ? null : response.active,
    isEmpty: response.discharged === 0 && response.active === 0,
  };
}
