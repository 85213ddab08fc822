import { matrixRows, rowMajorMatrix } from '@iop/stats';
import { adjustedDesign, dummyColumns, verdictOf } from './design-matrix';
import type { EvidenceRow } from './evidence-rows.query';
import { riskRatio } from './claims-groups';
import { binnedScatter, quantile } from './estimators';

function row(overrides: Partial<EvidenceRow>): EvidenceRow {
  return {
    levelOfCare: '2.1',
    ageBand: '26-34',
    sex: 'male',
    substance: 'alcohol',
    severity: 2,
    priorEpisodes: 0,
    payer: 'medicaid',
    employment: 'employed',
    oud: false,
    mat: false,
    lengthOfStay: 40,
    daysFollowed: 200,
    dischargeReason: 1,
    scheduledHoursPerWeek28: 12,
    complianceScore: 0.8,
    individualSessionsPerWeek28: 1,
    alliance: 42,
    groupsAttendedPerWeek28: 3,
    familyAttended28: false,
    eveningWeekendShare: 0,
    attendanceRate: 0.8,
    negativeScreenRate28: 0.5,
    readinessChange: 1,
    abstinentFinal4Weeks: false,
    mutualHelpPerWeek: 1,
    negativeScreenRate: 0.5,
    active: false,
    chargesCents: 300_000,
    ...overrides,
  };
}

describe('dummyColumns', () => {
  it('drops the most frequent level of each factor as reference, ties by sort order', () => {
    const { names, rows } = dummyColumns([
      ['a', 'x'],
      ['b', 'x'],
      ['b', 'y'],
      ['c', 'y'],
    ]);
    expect(names).toEqual(['0:a', '0:c', '1:y']);
    expect(rows).toEqual([
      [1, 0, 0],
      [0, 0, 0],
      [0, 0, 1],
      [0, 1, 1],
    ]);
  });

  it('gives a factor with one observed level no column', () => {
    expect(dummyColumns([['a'], ['a']])).toEqual({ names: [], rows: [[], []] });
  });
});

describe('adjustedDesign', () => {
  it('puts the exposure first and codes severity, payer and capped prior episodes as dummies', () => {
    const rows = [
      row({ severity: 1, payer: 'medicaid', priorEpisodes: 0 }),
      row({ severity: 2, payer: 'medicaid', priorEpisodes: 5 }),
      row({ severity: 2, payer: 'commercial', priorEpisodes: 3 }),
    ];
    // severity: 2 is the reference (most frequent) -> column "1"; prior: "3+" reference -> column "0";
    // payer: medicaid reference -> column "commercial"; age band, sex and substance are constant: no column.
    expect(matrixRows(adjustedDesign(rowMajorMatrix([[5], [6], [7]]), rows, 1))).toEqual([
      [5, 1, 1, 0],
      [6, 0, 0, 0],
      [7, 0, 0, 1],
    ]);
  });

  it('pools levels under the minimum size, into the reference when the pool is itself too small', () => {
    // Payer: medicaid 3 (reference), commercial 1 and self_pay 1 pool into one level of 2 (>= 2: a column).
    // Severity: 2 (3 rows) is the reference; 1 and 3 (1 row each) pool likewise. Prior episodes: 0 (4 rows)
    // is the reference; the single "1" is under the size, alone, so it joins the reference: no column.
    const rows = [
      row({ payer: 'medicaid', severity: 2 }),
      row({ payer: 'medicaid', severity: 2 }),
      row({ payer: 'medicaid', severity: 2 }),
      row({ payer: 'commercial', severity: 1 }),
      row({ payer: 'self_pay', severity: 3, priorEpisodes: 1 }),
    ];
    expect(matrixRows(adjustedDesign(rowMajorMatrix([[1], [2], [3], [4], [5]]), rows, 2))).toEqual([
      [1, 0, 0],
      [2, 0, 0],
      [3, 0, 0],
      [4, 1, 1],
      [5, 1, 1],
    ]);
  });

  it('keeps a constant exposure column (the fit then reports nothing rather than a wrong slope)', () => {
    expect(matrixRows(adjustedDesign(rowMajorMatrix([[1], [1]]), [row({}), row({})]))).toEqual([[1], [1]]);
  });
});

describe('verdictOf', () => {
  const effect = (ci95: [number, number] | null) => ({ measure: 'm', estimate: 0, ci95, p: null });
  it.each([
    [[0.1, 0.2], 100, 0, 'associated'],
    [[-0.2, -0.1], 100, 0, 'associated'],
    [[-0.1, 0.2], 100, 0, 'no_clear_association'],
    [[0.5, 0.9], 100, 1, 'associated'],
    [[1.1, 1.4], 100, 1, 'associated'],
    [[0.9, 1.1], 100, 1, 'no_clear_association'],
    [[0.1, 0.2], 29, 0, 'not_enough_data'],
    [null, 100, 0, 'not_enough_data'],
  ] as const)('interval %j with smallest group %d (no effect %d) is %s', (ci, group, noEffect, verdict) => {
    expect(verdictOf(effect(ci as [number, number] | null), group, noEffect)).toBe(verdict);
  });
});

describe('estimators', () => {
  it('risk ratio with the Katz interval (worked by hand: 20/100 vs 10/100)', () => {
    const rr = riskRatio('rr', 20, 100, 10, 100);
    const se = Math.sqrt(1 / 20 - 1 / 100 + 1 / 10 - 1 / 100);
    expect(rr.estimate).toBeCloseTo(2, 12);
    expect(rr.ci95?.[0]).toBeCloseTo(2 * Math.exp(-1.959963984540054 * se), 10);
    expect(rr.ci95?.[1]).toBeCloseTo(2 * Math.exp(1.959963984540054 * se), 10);
  });

  it('bins by rank and averages each bin', () => {
    const points = binnedScatter([4, 3, 2, 1], [40, 30, 20, 10], 2);
    expect(points.map((p) => [p.x, p.y, p.n])).toEqual([
      [1.5, 15, 2],
      [3.5, 35, 2],
    ]);
  });

  it('quantile is R type 7', () => {
    expect(quantile([1, 2, 3, 4], 1 / 3)).toBeCloseTo(2, 12);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
  });
});
