import type { QualityMeasuresResponse, RateValue, SummaryResponse } from '@iop/contracts';
import { METRIC_CATALOGUE } from '@iop/contracts/metric-catalogue';
import type { Content } from 'pdfmake/interfaces';
import { definitionsSection } from './definitions-section';
import { KEY_FIGURE_METRICS, kpiRows } from './kpi-section';

const QUALITY: QualityMeasuresResponse = { asOf: '2025-06-30', measures: [] };

/** Each block of the section as one line of text: "Completion rate. Discharged episodes …". */
function lines(content: Content[]): string[] {
  const textOf = (part: unknown): string => {
    if (typeof part === 'string') return part;
    if (Array.isArray(part)) return part.map(textOf).join('');
    if (typeof part === 'object' && part !== null && 'text' in part) return textOf(part.text);
    return '';
  };
  return content.map(textOf);
}

describe('the report definitions, from the metric catalogue', () => {
  it('define each key figure with its catalogue label, words and ratio, after the cost figures for a payer', () => {
    const payer = lines(definitionsSection('payer', QUALITY));
    const headings = ['Definitions', 'Cost-effectiveness', 'Key figures', 'Quality measures'];
    expect(payer.filter((line) => headings.includes(line))).toEqual(headings);
    expect(payer).toContain(
      'Completion rate. Discharged episodes that completed treatment (discharge reason 1). ' +
        'Numerator: discharges as completed. Denominator: discharged episodes.',
    );
    expect(payer).toContain(
      `Cost per completer. ${METRIC_CATALOGUE.costPerCompleter.definition} ` +
        'Numerator: total charges of the discharged episodes. Denominator: discharged episodes that completed treatment.',
    );
    expect(payer.some((line) => line.startsWith('Retention curves.'))).toBe(false);
  });

  it('define the retention curves and the verdicts in the outcomes report, and no cost figure', () => {
    const outcomes = lines(definitionsSection('outcomes', QUALITY));
    expect(outcomes).not.toContain('Cost-effectiveness');
    expect(outcomes).toContain('Retention and evidence');
    expect(outcomes.some((line) => line.startsWith('Retention curves. Kaplan–Meier estimate'))).toBe(true);
    expect(outcomes.some((line) => line.startsWith('Evidence verdicts. '))).toBe(true);
  });

  it("spell the catalogue's signs in the standard fonts' encoding", () => {
    const intervals = lines(definitionsSection('outcomes', QUALITY)).find((line) => line.startsWith('Rates and'));
    expect(intervals).toContain('Kaplan–Meier curves carry the Greenwood log-log 95% band.');
    const all = lines(definitionsSection('payer', QUALITY)).join('\n');
    expect(all).not.toMatch(/[≥≤−×]/);
    expect(all).toContain('IOP - outpatient');
  });

  it('cover every figure of the key-figures table', () => {
    const rate: RateValue = { numerator: 20, denominator: 40, rate: 0.5, ci95: [0.35, 0.65] };
    const summary: SummaryResponse = {
      asOf: '2025-06-30',
      episodes: 40,
      activeEpisodes: 12,
      attendanceRate: rate,
      attendedHoursPerWeek: { mean: 9.5, median: 9 },
      meetsIntensity: rate,
      complianceScore: { mean: 0.8 },
      compliant: rate,
      retained30: rate,
      retained60: rate,
      retained90: rate,
      completionRate: rate,
      positiveConclusionRate: rate,
      dropoutRate: rate,
      medianLengthOfStay: 45,
      negativeScreenRate: rate,
      abstinentFinal4Weeks: rate,
      readmitted30: rate,
      readmitted90: rate,
    };
    const tableMetrics = kpiRows(summary).map((row) =>
      row.key === 'attendedHoursPerWeekMedian' ? 'attendedHoursPerWeek' : row.key,
    );
    expect([...new Set(tableMetrics)]).toEqual([...KEY_FIGURE_METRICS]);
  });
});
