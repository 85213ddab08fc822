import type { CostBarsChart, GroupedBarsChart, HeatmapChart, RateValue, SuppressedValue } from '@iop/contracts';
import { dollarsOrNull, isSuppressed, numberOrNull } from '@iop/contracts';
import { SERIES_COLORS } from '../../ui/charts/chart-panel';
import { formatCurrency, formatDecimal, formatPercent, WITHHELD_TEXT } from '../../ui/formats/number-format';
import { formatEffect, formatRate, measureName } from './evidence-format';
import { type EvidencePanel, levelName, round3 } from './evidence-panel';
import type { BarRow } from '../../ui/plots/bar-plot';

const RATE_COLUMNS = [
  { key: 'group', header: 'Group' },
  { key: 'measure', header: 'Outcome' },
  { key: 'rate', header: 'Rate', format: 'rate' },
  { key: 'low', header: '95% CI low', format: 'rate' },
  { key: 'high', header: '95% CI high', format: 'rate' },
  { key: 'numerator', header: 'Numerator', format: 'count' },
  { key: 'denominator', header: 'Denominator', format: 'count' },
] as const;

interface RateItem {
  group: string;
  measure: string;
  value: RateValue | SuppressedValue;
  color: string;
}

function rateRow(item: RateItem) {
  const { value } = item;
  if (isSuppressed(value)) {
    return {
      group: item.group,
      measure: item.measure,
      rate: WITHHELD_TEXT,
      low: null,
      high: null,
      numerator: null,
      denominator: null,
    };
  }
  return {
    group: item.group,
    measure: item.measure,
    rate: round3(value.rate),
    low: round3(value.ci95?.[0]),
    high: round3(value.ci95?.[1]),
    numerator: value.numerator,
    denominator: value.denominator,
  };
}

function rateBar(item: RateItem, label: string): BarRow {
  const value = item.value;
  const shown = !isSuppressed(value) && value.rate !== null;
  return {
    label,
    value: shown ? value.rate : null,
    low: shown ? value.ci95?.[0] : null,
    high: shown ? value.ci95?.[1] : null,
    color: item.color,
    valueText: isSuppressed(value) ? WITHHELD_TEXT : value.rate === null ? 'no episodes' : formatPercent(value.rate),
  };
}

function ratePanel(
  key: string,
  heading: string,
  subtitle: string,
  items: RateItem[],
  twoPart: boolean,
  n: number,
): EvidencePanel {
  return {
    key,
    heading,
    subtitle,
    n,
    unit: 'discharged episodes',
    empty: items.every((item) => !isSuppressed(item.value) && item.value.denominator === 0),
    table: { columns: RATE_COLUMNS, rows: items.map(rateRow) },
    plot: {
      kind: 'bars',
      spec: {
        valueLabel: 'Share of episodes (%), with 95% Wilson interval',
        formatValue: (value) => formatPercent(value).replace('.0%', '%'),
        rows: items.map((item) => rateBar(item, twoPart ? `${item.measure}, ${item.group}` : item.group)),
      },
    },
  };
}

