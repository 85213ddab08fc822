import { type CostSummaryResponse, DEFAULT_COMPARATOR_SETTINGS, WITHHELD_TEXT } from '@iop/contracts';
import { perDayComparison, type Pricing } from '../../../costs/comparator-costs';
import { comparatorSettings } from '../../../costs/comparator-settings';
import { withheld } from '../../../suppression/small-cells';
import { comparatorRows, comparatorsContent } from './comparators-section';

const money: Pricing = (cents, source = 'charges') => ({
  dollars: cents === null ? null : Math.round(cents) / 100,
  dollarYear: 2025,
  source,
});

/** 20 discharged IOP episodes at $3,000 each against inpatient care at $1,000 a day (11 days, 11-29). */
function costs(): CostSummaryResponse {
  const comparison = perDayComparison(
    {
      key: 'cost_rate.inpatient_per_day',
      value: { amountCents: 100_000, per: 'day', levelOfCare: '4' },
      dollarYear: 2025,
      source: 'Contract',
    },
    comparatorSettings([]).inpatient,
    {
      levelOfCare: '2.1',
      discharged: 20,
      active: 0,
      chargesCents: 6_000_000,
      lengthOfStayDays: 1_000,
      completed: 12,
      retained90: 0,
      abstinent: 0,
      cellKeys: { discharged: 0, active: 0, completed: 0, retained90: 0, abstinent: 0 },
    },
    money,
    { completer: money(500_000), abstinent: money(null) },
  );
  return { perDayComparisons: [comparison] } as CostSummaryResponse;
}

describe('the PDF comparators', () => {
  it("show each comparator's length of stay with its range, the savings over the range and the conclusion", () => {
    const { episode, outcome } = comparatorRows(costs());
    // $1,000 x 11 = $11,000 against $3,000: savings $8,000; at 11 and 29 days $8,000 and $26,000.
    expect(episode).toEqual([
      [
        'Level 4 (medically managed inpatient)',
        '$1,000',
        '11 days (11-29)',
        '$11,000',
        '$3,000',
        '$8,000',
        '$8,000 to $26,000',
        'IOP cheaper across the range',
      ],
    ]);
    // $11,000 / 0.6927 = $15,879.89 and / 0.4852 = $22,671.06, in whole dollars.
    expect(outcome).toEqual([
      [
        'Level 4 (medically managed inpatient)',
        '$5,000',
        '$15,880 (69.3% complete)',
        'not defined',
        '$22,671 (48.5% abstinent)',
      ],
    ]);
  });

  it('name the source of every comparator figure', () => {
    const text = JSON.stringify(comparatorsContent(costs()));
    const { lengthOfStay, completionRate } = DEFAULT_COMPARATOR_SETTINGS.inpatient;
    expect(text).toContain(`Length of stay: ${lengthOfStay.source}`);
    expect(text).toContain(`Completion: ${completionRate.source}`);
    expect(text).toContain('Rate: settings cost_rate.inpatient_per_day: Contract.');
    expect(text).toContain("never the IOP episodes' days");
  });

  it('withhold the IOP side for a payer as the API does, and keep the comparator from settings', () => {
    const summary = costs();
    const hidden = withheld('fewer than 11 episodes');
    const [comparison] = summary.perDayComparisons;
    summary.perDayComparisons = [
      {
        ...comparison,
        iopCostPerEpisode: hidden,
        savingsPerEpisode: hidden,
        sensitivity: {
          low: { ...comparison.sensitivity.low, savingsPerEpisode: hidden },
          high: { ...comparison.sensitivity.high, savingsPerEpisode: hidden },
          breakEvenDays: hidden,
          conclusion: hidden,
        },
      },
    ];
    const [row] = comparatorRows(summary).episode;
    expect(row.slice(2, 4)).toEqual(['11 days (11-29)', '$11,000']);
    for (const cell of row.slice(4)) expect(cell.startsWith(WITHHELD_TEXT)).toBe(true);
  });

  it('are left out when there is no per-day rate to compare with', () => {
    expect(comparatorsContent({ perDayComparisons: [] } as unknown as CostSummaryResponse)).toEqual([]);
  });
});
