import {
  type CostBlock,
  type CostSummaryResponse,
  type Icer,
  isSuppressed,
  LEVEL_OF_CARE_LABELS,
  type LevelOfCare,
  type MoneyOrSuppressed,
  type SuppressedValue,
} from '@iop/contracts';
import type { Content } from 'pdfmake/interfaces';
import { formatCountCell, formatCurrency, formatSuppressed, rateCells } from '../report-format';
import { cellFootnotes, dataTable, note, sectionHeading } from './layout';

function money(value: MoneyOrSuppressed): string {
  if (isSuppressed(value)) return formatSuppressed(value);
  return value.dollars === null ? 'not defined' : formatCurrency(value.dollars);
}

function levelLabel(code: string): string {
  return code === 'all' ? 'All levels' : (LEVEL_OF_CARE_LABELS[code as LevelOfCare] ?? `Level ${code}`);
}

function blockRow(block: CostBlock): string[] {
  return [
    levelLabel(block.levelOfCare),
    formatCountCell(block.discharged),
    money(block.costPerEpisode),
    money(block.costPerWeek),
    money(block.costPerCompleter),
    money(block.costPerRetained90),
    money(block.costPerAbstinent),
    rateCells(block.completion).value,
  ];
}

const ICER_STATUS: Record<Icer['status'], string> = {
  tradeoff: 'costs more and achieves more',
  dominated: 'dominated: costs at least as much and achieves at most as much',
  dominant: 'dominant: costs at most as much and achieves at least as much',
  not_estimable: 'not estimable (an arm is empty, or both differences are 0)',
};

function icerText(label: string, icer: Icer | SuppressedValue): string {
  if (isSuppressed(icer)) return `${label}: ${formatSuppressed(icer)}`;
  const ratio =
    icer.status === 'tradeoff' && icer.icer.dollars !== null ? `${formatCurrency(icer.icer.dollars)}, ` : '';
  return `${label}: ${ratio}${ICER_STATUS[icer.status]}`;
}

/** Cost-effectiveness: the cost ratios overall and per level of care, the ICERs and the per-day comparisons. */
export function costsSection(costs: CostSummaryResponse): Content[] {
  const rows = [blockRow(costs.overall), ...costs.byLevelOfCare.map(blockRow)];
  const comparisons = costs.perDayComparisons.map((comparison) => [
    comparison.levelOfCare ? levelLabel(comparison.levelOfCare) : comparison.key,
    money(comparison.ratePerDay),
    money(comparison.iopCostPerEpisode),
    money(comparison.comparatorCostPerEpisode),
    money(comparison.savingsPerEpisode),
  ]);
  return [
    sectionHeading('Cost-effectiveness'),
    {
      text:
        `Discharged episodes only; active episodes left out: ${formatCountCell(costs.activeExcluded)}. ` +
        `Dollars of ${costs.dollarYear ?? 'an unstated year'}, charges at face value.`,
    },
    { text: 'Cost per outcome', style: 'subheading' },
    dataTable(
      [
        'Level of care',
        'Discharged',
        'Per episode',
        'Per week',
        'Per completer',
        'Per 90-day retained',
        'Per abstinent',
        'Completion',
      ],
      rows,
      ['*', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto'],
    ),
    { text: `Incremental cost-effectiveness, ${costs.icer.a} against ${costs.icer.b}`, style: 'subheading' },
    {
      ul: [
        icerText('Per additional completer', costs.icer.perAdditionalCompleter),
        icerText('Per additional abstinent patient', costs.icer.perAdditionalAbstinent),
      ],
      fontSize: 9,
    },
    ...(comparisons.length
      ? [
          { text: 'Per-day comparison with inpatient and residential care', style: 'subheading' } as Content,
          dataTable(
            [
              'Comparator',
              'Rate per day',
              'IOP cost per episode',
              'Comparator cost per episode',
              'Savings per episode',
            ],
            comparisons,
            ['*', 'auto', 'auto', 'auto', 'auto'],
          ),
        ]
      : []),
    ...cellFootnotes([
      ...rows,
      ...comparisons,
      [
        icerText('', costs.icer.perAdditionalCompleter),
        icerText('', costs.icer.perAdditionalAbstinent),
        formatCountCell(costs.activeExcluded),
      ],
    ]),
    note(
      'Inpatient and residential care are compared only through the per-day rates in the settings; the data has no ' +
        'inpatient outcomes, so no ICER is computed against them. Amounts are shown in whole dollars.',
    ),
  ];
}
