import { loadGroundTruth } from '../lib/ground-truth';
import { boardExpectations } from './board-expectations';
import type { Estimate } from './claim-estimates';
import { collectFacts } from './collect-facts';

type Claims = Record<string, Record<string, unknown>>;

const seOf = (estimate: Estimate, log: boolean): number =>
  log ? (Math.log(estimate.high) - Math.log(estimate.low)) / 3.92 : (estimate.high - estimate.low) / 3.92;

/**
 * Two estimates of the same quantity from independent samples agree within four combined standard errors
 * (a dozen comparisons on one fixed sample: at three, one would fail by chance every few seeds; the default
 * standard network's completion risk difference, 0.165 against 0.13, sits 3.5 errors out).
 */
function expectAgreement(measured: Estimate, expected: Estimate, log: boolean): void {
  const distance = log
    ? Math.abs(Math.log(measured.estimate / expected.estimate))
    : Math.abs(measured.estimate - expected.estimate);
  const combined = Math.hypot(seOf(measured, log), seOf(expected, log));
  expect({ measured: measured.estimate, expected: expected.estimate, agree: distance <= 4 * combined }).toEqual({
    measured: measured.estimate,
    expected: expected.estimate,
    agree: true,
  });
}

/**
 * ground-truth.json "expectedOnBoard" (written by src/cli/calibrate.ts from a large sample) is what the
 * evidence board's statistics find on another sample of the same model: a standard-size one here. This
 * keeps the file in step with the generator (re-run the calibration after changing the model).
 */
describe('expectedOnBoard in ground-truth.json', () => {
  const truth = loadGroundTruth();
  let measured: Claims;
  let expected: Claims;

  beforeAll(() => {
    if (!truth.expectedOnBoard) throw new Error('ground-truth.json has no expectedOnBoard: run src/cli/calibrate.ts');
    const sample = truth.expectedOnBoard['sample'] as { generatorVersion: string };
    expect(sample.generatorVersion).toBe(truth.generatorVersion);
    expected = truth.expectedOnBoard['claims'] as Claims;
    const { facts, asOf } = collectFacts({ preset: 'standard' });
    measured = boardExpectations(facts, asOf);
  });

  const pairs: Array<[claim: string, key: string, log: boolean]> = [
    ['1', 'adjustedSlope', false],
    ['1', 'unadjustedSlope', false],
    ['2', 'allianceSlopePerIndividualSessionPerWeek', false],
    ['2', 'oddsRatioRetained90Per5AlliancePoints', true],
    ['3', 'hazardRatioPerGroupAttendedPerWeek', true],
    ['4', 'retained90RiskDifference', false],
    ['4', 'completionRiskDifference', false],
    ['5', 'attendanceSlopeOnEveningShareWorkingOrStudying', false],
    ['7', 'adjustedOddsRatioCompletion', true],
    ['8', 'readinessChangeSlope', false],
    ['8', 'abstinentFinal4WeeksSlope', false],
    ['10', 'adjustedHazardRatio', true],
    ['10', 'unadjustedHazardRatio', true],
  ];

  it.each(pairs)('claim %s: %s agrees with the calibrated value', (claim, key, log) => {
    expectAgreement(measured[claim][key] as Estimate, expected[claim][key] as Estimate, log);
  });

  it('claim 6: charges per client-week agree within 5%', () => {
    for (const key of ['iopChargesPerClientWeekUsd', 'outpatientChargesPerClientWeekUsd']) {
      expect(Math.abs((measured['6'][key] as number) / (expected['6'][key] as number) - 1)).toBeLessThan(0.05);
    }
  });

  it('claims planted as no effect are expected at about 0 on the board too', () => {
    for (const [claim, key] of [
      ['5', 'attendanceSlopeOnEveningShareWorkingOrStudying'],
      ['8', 'readinessChangeSlope'],
    ] as const) {
      const value = expected[claim][key] as Estimate;
      expect(Math.abs(value.estimate)).toBeLessThanOrEqual(3 * seOf(value, false));
    }
  });
});
