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
import { comparatorRows, comparatorsContent } from './comparators-section';
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

/** Cost-effectiveness: the cost ratios overall and per level of care, the ICERs and the inpatient and residential comparators. */
export function costsSection(costs: CostSummaryResponse): Content[] {
  const rows = [blockRow(costs.overall), ...costs.byLevelOfCare.map(blockRow)];
  const comparisons = comparatorRows(costs);
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
    ...comparatorsContent(costs),
    ...cellFootnotes([
      ...rows,
      ...comparisons.episode,
      ...comparisons.outcome,
      [
        icerText('', costs.icer.perAdditionalCompleter),
        icerText('', costs.icer.perAdditionalAbstinent),
        formatCountCell(costs.activeExcluded),
      ],
    ]),
    note(
      'The data has no inpatient or residential outcomes, so no ICER is computed against them: their cost per ' +
        'outcome uses published outcome rates. Amounts are shown in whole dollars.',
    ),
  ];
}
