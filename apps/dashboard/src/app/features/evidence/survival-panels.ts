import {
  type EvidenceSurvivalCurve,
  type EvidenceSurvivalGroup,
  formatMedianDays,
  formatPValue,
  type SurvivalChart,
} from '@iop/contracts';
import { SERIES_COLORS } from '../../ui/charts/chart-panel';
import { formatCount, formatPercent } from '../../ui/formats/number-format';
import { formatEffectNumber } from './evidence-format';
import type { EvidencePanel } from './evidence-panel';

/** The detail's curves, if the answer has them in the expected shape (the detail is typed loosely). */
export function survivalCurvesOf(detail: Record<string, unknown> | undefined): EvidenceSurvivalCurve[] {
  const curves = detail?.['curves'];
  return Array.isArray(curves) ? (curves as EvidenceSurvivalCurve[]) : [];
}

function logRankText(chart: SurvivalChart): string {
  return chart.logRank
    ? `Log-rank test: χ² = ${formatEffectNumber(chart.logRank.chiSquare, 'difference')} on ${chart.logRank.df} df, ${formatPValue(chart.logRank.p)}.`
    : 'Log-rank test: not computed.';
}

function groupRows(groups: readonly EvidenceSurvivalGroup[]) {
  return groups.map((group) => ({
    group: group.label,
    n: group.n,
    events: group.events,
    median: formatMedianDays(group.medianDaysToDisengagement),
    stay: group.medianLengthOfStayDays,
  }));
}

const GROUP_COLUMNS = [
  { key: 'group', header: 'Group' },
  { key: 'n', header: 'Episodes', format: 'count' },
  { key: 'events', header: 'Disengaged', format: 'count' },
  { key: 'median', header: 'Median days to disengagement' },
  { key: 'stay', header: 'Median length of stay (days)', format: 'count' },
] as const;

/**
 * A survival claim's Kaplan-Meier chart: step curves per group (with their 95% bands when `bands`), from the
 * detail's steps; the table lists each group's size, events and medians. Without steps (board before the
 * detail arrives) the curves are empty and the frame shows its loading state.
 */
export function survivalPanel(
  claimId: number,
  chart: SurvivalChart,
  curves: readonly EvidenceSurvivalCurve[],
  bands: boolean,
): EvidencePanel {
  const landmark = claimId === 3;
  const cuts = chart.tercileCutPoints?.length
    ? ` Terciles split at ${chart.tercileCutPoints.map((cut) => formatEffectNumber(cut, 'difference')).join(' and ')} groups per week.`
    : '';
  return {
    key: 'survival',
    heading: landmark
      ? 'Still engaged after day 28, by tercile of group sessions attended per week (Kaplan-Meier)'
      : 'Still engaged, with vs without MAT, opioid use disorder (Kaplan-Meier)',
    subtitle: `${logRankText(chart)}${cuts}${bands ? ' Shaded: 95% bands.' : ''}`,
    n: chart.groups.reduce((sum, group) => sum + group.n, 0),
    unit: 'episodes',
    empty: chart.groups.every((group) => group.n === 0),
    table: { columns: GROUP_COLUMNS, rows: groupRows(chart.groups) },
    plot: {
      kind: 'xy',
      spec: {
        xLabel: 'Days since admission',
        yLabel: 'Share not disengaged',
        yDomain: [0, 1],
        formatY: (value) => formatPercent(value).replace('.0%', '%'),
        series: curves.map((curve, i) => ({
          name: `${curve.label} (n = ${formatCount(curve.n)})`,
          kind: 'step',
          color: SERIES_COLORS[i % SERIES_COLORS.length],
          dashed: i % 2 === 1,
          points: curve.steps.map((step) => ({
            x: step.time,
            y: step.survival,
            low: bands ? step.lower : null,
            high: bands ? step.upper : null,
          })),
        })),
      },
    },
  };
}
