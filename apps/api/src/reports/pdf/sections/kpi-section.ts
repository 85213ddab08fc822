import type { CountOrSuppressed, RateOrSuppressed, SummaryResponse } from '@iop/contracts';
import { METRIC_CATALOGUE, type MetricId } from '@iop/contracts/metric-catalogue';
import type { Content } from 'pdfmake/interfaces';
import { formatCountCell, formatNumberCell, formatScore, rateCells } from '../report-format';
import { cellFootnotes, dataTable, note, sectionHeading } from './layout';

/** The summary's metrics in the order of the key-figures table; the definitions section defines the same. */
export const KEY_FIGURE_METRICS = [
  'episodes',
  'activeEpisodes',
  'attendanceRate',
  'attendedHoursPerWeek',
  'meetsIntensity',
  'complianceScore',
  'compliant',
  'retained30',
  'retained60',
  'retained90',
  'completionRate',
  'positiveConclusionRate',
  'dropoutRate',
  'medianLengthOfStay',
  'negativeScreenRate',
  'abstinentFinal4Weeks',
  'readmitted30',
  'readmitted90',
] as const satisfies readonly (keyof SummaryResponse & MetricId)[];

/** One overview figure as the report prints it. */
export interface KpiRow {
  key: keyof SummaryResponse | 'attendedHoursPerWeekMedian';
  label: string;
  value: string;
  interval: string;
  n: string;
}

type KeyFigure = (typeof KEY_FIGURE_METRICS)[number];

/** The catalogue's label, the one the definitions at the end of the report and the dashboard use. */
const labelOf = (key: KeyFigure): string => METRIC_CATALOGUE[key].label;

const count = (key: KeyFigure, value: CountOrSuppressed): KpiRow => ({
  key,
  label: labelOf(key),
  value: formatCountCell(value),
  interval: '',
  n: '',
});

const rate = (key: KeyFigure, value: RateOrSuppressed): KpiRow => {
  const cells = rateCells(value);
  return { key, label: labelOf(key), value: cells.value, interval: cells.interval, n: cells.n };
};

const number = (key: KpiRow['key'], label: string, value: string): KpiRow => ({
  key,
  label,
  value,
  interval: '',
  n: '',
});

/**
 * Every overview KPI of the summary in the dashboard's order, each rate with its Wilson 95% interval and its
 * numerator / denominator. The values are the service's; only their formatting happens here.
 */
export function kpiRows(summary: SummaryResponse): KpiRow[] {
  const hours = labelOf('attendedHoursPerWeek');
  return [
    count('episodes', summary.episodes),
    count('activeEpisodes', summary.activeEpisodes),
    rate('attendanceRate', summary.attendanceRate),
    number('attendedHoursPerWeek', `${hours} (mean)`, formatNumberCell(summary.attendedHoursPerWeek.mean, ' h')),
    number(
      'attendedHoursPerWeekMedian',
      `${hours} (median)`,
      formatNumberCell(summary.attendedHoursPerWeek.median, ' h'),
    ),
    rate('meetsIntensity', summary.meetsIntensity),
    number(
      'complianceScore',
      `${labelOf('complianceScore')} (mean)`,
      formatNumberCell(summary.complianceScore.mean, '', formatScore),
    ),
    rate('compliant', summary.compliant),
    rate('retained30', summary.retained30),
    rate('retained60', summary.retained60),
    rate('retained90', summary.retained90),
    rate('completionRate', summary.completionRate),
    rate('positiveConclusionRate', summary.positiveConclusionRate),
    rate('dropoutRate', summary.dropoutRate),
    number('medianLengthOfStay', labelOf('medianLengthOfStay'), formatNumberCell(summary.medianLengthOfStay, ' days')),
    rate('negativeScreenRate', summary.negativeScreenRate),
    rate('abstinentFinal4Weeks', summary.abstinentFinal4Weeks),
    rate('readmitted30', summary.readmitted30),
    rate('readmitted90', summary.readmitted90),
  ];
}

/** Key figures: the overview KPIs, with the small-cell footnote when a value is marked. */
export function kpiSection(summary: SummaryResponse): Content[] {
  const rows = kpiRows(summary);
  return [
    sectionHeading('Key figures'),
    dataTable(
      ['Measure', 'Value', 'Interval', 'Numerator of denominator'],
      rows.map((row) => [row.label, row.value, row.interval, row.n]),
      ['*', 'auto', 'auto', 'auto'],
      [1, 2, 3],
    ),
    ...cellFootnotes(rows.map((row) => [row.value, row.interval, row.n])),
    note('Rates carry their Wilson 95% confidence interval; the definitions are at the end of the report.'),
  ];
}
