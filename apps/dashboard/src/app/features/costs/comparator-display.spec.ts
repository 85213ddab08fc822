import { type CostSummaryResponse, DEFAULT_COMPARATOR_SETTINGS } from '@iop/contracts';
import {
  comparatorLabel,
  comparatorLines,
  comparatorOutcomeBars,
  comparatorOutcomeTable,
  comparatorSensitivityBars,
  comparatorTable,
  lengthOfStayText,
} from './comparator-display';
import { DEMO_COST_SUMMARY } from './cost-summary.fixture';

const [INPATIENT, RESIDENTIAL] = DEMO_COST_SUMMARY.perDayComparisons;
const withheld = { suppressed: true as const, reason: 'fewer than 11 episodes' };

describe('the inpatient and residential comparators', () => {
  it('chart IOP against each comparator at its shortest, typical and longest published stay', () => {
    // Inpatient $1,250 x 11 and x 29 days; residential $450 x 20 and x 26 days.
    expect(comparatorSensitivityBars(DEMO_COST_SUMMARY)).toEqual([
      {
        name: 'Inpatient (4)',
        series: [
          { name: 'IOP, actual charges', value: 3515.73 },
          { name: 'Comparator, shortest published stay', value: 13750 },
          { name: 'Comparator, typical stay', value: 13750 },
          { name: 'Comparator, longest published stay', value: 36250 },
        ],
      },
      {
        name: 'Residential (3.5)',
        series: [
          { name: 'IOP, actual charges', value: 3515.73 },
          { name: 'Comparator, shortest published stay', value: 9000 },
          { name: 'Comparator, typical stay', value: 9000 },
          { name: 'Comparator, longest published stay', value: 11700 },
        ],
      },
    ]);
  });

  it("give the table view every figure with the comparator's length of stay, its range and its source", () => {
    expect(comparatorTable(DEMO_COST_SUMMARY).rows[1]).toEqual({
      comparator: 'Residential (3.5)',
      ratePerDay: 450,
      typicalDays: 20,
      lowDays: 20,
      highDays: 26,
      comparatorPerEpisode: 9000,
      iopPerEpisode: 3515.73,
      savingsPerEpisode: 5484.27,
      savingsLow: 5484.27,
      savingsHigh: 8184.27,
      breakEvenDays: 3515.73 / 450,
      conclusion: 'IOP is cheaper across the whole range',
      iopPerWeek: 467.27,
      comparatorPerWeek: 3150,
      lengthOfStaySource: DEFAULT_COMPARATOR_SETTINGS.residential.lengthOfStay.source,
    });
    expect(comparatorOutcomeTable(DEMO_COST_SUMMARY).rows[0]).toMatchObject({
      iopPerCompleter: 9637.78,
      comparatorPerCompleter: 19849.86,
      completionRate: 0.6927,
      abstinenceSource: DEFAULT_COMPARATOR_SETTINGS.inpatient.abstinenceRate.source,
    });
    expect(comparatorOutcomeBars(DEMO_COST_SUMMARY)[1].series.map((bar) => bar.value)).toEqual([
      9637.78, 14636.53, 16353.71, 18549.05,
    ]);
  });

  it('say in words the stay, the savings, whether the conclusion holds across the range, and the sources', () => {
    expect(comparatorLines(DEMO_COST_SUMMARY)[0]).toEqual({
      label: 'Inpatient (4)',
      lengthOfStay: '11 days (published range 11–29)',
      lengthOfStaySource: DEFAULT_COMPARATOR_SETTINGS.inpatient.lengthOfStay.source,
      savings: '$10,234 saved per episode at $1,250 a day',
      range: 'From 11 to 29 days: savings $10,234 to $32,734; IOP is cheaper across the whole range.',
      perOutcome:
        'Per completer: IOP $9,638, comparator $19,850 (69.3% complete). Per abstinent patient: IOP $16,354, ' +
        'comparator $28,339 (48.5% abstinent).',
      outcomeSources: `Completion: ${DEFAULT_COMPARATOR_SETTINGS.inpatient.completionRate.source} Abstinence: ${DEFAULT_COMPARATOR_SETTINGS.inpatient.abstinenceRate.source}`,
    });
    const turning: CostSummaryResponse = {
      ...DEMO_COST_SUMMARY,
      perDayComparisons: [
        {
          ...RESIDENTIAL,
          savingsPerEpisode: { dollars: -250.4, dollarYear: 2025, source: 'x' },
          sensitivity: { ...RESIDENTIAL.sensitivity, conclusion: 'depends_on_length_of_stay' },
        },
      ],
    };
    expect(comparatorLines(turning)[0].savings).toBe('IOP costs $250 more per episode at $450 a day');
    expect(comparatorLines(turning)[0].range).toContain('the answer turns within the range');
  });

  it("keep the comparator's own figures for a payer and withhold what comes from few IOP episodes", () => {
    const payer: CostSummaryResponse = {
      ...DEMO_COST_SUMMARY,
      perDayComparisons: [
        {
          ...INPATIENT,
          iopCostPerEpisode: withheld,
          savingsPerEpisode: withheld,
          sensitivity: {
            low: { ...INPATIENT.sensitivity.low, savingsPerEpisode: withheld },
            high: { ...INPATIENT.sensitivity.high, savingsPerEpisode: withheld },
            breakEvenDays: withheld,
            conclusion: withheld,
          },
        },
      ],
    };
    const [line] = comparatorLines(payer);
    expect(line.lengthOfStay).toBe('11 days (published range 11–29)');
    expect(line.savings).toBe('savings withheld (fewer than 11 discharged IOP episodes)');
    expect(line.range).toBe(
      'From 11 to 29 days: savings fewer than 11 to fewer than 11; withheld (fewer than 11 discharged IOP episodes).',
    );
    expect(comparatorTable(payer).rows[0]).toMatchObject({ comparatorPerEpisode: 13750, savingsLow: null });
  });

  it('name a rate without a level from its settings key, and a stay without a range plainly', () => {
    expect(comparatorLabel({ key: 'cost_rate.detox_per_day', levelOfCare: null })).toBe('Detox');
    expect(lengthOfStayText({ lengthOfStay: { typicalDays: 7, lowDays: 7, highDays: 7, source: 'x' } })).toBe('7 days');
  });
});
