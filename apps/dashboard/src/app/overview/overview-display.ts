import { isSuppressed, RateOrSuppressed, SummaryResponse } from '@iop/contracts';
import { ChartDatum } from '../charts/chart-datum';
import { formatCalendarDate, formatConfidenceInterval, formatCount, formatPercent } from '../format/number-format';

/** What one KPI card shows: the number as text, the lines under it, or why it is withheld. */
export interface KpiDisplay {
  value: string;
  details: string[];
  /** The API withheld the value (small-cell suppression); value then reads "fewer than 11". */
  suppressed: boolean;
}

export interface OverviewDisplay {
  /** Null before any data has been loaded. */
  asOf: { iso: string; text: string } | null;
  /** No episodes at all: the page shows an empty state instead of a row of zeros. */
  isEmpty: boolean;
  episodes: KpiDisplay;
  activeEpisodes: KpiDisplay;
  attendanceRate: KpiDisplay;
  /** Null when there is nothing honest to draw: the counts are suppressed or there are no appointments. */
  appointmentsChart: { data: ChartDatum[]; n: number } | null;
}

/** Shown in place of a suppressed number; the threshold is the one DESIGN.md section 7 sets. */
export const SUPPRESSED_TEXT = 'fewer than 11';

export function toOverviewDisplay(summary: SummaryResponse): OverviewDisplay {
  return {
    asOf: summary.asOf === null ? null : { iso: summary.asOf, text: formatCalendarDate(summary.asOf) },
    isEmpty: summary.episodes === 0,
    episodes: countKpi(summary.episodes),
    activeEpisodes: countKpi(summary.activeEpisodes),
    attendanceRate: attendanceKpi(summary.attendanceRate),
    appointmentsChart: appointmentsChart(summary.attendanceRate),
  };
}

export { describeLoadError } from '../api/resource-state';

function countKpi(count: number): KpiDisplay {
  return { value: formatCount(count), details: [], suppressed: false };
}

function attendanceKpi(rate: RateOrSuppressed): KpiDisplay {
  if (isSuppressed(rate)) {
    // The API's reason is worth showing only when it says more than the value already does.
    const reason = rate.reason.trim();
    const details = reason && reason.toLowerCase() !== SUPPRESSED_TEXT ? [`Reason: ${reason}`] : [];
    return { value: SUPPRESSED_TEXT, details, suppressed: true };
  }
  const sample = `n = ${formatCount(rate.denominator)} appointments`;
  if (rate.rate === null || rate.ci95 === null) {
    return {
      value: 'n/a',
      details: ['No appointments counted yet.', sample],
      suppressed: false,
    };
  }
  return {
    value: formatPercent(rate.rate),
    details: [formatConfidenceInterval(rate.ci95), sample],
    suppressed: false,
  };
}

function appointmentsChart(rate: RateOrSuppressed): OverviewDisplay['appointmentsChart'] {
  if (isSuppressed(rate) || rate.denominator === 0) {
    return null;
  }
  return {
    n: rate.denominator,
    data: [
      { name: 'Attended', value: rate.numerator },
      { name: 'Missed', value: rate.denominator - rate.numerator },
    ],
  };
}