/** Claims 4 and 7: completion (and for claim 4 retention at 90 days) per group, with Wilson intervals. */
export function groupedBarPanels(claimId: number, chart: GroupedBarsChart, full: boolean): EvidencePanel[] {
  const groupOf = (bar: GroupedBarsChart['bars'][number]) =>
    bar.levelOfCare ? levelName(bar.levelOfCare) : (bar.group ?? '');
  const items: RateItem[] = [];
  chart.bars.forEach((bar, i) => {
    items.push({
      group: groupOf(bar),
      measure: 'Completion',
      value: bar.completion,
      color: SERIES_COLORS[i % SERIES_COLORS.length],
    });
  });
  chart.bars.forEach((bar, i) => {
    if (bar.retained90) {
      items.push({
        group: groupOf(bar),
        measure: 'Retained 90 days',
        value: bar.retained90,
        color: SERIES_COLORS[i % SERIES_COLORS.length],
      });
    }
  });
  const twoPart = items.some((item) => item.measure !== 'Completion');
  const secondary = chart.adjusted
    ? ` Adjusted ${measureName(chart.adjusted.retained90)}: ${formatEffect(chart.adjusted.retained90)}.`
    : '';
  const panels = [
    ratePanel(
      'rates',
      claimId === 4
        ? 'Completion and retention at 90 days, IOP vs standard outpatient'
        : 'Completion, any family session in days 0-27 vs none',
      `Bars: share of episodes; whiskers: 95% Wilson intervals.${secondary}`,
      items,
      twoPart,
      // The headline outcome's population: discharged episodes (a withheld count adds nothing).
      chart.bars.reduce((sum, bar) => sum + (isSuppressed(bar.completion) ? 0 : bar.completion.denominator), 0),
    ),
  ];
  const scored = chart.bars.filter((bar) => bar.complianceScore);
  if (full && scored.length) {
    panels.push({
      key: 'compliance',
      heading: 'Mean compliance score by level of care',
      subtitle: chart.adjusted
        ? `Adjusted ${measureName(chart.adjusted.complianceScore)}: ${formatEffect(chart.adjusted.complianceScore)}.`
        : '',
      n: scored.reduce((sum, bar) => sum + (bar.complianceScore?.n ?? 0), 0),
      unit: 'episodes',
      empty: false,
      table: {
        columns: [
          { key: 'group', header: 'Group' },
          { key: 'mean', header: 'Mean compliance score' },
          { key: 'low', header: '95% CI low' },
          { key: 'high', header: '95% CI high' },
          { key: 'n', header: 'Episodes', format: 'count' },
        ],
        rows: scored.map((bar) => ({
          group: groupOf(bar),
          mean: round3(bar.complianceScore?.mean),
          low: round3(bar.complianceScore?.ci95?.[0]),
          high: round3(bar.complianceScore?.ci95?.[1]),
          n: bar.complianceScore?.n ?? 0,
        })),
      },
      plot: {
        kind: 'bars',
        spec: {
          valueLabel: 'Mean compliance score (0-1), with 95% t interval',
          formatValue: (value) => formatDecimal(value),
          rows: scored.map((bar, i) => ({
            label: groupOf(bar),
            value: bar.complianceScore?.mean ?? null,
            low: bar.complianceScore?.ci95?.[0],
            high: bar.complianceScore?.ci95?.[1],
            color: SERIES_COLORS[i % SERIES_COLORS.length],
            valueText: bar.complianceScore?.mean == null ? 'no episodes' : String(round3(bar.complianceScore.mean)),
          })),
        },
      },
    });
  }
  return panels;
}

const EMPLOYMENT_NAMES = { employed_or_student: 'Employed or student', other: 'Other' } as const;
const SLOT_NAMES: Record<string, string> = {
  morning: 'Morning',
  afternoon: 'Afternoon',
  evening: 'Evening',
  weekend: 'Weekend',
};

