import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFINITION_GROUPS } from './definition-groups';
import { EPISODE_METRICS } from './metrics';
import { METRIC_CATALOGUE, METRIC_IDS, ratioText } from './metric-catalogue';

const METRICS_DOC = join(__dirname, '../../../../docs/METRICS.md');

/**
 * docs/METRICS.md names a figure by its catalogue id in backticks: a response field (`attendanceRate`) or, for
 * a figure that is no single field, the id its section gives (`retentionCurves`).
 */
function idsNamedIn(markdown: string): Set<string> {
  return new Set([...markdown.matchAll(/`([A-Za-z][A-Za-z0-9]*)`/g)].map((match) => match[1]));
}

describe('the metric catalogue', () => {
  it('defines every figure in docs/METRICS.md, which names each of its ids in backticks', () => {
    const named = idsNamedIn(readFileSync(METRICS_DOC, 'utf8'));
    expect(METRIC_IDS.filter((id) => !named.has(id))).toEqual([]);
  });

  it('recognises an id only in backticks, whole', () => {
    const named = idsNamedIn('`attendanceRate` and `complianceScore.mean`, retentionCurves in prose');
    expect([...named]).toEqual(['attendanceRate']);
  });

  it('has an entry for every metric the summary, trend and breakdown compute', () => {
    expect(EPISODE_METRICS.filter((metric) => !(metric in METRIC_CATALOGUE))).toEqual([]);
  });

  it('states numerator and denominator together, in words', () => {
    expect(ratioText(METRIC_CATALOGUE.completionRate)).toBe(
      'Numerator: discharges as completed. Denominator: discharged episodes.',
    );
    expect(ratioText(METRIC_CATALOGUE.episodes)).toBe('');
    for (const id of METRIC_IDS) {
      const { numerator, denominator } = METRIC_CATALOGUE[id];
      expect({ id, ratio: numerator === null }).toEqual({ id, ratio: denominator === null });
    }
  });
});

describe('the definitions page', () => {
  const anchors = DEFINITION_GROUPS.flatMap((group) => group.entries.map((entry) => entry.anchor));

  it('gives each anchor one entry, so that a link lands on one place', () => {
    expect(anchors.length).toBe(new Set(anchors).size);
  });

  it('lists the conventions, then the headline metrics, then retention, costs and evidence', () => {
    expect(DEFINITION_GROUPS.map((group) => group.heading)).toEqual([
      'Conventions',
      'Headline metrics',
      'Retention, costs and evidence',
    ]);
    expect(anchors.slice(0, 6)).toEqual(['episode', 'as-of', 'length-of-stay', 'rates', 'episodes', 'active-episodes']);
    expect(anchors.at(-1)).toBe('evidence');
  });

  it('puts the figures read together under one anchor, in catalogue order', () => {
    const retention = DEFINITION_GROUPS[1].entries.find((entry) => entry.anchor === 'retention');
    expect(retention?.items.map((item) => item.term)).toEqual([
      'Retained 30 days',
      'Retained 60 days',
      'Retained 90 days',
    ]);
    expect(retention?.items[2].ratio).toBe(
      'Numerator: episodes with a length of stay of at least 90 days. Denominator: episodes admitted at least 90 days before the as-of date.',
    );
  });

  it('keeps every anchor the dashboard links to', () => {
    expect(anchors).toEqual(
      expect.arrayContaining([
        'attendance-rate',
        'no-show-rate',
        'compliance',
        'completion-rate',
        'readmission',
        'admissions-discharges',
        'discharge-reasons',
        'retention-curves',
        'costs',
        'cost-outcome-rates',
        'per-day-comparison',
        'icer',
        'evidence',
      ]),
    );
  });
});
