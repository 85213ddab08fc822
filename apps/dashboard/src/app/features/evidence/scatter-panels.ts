import type { BinnedScatterChart, EvidenceBinPoint, EvidenceEffect, EvidenceScatterPanel } from '@iop/contracts';
import { SERIES_COLORS } from '../../ui/charts/chart-panel';
import { formatPValue } from '@iop/contracts';
import { formatEffect, formatEffectNumber, measureName } from './evidence-format';
import { type EvidencePanel, round3 } from './evidence-panel';
import type { XySeries } from '../../ui/plots/xy-plot';

/** Axis words of the binned-scatter claims (1, 2, 8, 9), with units; the API gives the phrases, not the units. */
const AXES: Record<number, { x: string; y: string }> = {
  1: { x: 'Scheduled contact hours per week (days 0-27)', y: 'Compliance score (0-1)' },
  2: { x: 'Individual sessions per week (days 0-27)', y: 'WAI-SR alliance total (points)' },
  8: { x: 'Negative-screen rate, days 0-27 (0-1)', y: 'Readiness change (ruler points)' },
  9: { x: 'Mutual-help meetings per week', y: 'Negative screen rate (0-1)' },
};

const BIN_COLUMNS = [
  { key: 'bin', header: 'Bin' },
  { key: 'x', header: 'Exposure mean' },
  { key: 'y', header: 'Outcome mean' },
  { key: 'low', header: '95% CI low' },
  { key: 'high', header: '95% CI high' },
  { key: 'n', header: 'Episodes', format: 'count' },
] as const;

function binRows(points: readonly EvidenceBinPoint[]) {
  return points.map((point, i) => ({
    bin: `${i + 1}`,
    x: round3(point.x),
    y: round3(point.y),
    low: round3(point.ci95?.[0]),
    high: round3(point.ci95?.[1]),
    n: point.n,
  }));
}

function binSeries(name: string, points: readonly EvidenceBinPoint[], color: string): XySeries {
  return {
    name,
    kind: 'points',
    color,
    points: points.map((point) => ({ x: point.x, y: point.y, low: point.ci95?.[0], high: point.ci95?.[1] })),
  };
}

/** The fitted line drawn across the bins' exposure range. */
function lineSeries(points: readonly EvidenceBinPoint[], line: { intercept: number; slope: number }): XySeries {
  const xs = points.map((point) => point.x);
  const ends = [Math.min(...xs), Math.max(...xs)];
  return {
    name: 'Least-squares line',
    kind: 'line',
    color: SERIES_COLORS[1],
    dashed: true,
    points: ends.map((x) => ({ x, y: line.intercept + line.slope * x })),
  };
}

function effectLine(label: string, effect: EvidenceEffect): string {
  return `${label} ${measureName(effect)}: ${formatEffect(effect)}`;
}

function scatterPanel(
  key: string,
  heading: string,
  axes: { x: string; y: string },
  panel: Pick<EvidenceScatterPanel, 'n' | 'points'>,
  subtitle: string,
  extra: XySeries[] = [],
): EvidencePanel {
  return {
    key,
    heading,
    subtitle,
    n: panel.n,
    unit: 'episodes',
    empty: panel.points.length === 0,
    table: { columns: BIN_COLUMNS, rows: binRows(panel.points) },
    plot: {
      kind: 'xy',
      spec: {
        xLabel: axes.x,
        yLabel: axes.y,
        series: [binSeries('Bin mean with 95% CI', panel.points, SERIES_COLORS[0]), ...extra],
      },
    },
  };
}

