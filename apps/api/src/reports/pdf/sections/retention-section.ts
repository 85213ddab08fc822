import {
  formatMedianDays,
  formatPercentWithInterval,
  type RetentionCurve,
  type RetentionResponse,
} from '@iop/contracts';
import type { Content } from 'pdfmake/interfaces';
import { formatCount, formatCountCell, winAnsi } from '../report-format';
import { CURVE_COLOURS, kaplanMeierSvg } from './km-chart';
import { cellFootnotes, dataTable, note, sectionHeading } from './layout';
import { atRiskOn, overallCurve } from './retention-overall';

const AT_RISK_DAYS = [0, 30, 60, 90, 180];

function referenceText(curve: RetentionCurve): string {
  if (!curve.atReference) return 'not observed';
  const { survival, lower, upper } = curve.atReference;
  return formatPercentWithInterval(survival, lower, upper);
}

/**
 * Retention: the overall curve and one per program, drawn as vector steps with the 90-day line, and their
 * numbers at risk, medians and survival at 90 days.
 */
export function retentionSection(retention: RetentionResponse): Content[] {
  const overall = overallCurve(retention);
  if (!overall) return [sectionHeading('Retention curves'), { text: 'No episode is selected.' }];
  const curves = retention.curves.length > 1 ? [overall, ...retention.curves] : [overall];
  const referenceDay = retention.referenceDays - retention.timeOriginDay;
  const rows = curves.map((curve) => [
    curve.label,
    formatCountCell(curve.episodes),
    formatCountCell(curve.events),
    ...AT_RISK_DAYS.map((day) => formatCount(atRiskOn(curve, day))),
    formatMedianDays(curve.median),
    referenceText(curve),
  ]);
  return [
    sectionHeading('Retention curves'),
    { text: winAnsi(`Time to disengagement (discharge as dropped out or terminated). ${retention.population}.`) },
    {
      svg: kaplanMeierSvg(curves, referenceDay, 'Days since admission'),
      width: 500,
      font: 'Helvetica',
      margin: [0, 8, 0, 4],
    },
    {
      columns: curves.map((curve, index) => ({
        text: [{ text: '— ', bold: true, color: CURVE_COLOURS[index % CURVE_COLOURS.length] }, winAnsi(curve.label)],
        width: 'auto',
        fontSize: 8,
        margin: [0, 0, 12, 0],
      })),
    },
    { text: 'Episodes at risk on days 0, 30, 60, 90 and 180; medians; retention at 90 days', style: 'subheading' },
    dataTable(
      ['Curve', 'Episodes', 'Disengaged', ...AT_RISK_DAYS.map((day) => `Day ${day}`), 'Median stay', 'S(90)'],
      rows,
      [62, 'auto', 'auto', ...AT_RISK_DAYS.map(() => 'auto'), 74, '*'],
      [1, 2, 3, 4, 5, 6, 7],
    ),
    ...cellFootnotes(rows),
    note(
      'Kaplan-Meier estimates with Greenwood log-log 95% intervals; episodes discharged for other reasons or still ' +
        'active are censored. The overall curve pools the program curves.',
    ),
  ];
}
