import {
  CONVENTIONS,
  type DefinitionGroupId,
  METRIC_CATALOGUE,
  METRIC_IDS,
  type MetricId,
  ratioText,
} from './metric-catalogue';

/** One term as the definitions page lists it. */
export interface DefinitionItem {
  term: string;
  definition: string;
  /** "Numerator: …. Denominator: …."; '' when the figure is no ratio. */
  ratio: string;
}

/** The items that share one anchor of the page, so that a chart frame's link lands on all of them. */
export interface DefinitionEntry {
  anchor: string;
  items: readonly DefinitionItem[];
}

export interface DefinitionGroup {
  heading: string;
  entries: readonly DefinitionEntry[];
}

const GROUP_HEADINGS: Record<DefinitionGroupId, string> = {
  headline: 'Headline metrics',
  'retention-costs-evidence': 'Retention, costs and evidence',
};

function entriesOf(ids: readonly MetricId[]): DefinitionEntry[] {
  const byAnchor = new Map<string, DefinitionItem[]>();
  for (const id of ids) {
    const metric = METRIC_CATALOGUE[id];
    const items = byAnchor.get(metric.anchor) ?? [];
    items.push({ term: metric.label, definition: metric.definition, ratio: ratioText(metric) });
    byAnchor.set(metric.anchor, items);
  }
  return [...byAnchor].map(([anchor, items]) => ({ anchor, items }));
}

/**
 * The definitions page, in the catalogue's order: the conventions first, then each group of figures, one entry
 * per anchor.
 */
export const DEFINITION_GROUPS: readonly DefinitionGroup[] = [
  {
    heading: 'Conventions',
    entries: Object.values(CONVENTIONS).map(({ anchor, term, definition }) => ({
      anchor,
      items: [{ term, definition, ratio: '' }],
    })),
  },
  ...(Object.keys(GROUP_HEADINGS) as DefinitionGroupId[]).map((group) => ({
    heading: GROUP_HEADINGS[group],
    entries: entriesOf(METRIC_IDS.filter((id) => METRIC_CATALOGUE[id].group === group)),
  })),
];
