import type { CostBlock, CostSummaryResponse, RateOrSuppressed } from '@iop/contracts';
import { rateDetailText, rateText, shortLevelLabel } from './cost-format';
import { DEMO_COST_SUMMARY } from './cost-summary.fixture';
import {
  comparedDischarged,
  costComparisonBars,
  costComparisonTable,
  exclusionText,
  headlineCosts,
  isCostSummaryEmpty,
  outcomeRateBars,
  outcomeRateLines,
  outcomeRateTable,
  perWeekComparisonBars,
} from './costs-display';
import { describeGroupedBars } from './describe-bars';

const iopBlock = DEMO_COST_SUMMARY.byLevelOfCare.find((block) => block.levelOfCare === '2.1') as CostBlock;

/** The demo answer filtered to IOP only, as the API gives it with ?levelOfCare=2.1. */
const IOP_ONLY: CostSummaryResponse = { ...DEMO_COST_SUMMARY, byLevelOfCare: [iopBlock] };

describe('headlineCosts', () => {
  it('gives the five IOP amounts in whole dollars with what the charges were divided by', () => {
    expect(headlineCosts(iopBlock).map((headline) => [headline.label, headline.value, headline.detail])).toEqual([
      ['Cost per episode', '$3,516', '$3,614,169 ÷ 1,028 discharged episodes'],
      ['Cost per week in treatment', '$467', '$3,614,169 ÷ 7,734.6 weeks in treatment'],
      ['Cost per completer', '$9,638', '$3,614,169 ÷ 375 completers'],
      ['Cost per patient retained 90 days', '$11,734', '$3,614,169 ÷ 308 retained 90 days'],
      ['Cost per abstinent patient', '$16,354', '$3,614,169 ÷ 221 abstinent in the final 4 weeks'],
    ]);
  });

  it('shows a dash for a ratio without a denominator, never $0', () => {
    const noCompleter: CostBlock = {
      ...iopBlock,
      costPerCompleter: { ...iopBlock.costPerCompleter, dollars: null },
      completion: { numerator: 0, denominator: 1028, rate: 0, ci95: [0, 0.0037] },
    };
    expect(headlineCosts(noCompleter)[2].value).toBe('—');
  });
});

describe('cost comparison', () => {
  it('groups the five measures with an IOP and a standard outpatient bar each', () => {
    const bars = costComparisonBars(DEMO_COST_SUMMARY);
    expect(bars.map((group) => group.name)).toEqual([
      'Per episode',
      'Per week',
      'Per completer',
      'Per 90-day retained',
      'Per abstinent patient',
    ]);
    expect(bars[0].series).toEqual([
      { name: 'IOP (2.1)', value: 3515.73 },
      { name: 'Standard outpatient (1)', value: 1095.59 },
    ]);
    expect(comparedDischarged(DEMO_COST_SUMMARY)).toBe(1380);
  });

  it('tables the same numbers, one row per measure and one column per arm', () => {
    const table = costComparisonTable(DEMO_COST_SUMMARY);
    expect(table.columns.map((column) => column.header)).toEqual([
      'Cost',
      'Level 2.1 (intensive outpatient)',
      'Level 1 (outpatient)',
    ]);
    expect(table.rows[2]).toEqual({ measure: 'Per completer', 'level-2.1': 9637.78, 'level-1': 4432.73 });
    expect(table.rows).toHaveLength(5);
  });

  it('keeps only the arm a filter leaves', () => {
    expect(costComparisonBars(IOP_ONLY)[0].series).toEqual([{ name: 'IOP (2.1)', value: 3515.73 }]);
    expect(comparedDischarged(IOP_ONLY)).toBe(1028);
  });
});

describe('outcome rates', () => {
  it('draws each outcome per level of care and lists it with its interval and n', () => {
    const bars = outcomeRateBars(DEMO_COST_SUMMARY);
    expect(bars.map((group) => group.name)).toEqual(['Completed', 'Retained 90 days', 'Abstinent, final 4 weeks']);
    expect(bars[0].series.map((bar) => bar.name)).toEqual(['IOP (2.1)', 'Standard outpatient (1)']);
    expect(bars[0].series[0].value).toBeCloseTo(0.3648, 4);

    const iopCompletion = outcomeRateLines(DEMO_COST_SUMMARY)[0];
    expect(iopCompletion).toEqual({
      level: 'IOP (2.1)',
      outcome: 'Completed',
      rate: '36.5%',
      detail: '95% CI 33.6%–39.5%, n = 1,028',
    });
  });

  it('tables rate, interval and counts per level and outcome', () => {
    const table = outcomeRateTable(DEMO_COST_SUMMARY);
    expect(table.rows).toHaveLength(6);
    expect(table.rows[0]).toMatchObject({
      level: 'Level 2.1 (intensive outpatient)',
      outcome: 'Completed',
      numerator: 375,
      denominator: 1028,
    });
  });

  it('shows a withheld rate as "fewer than 11" with no interval and no bar', () => {
    const withheld: RateOrSuppressed = { suppressed: true, reason: 'small cell' };
    expect(rateText(withheld)).toBe('fewer than 11');
    expect(rateDetailText(withheld)).toBe('');
    const suppressedSummary = {
      ...IOP_ONLY,
      byLevelOfCare: [{ ...iopBlock, abstinent: withheld }],
    } as unknown as CostSummaryResponse;
    expect(outcomeRateBars(suppressedSummary)[2].series).toEqual([]);
    expect(outcomeRateTable(suppressedSummary).rows[2]).toMatchObject({ rate: 'fewer than 11', ciLow: null });
  });
});

describe('per-week comparisons', () => {
  it("sets IOP charges per week against each comparator's rate x 7", () => {
    expect(perWeekComparisonBars(DEMO_COST_SUMMARY)[1]).toEqual({
      name: 'Residential (3.5)',
      series: [
        { name: 'IOP, actual charges', value: 467.27 },
        { name: 'Comparator, rate per day × 7', value: 3150 },
      ],
    });
  });
});

describe('page notes', () => {
  it('says how many active episodes are left out', () => {
    expect(exclusionText(DEMO_COST_SUMMARY)).toMatch(
      /^120 active episodes are left out \(charges and outcomes not final\); the figures cover 1,380 discharged of 1,500 selected episodes\./,
    );
  });

  it('is empty when no selected episode has been discharged', () => {
    expect(isCostSummaryEmpty(DEMO_COST_SUMMARY)).toBe(false);
    expect(isCostSummaryEmpty({ ...DEMO_COST_SUMMARY, overall: { ...DEMO_COST_SUMMARY.overall, discharged: 0 } })).toBe(
      true,
    );
  });

  it('labels levels of care briefly and reads out every bar', () => {
    expect(shortLevelLabel('3.7')).toBe('Medically monitored inpatient (3.7)');
    expect(
      describeGroupedBars(
        'Costs',
        [{ name: 'Per episode', series: [{ name: 'IOP (2.1)', value: 3515.73 }] }],
        'currency',
      ),
    ).toBe('Costs. Per episode: IOP (2.1) $3,516.');
  });
});
