import type { EvidenceClaim, EvidenceClaimDetail, EvidenceResponse } from '@iop/contracts';

/** Small, realistic cards in the API's shapes (numbers taken from the demo data, trimmed). */
const COVARIATES = ['age band', 'sex', 'primary substance', 'severity', 'prior episodes', 'payer'];

export const CONTACT_CLAIM: EvidenceClaim = {
  id: 1,
  claim: 'more frequent contact improves compliance with the treatment plan',
  exposure: 'scheduled contact hours per week in the first 28 days (days 0 .. min(length of stay, 28) - 1)',
  outcome: 'compliance score (mean of session adherence, screen adherence and goal attainment that are defined)',
  method: 'Binned scatter (deciles of exposure) with the least-squares line',
  n: 1500,
  unadjusted: {
    measure: 'least-squares slope of the compliance score per scheduled contact hour per week',
    estimate: 0.0131,
    ci95: [0.0115, 0.0147],
    p: 1e-50,
  },
  adjusted: {
    measure: 'adjusted least-squares slope of the compliance score per scheduled contact hour per week',
    estimate: 0.012596,
    ci95: [0.010988, 0.014204],
    p: 1.48e-49,
    covariates: COVARIATES,
    q: 1.33e-48,
  },
  verdict: 'associated',
  chart: {
    type: 'binned_scatter',
    points: [
      { x: 1.849, y: 0.65137, ci95: [0.62178, 0.68095], n: 150 },
      { x: 9.308, y: 0.7207, ci95: [0.69449, 0.74691], n: 150 },
    ],
    line: { intercept: 0.63, slope: 0.0131 },
    pearson: { r: 0.36, ci95: [0.31, 0.4], p: 1e-40 },
  },
};

export const MAT_CLAIM: EvidenceClaim = {
  id: 10,
  claim: 'medication-assisted treatment helps patients with opioid addiction',
  exposure: 'MAT (any dispense) among episodes with opioid use disorder',
  outcome: 'retention: time to disengagement (discharge reason 2 or 3)',
  method: 'Kaplan-Meier MAT vs none with log-rank test and median stay',
  n: 476,
  unadjusted: { measure: 'hazard ratio of disengagement, MAT vs none', estimate: 0.8, ci95: [0.57, 1.12], p: 0.19 },
  adjusted: {
    measure: 'adjusted hazard ratio of disengagement, MAT vs none',
    estimate: 0.71922,
    ci95: [0.49824, 1.03821],
    p: 0.0784,
    covariates: COVARIATES,
    q: 0.1008,
  },
  verdict: 'no_clear_association',
  chart: {
    type: 'survival',
    groups: [
      {
        label: 'MAT',
        n: 261,
        events: 66,
        medianDaysToDisengagement: { estimate: null, lower: 121, upper: null },
        medianLengthOfStayDays: 66,
      },
      {
        label: 'no MAT',
        n: 215,
        events: 61,
        medianDaysToDisengagement: { estimate: null, lower: null, upper: null },
        medianLengthOfStayDays: 49,
      },
    ],
    logRank: { chiSquare: 0.9016, df: 1, p: 0.3424 },
  },
};

export const FAMILY_CLAIM: EvidenceClaim = {
  id: 7,
  claim: 'family support is vital to recovery',
  exposure: 'any family therapy session attended in the first 28 days vs none',
  outcome: 'completion (discharge reason 1)',
  method: 'Landmark population, discharged episodes',
  n: 810,
  unadjusted: {
    measure: 'risk ratio of completion, any family session vs none',
    estimate: 1.2238,
    ci95: [1.08, 1.38],
    p: 0.001,
  },
  adjusted: {
    measure: 'adjusted odds ratio of completion, any family session vs none',
    estimate: 1.687,
    ci95: [1.2387, 2.2976],
    p: 0.000905,
    covariates: COVARIATES,
    q: 0.00204,
  },
  verdict: 'associated',
  chart: {
    type: 'grouped_bars',
    bars: [
      {
        group: 'any family session',
        completion: { numerator: 179, denominator: 276, rate: 0.64855, ci95: [0.59054, 0.70249] },
      },
      { group: 'none', completion: { numerator: 283, denominator: 534, rate: 0.52996, ci95: [0.48757, 0.57193] } },
    ],
  },
};

export const BOARD: EvidenceResponse = { asOf: '2026-06-30', claims: [CONTACT_CLAIM, FAMILY_CLAIM, MAT_CLAIM] };

export const MAT_DETAIL: EvidenceClaimDetail = {
  ...MAT_CLAIM,
  asOf: '2026-06-30',
  detail: {
    curves: [
      {
        ...(MAT_CLAIM.chart.type === 'survival' ? MAT_CLAIM.chart.groups[0] : ({} as never)),
        steps: [
          { time: 1, atRisk: 261, events: 0, censored: 1, survival: 1, stdErr: 0, lower: null, upper: null },
          { time: 30, atRisk: 240, events: 12, censored: 3, survival: 0.95, stdErr: 0.014, lower: 0.92, upper: 0.97 },
          { time: 90, atRisk: 150, events: 20, censored: 10, survival: 0.82, stdErr: 0.025, lower: 0.77, upper: 0.86 },
        ],
      },
      {
        ...(MAT_CLAIM.chart.type === 'survival' ? MAT_CLAIM.chart.groups[1] : ({} as never)),
        steps: [
          { time: 1, atRisk: 215, events: 0, censored: 0, survival: 1, stdErr: 0, lower: null, upper: null },
          { time: 30, atRisk: 190, events: 15, censored: 4, survival: 0.93, stdErr: 0.017, lower: 0.89, upper: 0.96 },
          { time: 60, atRisk: 160, events: 14, censored: 6, survival: 0.86, stdErr: 0.024, lower: 0.8, upper: 0.9 },
        ],
      },
    ],
  },
};
