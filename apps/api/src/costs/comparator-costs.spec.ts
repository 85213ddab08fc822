import {
  type CostBlock,
  type CostSummaryResponse,
  DEFAULT_COMPARATOR_SETTINGS,
  type PerDayComparison,
  type RateValue,
} from '@iop/contracts';
import { suppressCosts } from '../suppression/suppress-costs';
import { comparatorSettings } from './comparator-settings';
import { conclusionOver, perDayComparison, type Pricing } from './comparator-costs';
import type { CostCounts } from './costs.query';

const money: Pricing = (cents, source = 'charges') => ({
  dollars: cents === null ? null : Math.round(cents) / 100,
  dollarYear: 2025,
  source,
});
const inpatientRate = {
  key: 'cost_rate.inpatient_per_day',
  value: { amountCents: 100_000, per: 'day', levelOfCare: '4' },
  dollarYear: 2025,
  source: 'Test',
};
const iopCounts = (discharged: number, chargesCents: number): CostCounts => ({
  levelOfCare: '2.1',
  discharged,
  active: 0,
  chargesCents,
  lengthOfStayDays: 50 * discharged,
  completed: 0,
  retained90: 0,
  abstinent: 0,
  cellKeys: { discharged: 0, active: 0, completed: 0, retained90: 0, abstinent: 0 },
});

describe('conclusionOver', () => {
  it('holds across the range only when the savings have one sign at both ends', () => {
    expect(conclusionOver(1, 5)).toBe('iop_cheaper');
    expect(conclusionOver(-5, -1)).toBe('comparator_cheaper');
    expect(conclusionOver(-1, 5)).toBe('depends_on_length_of_stay');
    expect(conclusionOver(0, 5)).toBe('depends_on_length_of_stay');
    expect(conclusionOver(null, null)).toBe('not_estimable');
  });
});

describe('perDayComparison', () => {
  const comparator = comparatorSettings([]).inpatient;
  const perOutcome = { completer: money(null), abstinent: money(null) };

  it("prices the comparator at its own length of stay, whatever the IOP episodes' length of stay", () => {
    // 20 IOP episodes of 50 days, $3,000 each: inpatient $1,000 x 11 = $11,000, savings $8,000; at 29 days $29,000.
    const comparison = perDayComparison(inpatientRate, comparator, iopCounts(20, 6_000_000), money, perOutcome);
    expect(comparison.comparatorCostPerEpisode.dollars).toBe(11_000);
    expect(comparison.savingsPerEpisode).toMatchObject({ dollars: 8_000 });
    expect(comparison.sensitivity.high).toMatchObject({ days: 29, savingsPerEpisode: { dollars: 26_000 } });
    expect(comparison.sensitivity.breakEvenDays).toBe(3);
    // $11,000 / 0.6927 = $15,879.89; / 0.4852 = $22,671.06.
    expect(comparison.perCompleter.comparator.dollars).toBe(15_879.89);
    expect(comparison.perAbstinent.comparator.dollars).toBe(22_671.06);
  });

  it('has no IOP figure, savings or conclusion when no IOP episode is discharged', () => {
    const comparison = perDayComparison(inpatientRate, comparator, iopCounts(0, 0), money, perOutcome);
    expect(comparison.savingsPerEpisode).toMatchObject({ dollars: null });
    expect(comparison.sensitivity).toMatchObject({ breakEvenDays: null, conclusion: 'not_estimable' });
    expect(comparison.comparatorCostPerEpisode.dollars).toBe(11_000);
  });
});

describe('a payer sees the comparator from settings, and the IOP side as the IOP block', () => {
  const rate = (numerator: number, denominator: number): RateValue => ({
    numerator,
    denominator,
    rate: denominator ? numerator / denominator : null,
    ci95: null,
  });
  const block = (levelOfCare: string, discharged: number): CostBlock => ({
    levelOfCare,
    discharged,
    totalCharges: money(100 * discharged),
    weeksInTreatment: discharged,
    costPerEpisode: money(100),
    costPerWeek: money(100),
    costPerCompleter: money(null),
    costPerRetained90: money(null),
    costPerAbstinent: money(null),
    completion: rate(0, discharged),
    retained90: rate(0, discharged),
    abstinent: rate(0, discharged),
  });
  const costs = (iopDischarged: number): CostSummaryResponse => {
    const comparison: PerDayComparison = perDayComparison(
      inpatientRate,
      comparatorSettings([]).inpatient,
      iopCounts(iopDischarged, 300_000 * iopDischarged),
      money,
      { completer: money(null), abstinent: money(null) },
    );
    const levels = [block('1', 40), block('2.1', iopDischarged), block('2.5', 40)];
    return {
      asOf: '2025-06-30',
      dollarYear: 2025,
      episodes: 80 + iopDischarged,
      activeExcluded: 0,
      overall: block('all', 80 + iopDischarged),
      byLevelOfCare: levels,
      icer: { a: 'a', b: 'b', perAdditionalCompleter: {} as never, perAdditionalAbstinent: {} as never },
      comparisonRates: [],
      perDayComparisons: [comparison],
    };
  };

  it('withholds every amount derived from the IOP episodes when the IOP block is withheld (5 episodes)', () => {
    const shown = suppressCosts(costs(5)).perDayComparisons[0];
    const hidden = { suppressed: true, reason: 'withheld so that a cell of fewer than 11 cannot be derived' };
    expect(shown).toMatchObject({
      iopCostPerEpisode: hidden,
      iopCostPerWeek: hidden,
      savingsPerEpisode: hidden,
      sensitivity: {
        low: { savingsPerEpisode: hidden, comparatorCostPerEpisode: { dollars: 11_000 } },
        high: { savingsPerEpisode: hidden, comparatorCostPerEpisode: { dollars: 29_000 } },
        breakEvenDays: hidden,
        conclusion: hidden,
      },
      perCompleter: { iop: hidden, comparator: { dollars: 15_879.89 } },
      perAbstinent: { iop: hidden },
      comparatorCostPerEpisode: { dollars: 11_000 },
      lengthOfStay: DEFAULT_COMPARATOR_SETTINGS.inpatient.lengthOfStay,
    });
  });

  it('shows them when the IOP block is shown (30 episodes)', () => {
    const shown = suppressCosts(costs(30)).perDayComparisons[0];
    expect(shown).toMatchObject({
      iopCostPerEpisode: { dollars: 3_000 },
      savingsPerEpisode: { dollars: 8_000 },
      sensitivity: { breakEvenDays: 3, conclusion: 'iop_cheaper' },
      perCompleter: { iop: { dollars: null } },
    });
  });
});
