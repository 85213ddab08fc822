import {
  formatMedianDays,
  formatPercentWithInterval,
  formatPValue,
  RETENTION_GROUP_BYS,
  type RetentionCurve,
  type RetentionGroupBy,
  type RetentionResponse,
} from '@iop/contracts';
import type { FrameTable } from '../../ui/charts/frame-table';
import { atRiskAt, type KmCurveInput, timeMarks, valueAt } from '../../ui/charts/km-geometry';
import { formatCount, formatDecimal } from '../../ui/formats/number-format';

export const DEFAULT_GROUP_BY: RetentionGroupBy = 'levelOfCare';

/** The group-by choices in the order of the selector; the words name what the curves are split by. */
export const GROUP_BY_OPTIONS: readonly { value: RetentionGroupBy; label: string }[] = [
  { value: 'levelOfCare', label: 'Level of care' },
  { value: 'mat', label: 'MAT (opioid use disorder)' },
  { value: 'program', label: 'Program' },
  { value: 'payer', label: 'Payer' },
  { value: 'groupTercile', label: 'Group attendance tercile' },
];

/** The URL's groupBy, or the default when it is missing or not one the API knows (a stale link still opens). */
export function parseGroupBy(value: string | null): RetentionGroupBy {
  return (RETENTION_GROUP_BYS as readonly string[]).includes(value ?? '')
    ? (value as RetentionGroupBy)
    : DEFAULT_GROUP_BY;
}

export function groupByLabel(groupBy: RetentionGroupBy): string {
  return GROUP_BY_OPTIONS.find((option) => option.value === groupBy)?.label ?? groupBy;
}

/** Payers come as codes ("self_pay"); the other groupings already have readable labels. */
export function curveLabel(groupBy: RetentionGroupBy, curve: Pick<RetentionCurve, 'label'>): string {
  if (groupBy !== 'payer') return curve.label;
  const words = curve.label.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function toKmCurves(response: RetentionResponse): KmCurveInput[] {
  return response.curves.map((curve) => ({ label: curveLabel(response.groupBy, curve), steps: curve.steps }));
}

/** The time axis starts at admission, or at day 28 for the landmark population of the tercile split. */
export function timeAxisLabel(response: Pick<RetentionResponse, 'timeOriginDay'>): string {
  return response.timeOriginDay === 0 ? 'Days since admission' : `Days since day ${response.timeOriginDay}`;
}

/** Where the reference day falls on the time axis, which may start later than admission. */
export function referenceOnAxis(response: Pick<RetentionResponse, 'referenceDays' | 'timeOriginDay'>): number {
  return response.referenceDays - response.timeOriginDay;
}

export function referenceLineLabel(response: Pick<RetentionResponse, 'referenceDays' | 'timeOriginDay'>): string {
  return `Day ${response.referenceDays}`;
}

export function totalEpisodes(response: RetentionResponse): number {
  return response.curves.reduce((sum, curve) => sum + curve.episodes, 0);
}

export function isEmptyRetention(response: RetentionResponse): boolean {
  return totalEpisodes(response) === 0;
}

/** "71.3% (95% CI 68.0%–74.4%)": S(t) at the reference day with its band. */
function formatSurvivalWithBand(value: { survival: number; lower: number | null; upper: number | null }): string {
  return formatPercentWithInterval(value.survival, value.lower, value.upper);
}

export function formatLogRank(response: RetentionResponse): string {
  const test = response.logRank;
  if (!test) return 'Log-rank test: not computed (needs at least two groups with an event).';
  return `Log-rank test: χ² = ${formatDecimal(test.chiSquare)}, df = ${test.df}, ${formatPValue(test.p)}`;
}

export interface RetentionSummaryRow {
  label: string;
  episodes: string;
  events: string;
  median: string;
  atReference: string;
}

/** One line per group: its size, its median stay and its share still engaged at the reference day. */
export function toSummaryRows(response: RetentionResponse): RetentionSummaryRow[] {
  return response.curves.map((curve) => ({
    label: curveLabel(response.groupBy, curve),
    episodes: formatCount(curve.episodes),
    events: formatCount(curve.events),
    median: formatMedianDays(curve.median),
    atReference: curve.atReference ? formatSurvivalWithBand(curve.atReference) : 'not observed that long',
  }));
}

/**
 * The data table and CSV: one row per group per 30-day mark, from day 0 to the group's last time, with S(t),
 * its band and the number at risk read off the same steps that draw the curve.
 */
export function toRetentionTable(response: RetentionResponse): FrameTable {
  const dayHeader = response.timeOriginDay === 0 ? 'Day' : `Days since day ${response.timeOriginDay}`;
  return {
    columns: [
      { key: 'group', header: groupByLabel(response.groupBy) },
      { key: 'day', header: dayHeader, format: 'count' },
      { key: 'survival', header: 'Still engaged', format: 'rate' },
      { key: 'lower', header: '95% CI lower', format: 'rate' },
      { key: 'upper', header: '95% CI upper', format: 'rate' },
      { key: 'atRisk', header: 'At risk', format: 'count' },
    ],
    rows: response.curves.flatMap((curve) =>
      timeMarks(curve.steps.at(-1)?.time ?? 0).map((day) => {
        const value = valueAt(curve.steps, day);
        return {
          group: curveLabel(response.groupBy, curve),
          day,
          survival: value.survival,
          lower: value.lower,
          upper: value.upper,
          atRisk: atRiskAt(curve.steps, day),
        };
      }),
    ),
  };
}

/** The chart's accessible name: each group's share still engaged at the reference day and its median. */
export function describeRetentionChart(response: RetentionResponse): string {
  const groups = response.curves.map((curve) => {
    const atReference = curve.atReference
      ? `${formatSurvivalWithBand(curve.atReference)} still engaged at day ${response.referenceDays}`
      : `not observed to day ${response.referenceDays}`;
    return `${curveLabel(response.groupBy, curve)}: ${atReference}, median ${formatMedianDays(curve.median)}`;
  });
  return `Kaplan–Meier curves of the share of episodes still engaged, by ${groupByLabel(response.groupBy).toLowerCase()}. ${groups.join('; ')}.`;
}
