import {
  type CountOrSuppressed,
  isSmallCount,
  isSuppressed,
  type RateOrSuppressed,
  restsOnSmallCell,
  type SummaryResponse,
} from '@iop/contracts';
import {
  formatCalendarDate,
  formatConfidenceInterval,
  formatCount,
  formatDecimal,
  formatPercent,
  WITHHELD_TEXT,
} from '../../ui/formats/number-format';
import { type HeadlineFigureValue, withheldFigure } from '../../ui/cards/headline-figure';
import { type OverviewKpiKey, OVERVIEW_KPIS } from './overview-kpis';

export interface OverviewDisplay {
  /** Null before any data has been loaded. */
  asOf: { iso: string; text: string } | null;
  /** No episodes at all: the page shows an empty state instead of a row of zeros. */
  isEmpty: boolean;
  /** Null when empty: there is nothing to show, and an empty answer need not carry every field. */
  kpis: Record<OverviewKpiKey, HeadlineFigureValue> | null;
}

/** The ASAM level 2.1 intensity floor for adults, hours a week (docs/METRICS.md, meets IOP intensity). */
export const ASAM_IOP_FLOOR_HOURS = 9;

export function toOverviewDisplay(summary: SummaryResponse): OverviewDisplay {
  const rateOf = (key: OverviewKpiKey, rate: RateOrSuppressed) => rateKpi(rate, OVERVIEW_KPIS[key].unit);
  return {
    asOf: summary.asOf === null ? null : { iso: summary.asOf, text: formatCalendarDate(summary.asOf) },
    isEmpty: summary.episodes === 0,
    kpis:
      summary.episodes === 0
        ? null
        : {
            episodes: countKpi(summary.episodes, []),
            activeEpisodes: countKpi(summary.activeEpisodes, [`of ${countText(summary.episodes)} episodes`]),
            attendanceRate: rateOf('attendanceRate', summary.attendanceRate),
            attendedHoursPerWeek: hoursKpi(summary),
            compliant: rateOf('compliant', summary.compliant),
            retained90: rateOf('retained90', summary.retained90),
            completionRate: rateOf('completionRate', summary.completionRate),
            negativeScreenRate: rateOf('negativeScreenRate', summary.negativeScreenRate),
            readmitted30: rateOf('readmitted30', summary.readmitted30),
          },
  };
}

/** A count, or "fewer than 11" when the API withheld it (a payer's small cell). */
export function countText(count: CountOrSuppressed): string {
  return isSuppressed(count) ? WITHHELD_TEXT : formatCount(count);
}

function countKpi(count: CountOrSuppressed, details: string[]): HeadlineFigureValue {
  if (isSuppressed(count)) return withheldFigure(count.reason);
  return { value: formatCount(count), details, suppressed: false, smallCell: isSmallCount(count) };
}

function rateKpi(rate: RateOrSuppressed, unit: string): HeadlineFigureValue {
  if (isSuppressed(rate)) return withheldFigure(rate.reason);
  const sample = `n = ${formatCount(rate.denominator)} ${unit}`;
  if (rate.rate === null || rate.ci95 === null) {
    return { value: 'n/a', details: ['Not defined yet: nothing to count.', sample], suppressed: false };
  }
  return {
    value: formatPercent(rate.rate),
    details: [formatConfidenceInterval(rate.ci95), sample],
    suppressed: false,
    smallCell: restsOnSmallCell(rate),
  };
}

function hoursKpi(summary: SummaryResponse): HeadlineFigureValue {
  const { mean, median } = summary.attendedHoursPerWeek;
  const floor = `ASAM 2.1 floor: ${ASAM_IOP_FLOOR_HOURS} h a week (6 under 18)`;
  const meets = summary.meetsIntensity;
  const meeting = isSuppressed(meets)
    ? `At or above the floor: ${WITHHELD_TEXT}`
    : meets.rate === null || meets.ci95 === null
      ? 'At or above the floor: n/a'
      : `At or above the floor: ${formatPercent(meets.rate)} (${formatConfidenceInterval(meets.ci95)})`;
  const sample = `n = ${isSuppressed(meets) ? countText(summary.episodes) : formatCount(meets.denominator)} episodes`;
  if (mean === null) {
    return { value: 'n/a', details: [floor, sample], suppressed: false };
  }
  if (isSuppressed(mean)) return withheldFigure(mean.reason);
  const medianText =
    median === null
      ? 'Median n/a'
      : isSuppressed(median)
        ? `Median ${WITHHELD_TEXT}`
        : `Median ${formatDecimal(median)} h`;
  return {
    value: `${formatDecimal(mean)} h`,
    details: [`Mean; ${medianText}`, floor, meeting, sample],
    suppressed: false,
  };
}
