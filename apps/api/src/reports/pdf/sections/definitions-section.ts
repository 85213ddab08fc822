import type { QualityMeasuresResponse, ReportKind } from '@iop/contracts';
import { CONVENTIONS, METRIC_CATALOGUE, type MetricId, ratioText } from '@iop/contracts/metric-catalogue';
import type { Content } from 'pdfmake/interfaces';
import { winAnsi } from '../report-format';
import { KEY_FIGURE_METRICS } from './kpi-section';
import { sectionHeading } from './layout';

/** The cost section's figures: its ratios and outcome rates, the ICERs and the per-day comparisons. */
const COST_METRICS: readonly MetricId[] = [
  'costPerEpisode',
  'costPerWeek',
  'costPerCompleter',
  'costPerRetained90',
  'costPerAbstinent',
  'costOutcomeRates',
  'icer',
  'perDayComparisons',
];

/** The outcomes report's sections after the key figures. */
const OUTCOME_SECTION_METRICS: readonly MetricId[] = ['retentionCurves', 'verdict'];

type Term = [term: string, definition: string];

function catalogueTerms(ids: readonly MetricId[]): Term[] {
  return ids.map((id) => {
    const metric = METRIC_CATALOGUE[id];
    return [metric.label, [metric.definition, ratioText(metric)].filter(Boolean).join(' ')];
  });
}

function definitionList(entries: readonly Term[]): Content[] {
  return entries.map(([term, definition]) => ({
    text: [{ text: `${winAnsi(term)}. `, style: 'label' }, winAnsi(definition)],
    fontSize: 9,
    margin: [0, 0, 0, 5],
  }));
}

const subheading = (text: string): Content => ({ text, style: 'subheading' });

/**
 * Definitions of every figure the report shows, from the catalogue the dashboard's definitions page renders,
 * and the quality measures' own (the service's).
 */
export function definitionsSection(kind: ReportKind, quality: QualityMeasuresResponse): Content[] {
  const intervals = CONVENTIONS.intervals;
  return [
    sectionHeading('Definitions'),
    ...(kind === 'payer' ? [subheading('Cost-effectiveness'), ...definitionList(catalogueTerms(COST_METRICS))] : []),
    subheading('Key figures'),
    ...definitionList([...catalogueTerms(KEY_FIGURE_METRICS), [intervals.term, intervals.definition]]),
    ...(kind === 'outcomes'
      ? [subheading('Retention and evidence'), ...definitionList(catalogueTerms(OUTCOME_SECTION_METRICS))]
      : []),
    subheading('Quality measures'),
    ...definitionList(quality.measures.map((measure): Term => [measure.name, measure.definition])),
  ];
}
