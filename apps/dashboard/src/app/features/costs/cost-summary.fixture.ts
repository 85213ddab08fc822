import { type CostSummaryResponse, DEFAULT_COMPARATOR_SETTINGS } from '@iop/contracts';

/**
 * The demo network's answer (GET /api/v1/costs/summary, no filter), sources shortened: the golden input. The
 * comparators are the published defaults: inpatient $1,250 x 11 days = $13,750 (range 11-29 days), residential
 * $450 x 20 days = $9,000 (range 20-26), against IOP's $3,515.73 per episode.
 */
export const DEMO_COST_SUMMARY: CostSummaryResponse = {
  asOf: '2026-06-30',
  dollarYear: 2025,
  episodes: 1500,
  activeExcluded: 120,
  overall: {
    levelOfCare: 'all',
    discharged: 1380,
    totalCharges: {
      dollars: 3999816.93,
      dollarYear: 2025,
      source: 'charges',
    },
    weeksInTreatment: 10914.285714285714,
    costPerEpisode: {
      dollars: 2898.42,
      dollarYear: 2025,
      source: 'charges',
    },
    costPerWeek: {
      dollars: 366.48,
      dollarYear: 2025,
      source: 'charges',
    },
    costPerCompleter: {
      dollars: 8657.61,
      dollarYear: 2025,
      source: 'charges',
    },
    costPerRetained90: {
      dollars: 9389.24,
      dollarYear: 2025,
      source: 'charges',
    },
    costPerAbstinent: {
      dollars: 14814.14,
      dollarYear: 2025,
      source: 'charges',
    },
    completion: {
      numerator: 462,
      denominator: 1380,
      rate: 0.3347826086956522,
      ci95: [0.31037317463670877, 0.36010930939827457],
    },
    retained90: {
      numerator: 426,
      denominator: 1380,
      rate: 0.30869565217391304,
      ci95: [0.28488179131579566, 0.33357161125102713],
    },
    abstinent: {
      numerator: 270,
      denominator: 1380,
      rate: 0.1956521739130435,
      ci95: [0.17557885364197146, 0.21741519589615582],
    },
  },
  byLevelOfCare: [
    {
      levelOfCare: '1',
      discharged: 352,
      totalCharges: {
        dollars: 385647.92,
        dollarYear: 2025,
        source: 'charges',
      },
      weeksInTreatment: 3179.714285714286,
      costPerEpisode: {
        dollars: 1095.59,
        dollarYear: 2025,
        source: 'charges',
      },
      costPerWeek: {
        dollars: 121.28,
        dollarYear: 2025,
        source: 'charges',
      },
      costPerCompleter: {
        dollars: 4432.73,
        dollarYear: 2025,
        source: 'charges',
      },
      costPerRetained90: {
        dollars: 3268.2,
        dollarYear: 2025,
        source: 'charges',
      },
      costPerAbstinent: {
        dollars: 7870.37,
        dollarYear: 2025,
        source: 'charges',
      },
      completion: {
        numerator: 87,
        denominator: 352,
        rate: 0.2471590909090909,
        ci95: [0.20498682857290748, 0.2947904020232247],
      },
      retained90: {
        numerator: 118,
        denominator: 352,
        rate: 0.3352272727272727,
        ci95: [0.28792527946937224, 0.3860868483348487],
      },
      abstinent: {
        numerator: 49,
        denominator: 352,
        rate: 0.13920454545454544,
        ci95: [0.10692283850270692, 0.179276130999639],
      },
    },
    {
      levelOfCare: '2.1',
      discharged: 1028,
      totalCharges: {
        dollars: 3614169.01,
        dollarYear: 2025,
        source: 'charges',
      },
      weeksInTreatment: 7734.571428571428,
      costPerEpisode: {
        dollars: 3515.73,
        dollarYear: 2025,
        source: 'charges',
      },
      costPerWeek: {
        dollars: 467.27,
        dollarYear: 2025,
        source: 'charges',
      },
      costPerCompleter: {
        dollars: 9637.78,
        dollarYear: 2025,
        source: 'charges',
      },
      costPerRetained90: {
        dollars: 11734.31,
        dollarYear: 2025,
        source: 'charges',
      },
      costPerAbstinent: {
        dollars: 16353.71,
        dollarYear: 2025,
        source: 'charges',
      },
      completion: {
        numerator: 375,
        denominator: 1028,
        rate: 0.3647859922178988,
        ci95: [0.3359139351443382, 0.39466483001040753],
      },
      retained90: {
        numerator: 308,
        denominator: 1028,
        rate: 0.29961089494163423,
        ci95: [0.2723964391208656, 0.3283174142739374],
      },
      abstinent: {
        numerator: 221,
        denominator: 1028,
        rate: 0.21498054474708173,
        ci95: [0.19095340869352534, 0.24112988763985954],
      },
    },
  ],
  icer: {
    a: 'Level 2.1 (IOP)',
    b: 'Level 1 (standard outpatient)',
    perAdditionalCompleter: {
      effect: 'completer',
      costA: {
        dollars: 3515.73,
        dollarYear: 2025,
        source: 'charges',
      },
      costB: {
        dollars: 1095.59,
        dollarYear: 2025,
        source: 'charges',
      },
      effectA: 0.3647859922178988,
      effectB: 0.2471590909090909,
      incrementalCost: {
        dollars: 2420.14,
        dollarYear: 2025,
        source: 'charges',
      },
      incrementalEffect: 0.1176269013088079,
      icer: {
        dollars: 20574.7,
        dollarYear: 2025,
        source: 'charges',
      },
      status: 'tradeoff',
    },
    perAdditionalAbstinent: {
      effect: 'abstinent',
      costA: {
        dollars: 3515.73,
        dollarYear: 2025,
        source: 'charges',
      },
      costB: {
        dollars: 1095.59,
        dollarYear: 2025,
        source: 'charges',
      },
      effectA: 0.21498054474708173,
      effectB: 0.13920454545454544,
      incrementalCost: {
        dollars: 2420.14,
        dollarYear: 2025,
        source: 'charges',
      },
      incrementalEffect: 0.07577599929253628,
      icer: {
        dollars: 31938.05,
        dollarYear: 2025,
        source: 'charges',
      },
      status: 'tradeoff',
    },
  },
  comparisonRates: [
    {
      key: 'cost_rate.inpatient_per_day',
      levelOfCare: '4',
      per: 'day',
      amount: {
        dollars: 1250,
        dollarYear: 2025,
        source: 'charges',
      },
    },
    {
      key: 'cost_rate.residential_per_day',
      levelOfCare: '3.5',
      per: 'day',
      amount: {
        dollars: 450,
        dollarYear: 2025,
        source: 'charges',
      },
    },
    {
      key: 'cost_rate.standard_outpatient_per_visit',
      levelOfCare: '1',
      per: 'visit',
      amount: {
        dollars: 95,
        dollarYear: 2025,
        source: 'charges',
      },
    },
  ],
  perDayComparisons: [
    {
      key: 'cost_rate.inpatient_per_day',
      comparator: 'inpatient',
      levelOfCare: '4',
      ratePerDay: { dollars: 1250, dollarYear: 2025, source: 'settings' },
      lengthOfStay: DEFAULT_COMPARATOR_SETTINGS.inpatient.lengthOfStay,
      iopCostPerEpisode: { dollars: 3515.73, dollarYear: 2025, source: 'charges' },
      comparatorCostPerEpisode: { dollars: 13750, dollarYear: 2025, source: 'settings' },
      iopCostPerWeek: { dollars: 467.27, dollarYear: 2025, source: 'charges' },
      comparatorCostPerWeek: { dollars: 8750, dollarYear: 2025, source: 'settings' },
      savingsPerEpisode: { dollars: 10234.27, dollarYear: 2025, source: 'settings' },
      sensitivity: {
        low: {
          days: 11,
          comparatorCostPerEpisode: { dollars: 13750, dollarYear: 2025, source: 'settings' },
          savingsPerEpisode: { dollars: 10234.27, dollarYear: 2025, source: 'settings' },
        },
        high: {
          days: 29,
          comparatorCostPerEpisode: { dollars: 36250, dollarYear: 2025, source: 'settings' },
          savingsPerEpisode: { dollars: 32734.27, dollarYear: 2025, source: 'settings' },
        },
        breakEvenDays: 3515.73 / 1250,
        conclusion: 'iop_cheaper',
      },
      perCompleter: {
        iop: { dollars: 9637.78, dollarYear: 2025, source: 'charges' },
        comparator: { dollars: 19849.86, dollarYear: 2025, source: 'settings' },
        comparatorRate: DEFAULT_COMPARATOR_SETTINGS.inpatient.completionRate,
      },
      perAbstinent: {
        iop: { dollars: 16353.71, dollarYear: 2025, source: 'charges' },
        comparator: { dollars: 28338.83, dollarYear: 2025, source: 'settings' },
        comparatorRate: DEFAULT_COMPARATOR_SETTINGS.inpatient.abstinenceRate,
      },
    },
    {
      key: 'cost_rate.residential_per_day',
      comparator: 'residential',
      levelOfCare: '3.5',
      ratePerDay: { dollars: 450, dollarYear: 2025, source: 'settings' },
      lengthOfStay: DEFAULT_COMPARATOR_SETTINGS.residential.lengthOfStay,
      iopCostPerEpisode: { dollars: 3515.73, dollarYear: 2025, source: 'charges' },
      comparatorCostPerEpisode: { dollars: 9000, dollarYear: 2025, source: 'settings' },
      iopCostPerWeek: { dollars: 467.27, dollarYear: 2025, source: 'charges' },
      comparatorCostPerWeek: { dollars: 3150, dollarYear: 2025, source: 'settings' },
      savingsPerEpisode: { dollars: 5484.27, dollarYear: 2025, source: 'settings' },
      sensitivity: {
        low: {
          days: 20,
          comparatorCostPerEpisode: { dollars: 9000, dollarYear: 2025, source: 'settings' },
          savingsPerEpisode: { dollars: 5484.27, dollarYear: 2025, source: 'settings' },
        },
        high: {
          days: 26,
          comparatorCostPerEpisode: { dollars: 11700, dollarYear: 2025, source: 'settings' },
          savingsPerEpisode: { dollars: 8184.27, dollarYear: 2025, source: 'settings' },
        },
        breakEvenDays: 3515.73 / 450,
        conclusion: 'iop_cheaper',
      },
      perCompleter: {
        iop: { dollars: 9637.78, dollarYear: 2025, source: 'charges' },
        comparator: { dollars: 14636.53, dollarYear: 2025, source: 'settings' },
        comparatorRate: DEFAULT_COMPARATOR_SETTINGS.residential.completionRate,
      },
      perAbstinent: {
        iop: { dollars: 16353.71, dollarYear: 2025, source: 'charges' },
        comparator: { dollars: 18549.05, dollarYear: 2025, source: 'settings' },
        comparatorRate: DEFAULT_COMPARATOR_SETTINGS.residential.abstinenceRate,
      },
    },
  ],
};
