import type { CountOrSuppressed, RateOrSuppressed, SummaryResponse } from '@iop/contracts';
import type { Content } from 'pdfmake/interfaces';
import { formatCountCell, formatNumberCell, formatScore, rateCells } from '../report-format';
import { cellFootnotes, dataTable, note, sectionHeading } from './layout';

/** One overview figure as the report prints it. */
export interface KpiRow {
  key: keyof SummaryResponse | 'attendedHoursPerWeekMedian';
  label: string;
  value: string;
  interval: string;
  n: string;
}

const count = (key: KpiRow['key'], label: string, value: CountOrSuppressed): KpiRow => ({
  key,
  label,
  value: formatCountCell(value),
  interval: '',
  n: '',
});

const rate = (key: KpiRow['key'], label: string, value: RateOrSuppressed): KpiRow => {
  const cells = rateCells(value);
  return { key, label, value: cells.value, interval: cells.interval, n: cells.n };
};

/**
 * Every overview KPI of the summary in the dashboard's order, each rate with its Wilson 95% interval and its
 * numerator / denominator. The values are the service's; only their formatting happens here.
 */
export function kpiRows(summary: SummaryResponse): KpiRow[] {
  return [
    count('episodes', 'Episodes', summary.episodes),
    count('activeEpisodes', 'Active episodes', summary.activeEpisodes),
    rate('attendanceRate', 'Attendance rate', summary.attendanceRate),
    {
      key: 'attendedHoursPerWeek',
      label: 'Attended hours per week (mean)',
      value: formatNumberCell(summary.attendedHoursPerWeek.mean, ' h'),
      interval: '',
      n: '',
    },
    {
      key: 'attendedHoursPerWeekMedian',
      label: 'Attended hours per week (median)',
      value: formatNumberCell(summary.attendedHoursPerWeek.median, ' h'),
      interval: '',
      n: '',
    },
    rate('meetsIntensity', 'Meets intensity', summary.meetsIntensity),
    {
      key: 'complianceScore',
      label: 'Compliance score (mean)',
      value: formatNumberCell(summary.complianceScore.mean, '', formatScore),
      interval: '',
      n: '',
    },
    rate('compliant', 'Compliant (score >= 0.80)', summary.compliant),
    rate('retained30', 'Retained 30 days', summary.retained30),
    rate('retained60', 'Retained 60 days', summary.retained60),
    rate('retained90', 'Retained 90 days', summary.retained90),
    rate('completionRate', 'Completion rate', summary.completionRate),
    rate('positiveConclusionRate', 'Positive conclusion rate', summary.positiveConclusionRate),
    rate('dropoutRate', 'Dropout rate', summary.dropoutRate),
    {
      key: 'medianLengthOfStay',
      label: 'Median length of stay',
      value: formatNumberCell(summary.medianLengthOfStay, ' days'),
      interval: '',
      n: '',
    },
    rate('negativeScreenRate', 'Negative screen rate', summary.negativeScreenRate),
    rate('abstinentFinal4Weeks', 'Abstinent in the final 4 weeks', summary.abstinentFinal4Weeks),
    rate('readmitted30', 'Readmitted within 30 days', summary.readmitted30),
    rate('readmitted90', 'Readmitted within 90 days', summary.readmitted90),
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