/** Claim 5: appointment attendance by time slot and employment group; the detail adds attendance by track. */
export function heatmapPanels(chart: HeatmapChart, full: boolean): EvidencePanel[] {
  const slots = [...new Set(chart.cells.map((cell) => cell.slot))];
  const panels: EvidencePanel[] = [
    {
      key: 'slots',
      heading: 'Appointment attendance rate by time slot and employment',
      subtitle: `Each cell: attended ÷ (attended + no-shows + patient cancellations). Other patients' adjusted slope: ${formatEffect(chart.others.adjusted)} (n = ${chart.others.n}).`,
      n: chart.cells.reduce((sum, cell) => sum + (isSuppressed(cell.attendance) ? 0 : cell.attendance.denominator), 0),
      unit: 'appointments',
      empty: chart.cells.every((cell) => !isSuppressed(cell.attendance) && cell.attendance.denominator === 0),
      table: {
        columns: RATE_COLUMNS,
        rows: chart.cells.map((cell) =>
          rateRow({
            group: EMPLOYMENT_NAMES[cell.employment],
            measure: SLOT_NAMES[cell.slot] ?? cell.slot,
            value: cell.attendance,
            color: '',
          }),
        ),
      },
      plot: {
        kind: 'heatmap',
        spec: {
          valueLabel: 'attendance rate',
          rows: Object.values(EMPLOYMENT_NAMES),
          columns: slots.map((slot) => SLOT_NAMES[slot] ?? slot),
          cells: chart.cells.map((cell) => ({
            row: EMPLOYMENT_NAMES[cell.employment],
            column: SLOT_NAMES[cell.slot] ?? cell.slot,
            value: isSuppressed(cell.attendance) ? null : cell.attendance.rate,
            text:
              isSuppressed(cell.attendance) || cell.attendance.rate === null
                ? formatRate(cell.attendance)
                : formatPercent(cell.attendance.rate),
          })),
        },
      },
    },
  ];
  if (!full) return panels;
  const tracks = { evening_weekend: 'evening/weekend track', day: 'day track' } as const;
  panels.push({
    key: 'tracks',
    heading: 'Mean attendance rate per episode by track and employment',
    subtitle:
      'Evening/weekend track: at least half of the scheduled sessions in evening or weekend slots. Whiskers: 95% t intervals.',
    n: chart.byTrack.reduce((sum, row) => sum + row.n, 0),
    unit: 'episodes',
    empty: chart.byTrack.every((row) => row.n === 0),
    table: {
      columns: [
        { key: 'group', header: 'Group' },
        { key: 'track', header: 'Track' },
        { key: 'mean', header: 'Mean attendance rate', format: 'rate' },
        { key: 'low', header: '95% CI low', format: 'rate' },
        { key: 'high', header: '95% CI high', format: 'rate' },
        { key: 'n', header: 'Episodes', format: 'count' },
      ],
      rows: chart.byTrack.map((row) => ({
        group: EMPLOYMENT_NAMES[row.employment],
        track: tracks[row.track],
        mean: round3(row.mean),
        low: round3(row.ci95?.[0]),
        high: round3(row.ci95?.[1]),
        n: row.n,
      })),
    },
    plot: {
      kind: 'bars',
      spec: {
        valueLabel: 'Mean attendance rate per episode (%)',
        formatValue: (value) => formatPercent(value).replace('.0%', '%'),
        rows: chart.byTrack.map((row, i) => ({
          label: `${EMPLOYMENT_NAMES[row.employment]}, ${tracks[row.track]}`,
          value: row.mean,
          low: row.ci95?.[0],
          high: row.ci95?.[1],
          color: SERIES_COLORS[Math.floor(i / 2) % SERIES_COLORS.length],
          valueText: row.mean === null ? 'no episodes' : formatPercent(row.mean),
        })),
      },
    },
  });
  return panels;
}

