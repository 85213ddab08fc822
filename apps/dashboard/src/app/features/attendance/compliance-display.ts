import type { ComplianceResponse } from '@iop/contracts';
import type { FrameTable } from '../../ui/charts/frame-table';
import { formatCount, formatPercent } from '../../ui/formats/number-format';
import type { StackedSeries } from './no-shows-display';
import type { HeadlineFigureValue } from '../../ui/cards/headline-figure';
import { denominatorOf, rateCells, rateKpi, rateOf } from './rate-display';

export interface ComplianceDisplay {
  /** ngx-charts' grouped input: per component, its mean and its share meeting the threshold (both 0-1). */
  chart: StackedSeries[];
  /** Series names, in drawing order, for the legend. */
  seriesNames: readonly [string, string];
  threshold: number;
  /** Episodes with a compliance score; null when withheld. */
  n: number | null;
  score: HeadlineFigureValue;
  compliant: HeadlineFigureValue;
  table: FrameTable;
}

export const COMPLIANCE_COLUMNS = [
  { key: 'component', header: 'Component' },
  { key: 'mean', header: 'Mean', format: 'rate' },
  { key: 'meeting', header: 'Share meeting threshold', format: 'rate' },
  { key: 'ciLow', header: '95% CI low', format: 'rate' },
  { key: 'ciHigh', header: '95% CI high', format: 'rate' },
  { key: 'episodes', header: 'Episodes (denominator)', format: 'count' },
] as const;

export function toComplianceDisplay(response: ComplianceResponse): ComplianceDisplay {
  const thresholdText = formatPercent(response.threshold);
  const meetingName = `Share at or above ${thresholdText}`;
  const n = denominatorOf(response.compliant);
  const scoreMean = response.score.mean;
  return {
    chart: response.components.map((component) => ({
      name: component.label,
      series: [
        { name: 'Mean', value: component.mean ?? 0 },
        { name: meetingName, value: rateOf(component.meeting) ?? 0 },
      ],
    })),
    seriesNames: ['Mean', meetingName],
    threshold: response.threshold,
    n,
    score: {
      value: scoreMean === null ? '—' : formatPercent(scoreMean),
      details: n === null ? [] : [`n = ${formatCount(n)} episodes with a score`],
      suppressed: false,
    },
    compliant: rateKpi(response.compliant, 'episodes with a score'),
    table: {
      columns: COMPLIANCE_COLUMNS,
      rows: [
        ...response.components.map((component) => {
          const [meeting, ciLow, ciHigh] = rateCells(component.meeting);
          return {
            component: component.label,
            mean: component.mean,
            meeting,
            ciLow,
            ciHigh,
            episodes: denominatorOf(component.meeting),
          };
        }),
        (() => {
          const [meeting, ciLow, ciHigh] = rateCells(response.compliant);
          return { component: 'Compliance score', mean: scoreMean, meeting, ciLow, ciHigh, episodes: n };
        })(),
      ],
    },
  };
}

export function isComplianceEmpty(response: ComplianceResponse): boolean {
  return denominatorOf(response.compliant) === 0;
}
