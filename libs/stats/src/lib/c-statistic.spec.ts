import { brierScore, calibrationGroups } from './calibration';
import { cStatistic } from './c-statistic';
import { NotEstimableError } from './not-estimable';

/**
 * Hanley & McNeil 1982 (Radiology 143:29-36), Table I: 109 CT images rated 1 (definitely normal) to 5 (definitely
 * abnormal); 58 normal: 33, 6, 6, 11, 2; 51 abnormal: 3, 2, 2, 11, 33. The paper gives the area 0.893 and its
 * standard error 0.032 (equation 2). Unrounded: area 2642 / 2958 = 0.893171..., SE 0.0324866 (equation 2 evaluated
 * in full precision), DeLong SE 0.0307244 (its structural components by their pairwise definition, computed
 * independently of the mid-rank algorithm: V10 = mean over non-events of psi, V01 likewise, variances with n - 1).
 * R 4.2.2 with pROC 1.18.0 agrees: roc(outcomes, scores, direction = "<") gives auc 0.89317106152805947,
 * sqrt(var(roc, method = "delong")) 0.030724408379381115 and ci.auc(roc, method = "delong")
 * 0.83295232765817184 to 0.9533897953979471 (printed with digits = 17); on the hand-worked case below,
 * var(roc, method = "delong") is 0.1388888888888889 (5/36).
 */
function ratings(counts: number[]): number[] {
  return counts.flatMap((count, index) => Array<number>(count).fill(index + 1));
}
const normal = ratings([33, 6, 6, 11, 2]);
const abnormal = ratings([3, 2, 2, 11, 33]);
const ctScores = [...abnormal, ...normal];
const ctOutcomes = [...abnormal.map(() => 1), ...normal.map(() => 0)];

describe('cStatistic', () => {
  it("reproduces Hanley & McNeil's worked example (area 0.893, SE 0.032)", () => {
    const result = cStatistic(ctScores, ctOutcomes, { method: 'hanley-mcneil' });
    expect(result.estimate).toBeCloseTo(2642 / 2958, 12);
    expect(result.estimate).toBeCloseTo(0.893, 3);
    expect(result.standardError).toBeCloseTo(0.0324866, 7);
    expect(result.standardError).toBeCloseTo(0.032, 3);
    expect(result.events).toBe(51);
    expect(result.nonEvents).toBe(58);
  });

  it('gives the DeLong standard error and interval of the same data', () => {
    const result = cStatistic(ctScores, ctOutcomes);
    expect(result.method).toBe('delong');
    expect(result.standardError).toBeCloseTo(0.030724408379381115, 12);
    expect(result.lower).toBeCloseTo(0.83295232765817184, 12);
    expect(result.upper).toBeCloseTo(0.9533897953979471, 12);
  });

  it('matches a hand-worked DeLong case and clips the interval to [0, 1]', () => {
    // Events 0.9, 0.6, 0.4; non-events 0.7, 0.3. V10 = 1, 1/2, 1/2 (mean 2/3 = the area); V01 = 1/3, 1.
    // S10 = ((1/3)^2 + 2 (1/6)^2) / 2 = 1/12; S01 = 2 (1/3)^2 / 1 = 2/9; var = (1/12) / 3 + (2/9) / 2 = 5/36.
    const result = cStatistic([0.9, 0.7, 0.6, 0.4, 0.3], [1, 0, 1, 1, 0]);
    expect(result.estimate).toBeCloseTo(2 / 3, 12);
    expect(result.standardError).toBeCloseTo(Math.sqrt(5 / 36), 12);
    expect(result.lower).toBe(0);
    expect(result.upper).toBe(1);
  });

  it('counts a tie between an event and a non-event as half', () => {
    expect(cStatistic([0.5, 0.5], [1, 0]).estimate).toBe(0.5);
    expect(cStatistic([0.2, 0.5, 0.5, 0.9], [0, 1, 0, 1]).estimate).toBeCloseTo((1 + 0.5 + 1 + 1) / 4, 12);
  });

  it('is not estimable with one class only, and refuses bad input', () => {
    expect(() => cStatistic([0.1, 0.2], [1, 1])).toThrow(NotEstimableError);
    expect(() => cStatistic([0.1, Number.NaN], [1, 0])).toThrow(RangeError);
    expect(() => cStatistic([0.1, 0.2], [1, 2])).toThrow(/outcomes\[1\]/);
  });
});

describe('brierScore', () => {
  it('is the mean squared error of the probabilities', () => {
    // (0.9 - 1)^2 + (0.2 - 0)^2 + (0.6 - 0)^2 + (0.5 - 1)^2 = 0.01 + 0.04 + 0.36 + 0.25 = 0.66; / 4.
    expect(brierScore([0.9, 0.2, 0.6, 0.5], [1, 0, 0, 1])).toBeCloseTo(0.165, 12);
    // Predicting the base rate p = 0.25 of [1, 0, 0, 0] scores p (1 - p).
    expect(brierScore([0.25, 0.25, 0.25, 0.25], [1, 0, 0, 0])).toBeCloseTo(0.1875, 12);
  });

  it('refuses probabilities outside [0, 1]', () => {
    expect(() => brierScore([1.2], [1])).toThrow(RangeError);
  });
});

describe('calibrationGroups', () => {
  it('cuts the rows sorted by prediction into equal groups', () => {
    // Five rows in two groups: ranks 0-2 (floor(2i/5) = 0, 0, 0) and 3-4.
    const groups = calibrationGroups([0.8, 0.1, 0.4, 0.2, 0.9], [1, 0, 1, 0, 0], 2);
    expect(groups.map(({ group, n, observed, events }) => [group, n, observed, events])).toEqual([
      [1, 3, 1 / 3, 1],
      [2, 2, 0.5, 1],
    ]);
    expect(groups[0].meanPredicted).toBeCloseTo((0.1 + 0.2 + 0.4) / 3, 12);
    expect(groups[1].meanPredicted).toBeCloseTo(0.85, 12);
  });

  it('makes deciles by default and one group per row when there are fewer rows', () => {
    const predicted = Array.from({ length: 20 }, (_, i) => i / 20);
    const outcomes = predicted.map((_, i) => (i % 2 === 0 ? 1 : 0));
    const deciles = calibrationGroups(predicted, outcomes);
    expect(deciles).toHaveLength(10);
    expect(deciles.every((group) => group.n === 2 && group.events === 1)).toBe(true);
    expect(calibrationGroups([0.3, 0.6], [0, 1])).toHaveLength(2);
  });
});
