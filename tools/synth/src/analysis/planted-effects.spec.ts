import { SUBSTANCES } from '@iop/contracts';
import { generateSyntheticNetwork } from '../lib/generate';
import { loadGroundTruth, type GroundTruth } from '../lib/ground-truth';
import { boardHazardRatio, onMatWithOud, type Estimate } from './claim-estimates';
import { collectFacts } from './collect-facts';
import type { EpisodeFacts } from './episode-facts';
import { estimateStructure, type StructuralEstimates } from './structural-estimates';

/** A linear estimate within three standard errors of the planted value (the interval is a 95% Wald interval). */
function expectNear(estimate: Estimate, planted: number): void {
  const se = (estimate.high - estimate.low) / 3.92;
  expect({ estimate: estimate.estimate, withinThreeSe: Math.abs(estimate.estimate - planted) <= 3 * se }).toEqual({
    estimate: estimate.estimate,
    withinThreeSe: true,
  });
}

/** A ratio estimate (hazard or odds ratio) within three standard errors of the planted value, on the log scale. */
function expectRatioNear(estimate: Estimate, planted: number): void {
  const se = (Math.log(estimate.high) - Math.log(estimate.low)) / 3.92;
  expect({
    estimate: estimate.estimate,
    withinThreeSe: Math.abs(Math.log(estimate.estimate / planted)) <= 3 * se,
  }).toEqual({
    estimate: estimate.estimate,
    withinThreeSe: true,
  });
}

/**
 * The planted relations of ground-truth.json, estimated on a standard-size generation (12,000 episodes,
 * no database) from the rows by the METRICS.md definitions, with the generator's structural models:
 * every planted value is recovered and every no-effect claim estimates about 0 (or a ratio of 1).
 */
describe('planted effects (standard size)', () => {
  const truth = loadGroundTruth();
  const planted = (id: number): number => truth.claims.find((claim) => claim.id === id)?.planted ?? NaN;
  let facts: EpisodeFacts[];
  let estimates: StructuralEstimates;

  beforeAll(() => {
    facts = collectFacts({ preset: 'standard' }).facts;
    estimates = estimateStructure(facts);
  });

  it('claim 1: recovers the compliance slope per scheduled hour when adjusted, and the naive slope overstates it', () => {
    expectNear(estimates.complianceSlopePerScheduledHourPerWeek, planted(1));
    const naive = estimates.unadjustedComplianceSlope;
    expect(naive.estimate).toBeGreaterThan(estimates.complianceSlopePerScheduledHourPerWeek.estimate);
    expect(naive.low).toBeGreaterThan(planted(1));
  });

  it('claim 2: recovers the alliance slope per individual session and the hazard ratio per 5 alliance points', () => {
    expectNear(estimates.allianceSlopePerIndividualSessionPerWeek, planted(2));
    const secondary = truth.claims.find((claim) => claim.id === 2)?.secondary?.[0];
    expectRatioNear(estimates.disengagementHazardRatioPer5AlliancePoints, secondary?.planted ?? NaN);
  });

  it('claims 3, 4, 7 and 10: recover the hazard ratios of disengagement', () => {
    expectRatioNear(estimates.disengagementHazardRatioPerGroupAttendedPerWeek, planted(3));
    expectRatioNear(estimates.disengagementHazardRatioIopVsOutpatient, planted(4));
    expectRatioNear(estimates.disengagementHazardRatioFamilySession, planted(7));
    expectRatioNear(estimates.disengagementHazardRatioMat, planted(10));
    expectRatioNear(estimates.severityHazardRatioPerLevel, truth.confounder.effects.disengagementHazardRatioPerLevel);
  });

  it('claim 10: MAT goes more to severe patients, so the naive hazard ratio is nearer 1 than the adjusted one', () => {
    const oud = facts.filter((fact) => fact.oud);
    const naive = boardHazardRatio(oud, (fact) => (onMatWithOud(fact) ? 1 : 0), 0, [0, 7, 28, 42], false);
    expect(naive.estimate).toBeGreaterThan(estimates.disengagementHazardRatioMat.estimate);
  });

  it('claims 5, 8 and 9 (planted as no effect): the estimates are about 0', () => {
    expectNear(estimates.attendanceDifferencePerEveningWeekendShare, planted(5));
    expectNear(estimates.readinessChangePerEarlyNegativeRate, planted(8));
    // Every substance has its 100 episodes at the standard size, so each slope must be there: a missing one fails.
    expect(Object.keys(estimates.negativeScreenRatePerMeetingPerWeek).sort()).toEqual([...SUBSTANCES].sort());
    for (const substance of SUBSTANCES) {
      const slope = estimates.negativeScreenRatePerMeetingPerWeek[substance];
      if (!slope) throw new Error(`no negative-screen slope for ${substance}`);
      expectNear(slope, planted(9));
    }
  });

  it('claim 6: IOP charges come to about the planted cost per client-week', () => {
    expect(Math.abs(estimates.iopChargesPerClientWeekUsd / planted(6) - 1)).toBeLessThan(0.05);
  });

  it('clips the adherence probability for well under 1% of episodes (so the slope stays the parameter)', () => {
    const synthetic = generateSyntheticNetwork({ preset: 'demo', keepCourses: true });
    let clipped = 0;
    let episodes = 0;
    for (const batch of synthetic.batches()) {
      for (const course of batch.courses ?? []) {
        episodes++;
        if (course.adherence >= 0.99 || course.adherence <= 0.05) clipped++;
      }
    }
    expect(episodes).toBe(1500);
    expect(clipped / episodes).toBeLessThan(0.01);
  });
});

describe('the generator reads its effect sizes from the ground truth', () => {
  it('plants what a changed ground truth says', () => {
    const original = loadGroundTruth();
    const changed: GroundTruth = structuredClone(original);
    const claim = (id: number) => changed.claims.find((item) => item.id === id);
    const claim1 = claim(1);
    const claim10 = claim(10);
    const claim5 = claim(5);
    if (!claim1 || !claim10 || !claim5) throw new Error('claims 1, 5 and 10 must exist');
    claim1.planted = 0;
    claim10.planted = 1;
    claim5.planted = 0.2;
    const { facts } = collectFacts({ preset: 'standard', episodes: 8000, seed: 7, truth: changed });
    const estimates = estimateStructure(facts);
    expectNear(estimates.complianceSlopePerScheduledHourPerWeek, 0);
    expectRatioNear(estimates.disengagementHazardRatioMat, 1);
    expectNear(estimates.attendanceDifferencePerEveningWeekendShare, 0.2);
  });
});