/** Claim 9's board chart: the adjusted slope within each substance, as a forest of intervals. */
function substanceSlopes(chart: BinnedScatterChart): EvidencePanel {
  const panels = chart.bySubstance ?? [];
  const rows = panels.map((panel) => ({
    substance: panel.substance,
    n: panel.n,
    estimate: round3(panel.adjusted.estimate),
    low: round3(panel.adjusted.ci95?.[0]),
    high: round3(panel.adjusted.ci95?.[1]),
    p: round3(panel.adjusted.p),
  }));
  return {
    key: 'by-substance',
    heading: 'Adjusted slope of the negative screen rate per meeting a week, by primary substance',
    subtitle: 'Each bar is one substance; whiskers are 95% intervals, not corrected for testing five subgroups.',
    n: panels.reduce((sum, panel) => sum + panel.n, 0),
    unit: 'episodes',
    empty: panels.length === 0,
    table: {
      columns: [
        { key: 'substance', header: 'Primary substance' },
        { key: 'n', header: 'Episodes', format: 'count' },
        { key: 'estimate', header: 'Adjusted slope' },
        { key: 'low', header: '95% CI low' },
        { key: 'high', header: '95% CI high' },
        { key: 'p', header: 'p' },
      ],
      rows,
    },
    plot: {
      kind: 'bars',
      spec: {
        valueLabel: 'Change in negative screen rate per meeting a week',
        formatValue: (value) => formatEffectNumber(value, 'difference'),
        rows: panels.map((panel, i) => ({
          label: panel.substance,
          value: panel.adjusted.estimate,
          low: panel.adjusted.ci95?.[0],
          high: panel.adjusted.ci95?.[1],
          color: SERIES_COLORS[i % SERIES_COLORS.length],
          valueText:
            panel.adjusted.estimate === null
              ? 'not estimated'
              : formatEffectNumber(panel.adjusted.estimate, 'difference'),
        })),
      },
    },
  };
}

/**
 * The panels of a binned-scatter claim. The board shows the claim's main panel; the detail page (`full`) adds
 * claim 2's alliance -> retention panel, claim 8's abstinence panel and claim 9's panel per substance.
 */
export function scatterPanels(claimId: number, chart: BinnedScatterChart, full: boolean): EvidencePanel[] {
  const axes = AXES[claimId] ?? { x: 'Exposure', y: 'Outcome' };
  const panels: EvidencePanel[] = [];
  if (chart.points) {
    const n = chart.points.reduce((sum, point) => sum + point.n, 0);
    const notes = [
      chart.line
        ? `Least-squares line y = ${formatEffectNumber(chart.line.intercept, 'difference')} + ${formatEffectNumber(chart.line.slope, 'difference')} × x.`
        : '',
      chart.pearson
        ? `Pearson r = ${formatEffectNumber(chart.pearson.r, 'difference')} (95% CI ${formatEffectNumber(chart.pearson.ci95[0], 'difference')} to ${formatEffectNumber(chart.pearson.ci95[1], 'difference')}), ${formatPValue(chart.pearson.p)}.`
        : '',
    ];
    panels.push(
      scatterPanel(
        'main',
        `${axes.y.replace(/ \(.*\)$/, '')} by ${axes.x.replace(/ \(.*\)$/, '').toLowerCase()}, bin means`,
        axes,
        { n, points: chart.points },
        ['Bins of the exposure with the outcome mean and its 95% interval.', ...notes].filter(Boolean).join(' '),
        chart.line && chart.points.length > 0 ? [lineSeries(chart.points, chart.line)] : [],
      ),
    );
  }
  if (chart.bySubstance) panels.push(substanceSlopes(chart));
  if (!full) return panels;
  if (chart.allianceToRetention) {
    const panel = chart.allianceToRetention;
    panels.push(
      scatterPanel(
        'alliance-to-retention',
        'Retained at 90 days by alliance score, bin means',
        { x: 'WAI-SR alliance total (points)', y: 'Retained at 90 days (share, 0-1)' },
        panel,
        [effectLine('Unadjusted', panel.unadjusted), effectLine('Adjusted', panel.adjusted)].join('. '),
      ),
    );
  }
  if (chart.abstinence) {
    const panel = chart.abstinence;
    panels.push(
      scatterPanel(
        'abstinence',
        'Abstinent in the final 4 weeks by early negative-screen rate (mechanical, not evidence of motivation)',
        { x: 'Negative-screen rate, days 0-27 (0-1)', y: 'Abstinent in final 4 weeks (share, 0-1)' },
        panel,
        [effectLine('Unadjusted', panel.unadjusted), effectLine('Adjusted', panel.adjusted)].join('. '),
      ),
    );
  }
  for (const panel of chart.bySubstance ?? []) {
    panels.push(
      scatterPanel(
        `substance-${panel.substance}`,
        `Negative screen rate by mutual-help meetings per week: ${panel.substance}`,
        AXES[9],
        panel,
        [effectLine('Unadjusted', panel.unadjusted), effectLine('Adjusted', panel.adjusted)].join('. '),
      ),
    );
  }
  return panels;
}