/** Claim 6: cost per completer and per abstinent patient by level of care (charges at face value). */
export function costPanels(chart: CostBarsChart, full: boolean): EvidencePanel[] {
  const year = chart.dollarYear ? ` (${chart.dollarYear} US dollars)` : ' (US dollars)';
  const metrics = [
    { key: 'costPerCompleter', name: 'Cost per completer' },
    { key: 'costPerAbstinent', name: 'Cost per abstinent patient' },
  ] as const;
  const panels: EvidencePanel[] = [
    {
      key: 'costs',
      heading: `Cost per completer and per abstinent patient by level of care${year}`,
      subtitle: `Inpatient comparison, ${measureName(chart.inpatientComparison.savingsPerEpisode)}: ${formatEffect(chart.inpatientComparison.savingsPerEpisode)}.`,
      n: chart.bars.reduce((sum, bar) => sum + (numberOrNull(bar.discharged) ?? 0), 0),
      unit: 'discharged episodes',
      empty: chart.bars.every((bar) => bar.discharged === 0),
      table: {
        columns: [
          { key: 'level', header: 'Level of care' },
          { key: 'discharged', header: 'Discharged', format: 'count' },
          { key: 'costPerEpisode', header: 'Cost per episode', format: 'currency' },
          { key: 'costPerCompleter', header: 'Cost per completer', format: 'currency' },
          { key: 'costPerAbstinent', header: 'Cost per abstinent patient', format: 'currency' },
          { key: 'completion', header: 'Completion', format: 'rate' },
        ],
        rows: chart.bars.map((bar) => ({
          level: levelName(bar.levelOfCare),
          discharged: numberOrNull(bar.discharged),
          costPerEpisode: dollarsOrNull(bar.costPerEpisode),
          costPerCompleter: dollarsOrNull(bar.costPerCompleter),
          costPerAbstinent: dollarsOrNull(bar.costPerAbstinent),
          completion: round3(isSuppressed(bar.completion) ? null : bar.completion.rate),
        })),
      },
      plot: {
        kind: 'bars',
        spec: {
          valueLabel: `US dollars${year}`,
          formatValue: formatCurrency,
          rows: metrics.flatMap((metric, m) =>
            chart.bars.map((bar) => ({
              label: `${metric.name}, ${levelName(bar.levelOfCare)}`,
              value: dollarsOrNull(bar[metric.key]),
              color: SERIES_COLORS[m],
              valueText:
                dollarsOrNull(bar[metric.key]) === null
                  ? 'no completers'
                  : formatCurrency(dollarsOrNull(bar[metric.key]) as number),
            })),
          ),
        },
      },
    },
  ];
  if (full && chart.perDayComparisons.length) {
    panels.push({
      key: 'per-day',
      heading: `IOP cost per episode against per-day comparison rates${year}`,
      subtitle: 'Comparator: its per-day rate × its own typical length of stay (settings, with its source).',
      n: numberOrNull(chart.bars.find((bar) => bar.levelOfCare === '2.1')?.discharged),
      unit: 'discharged IOP episodes',
      empty: false,
      table: {
        columns: [
          { key: 'comparison', header: 'Comparison rate' },
          { key: 'ratePerDay', header: 'Rate per day', format: 'currency' },
          { key: 'iop', header: 'IOP cost per episode', format: 'currency' },
          { key: 'comparator', header: 'Comparator cost per episode', format: 'currency' },
          { key: 'savings', header: 'Savings per episode', format: 'currency' },
        ],
        rows: chart.perDayComparisons.map((comparison) => ({
          comparison: comparison.key.replace(/^cost_rate\./, '').replace(/_/g, ' '),
          ratePerDay: comparison.ratePerDay.dollars,
          iop: dollarsOrNull(comparison.iopCostPerEpisode),
          comparator: dollarsOrNull(comparison.comparatorCostPerEpisode),
          savings: dollarsOrNull(comparison.savingsPerEpisode),
        })),
      },
      plot: {
        kind: 'bars',
        spec: {
          valueLabel: `US dollars per episode${year}`,
          formatValue: formatCurrency,
          rows: chart.perDayComparisons.flatMap((comparison, i) => {
            const name = comparison.key.replace(/^cost_rate\./, '').replace(/_/g, ' ');
            const bar = (label: string, dollars: number | null, color: string): BarRow => ({
              label,
              value: dollars,
              color,
              valueText: dollars === null ? '—' : formatCurrency(dollars),
            });
            return [
              bar(
                `${name}: comparator`,
                dollarsOrNull(comparison.comparatorCostPerEpisode),
                SERIES_COLORS[(i + 1) % SERIES_COLORS.length],
              ),
              bar(`${name}: IOP`, dollarsOrNull(comparison.iopCostPerEpisode), SERIES_COLORS[0]),
            ];
          }),
        },
      },
    });
  }
  return panels;
}
