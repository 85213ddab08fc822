import { SUBSTANCES } from '@iop/contracts';
import {
  adjustedByBoard,
  adjustedSlope,
  attendanceRate,
  boardHazardRatio,
  complianceScore,
  eligibleFor,
  groupsAttendedPerWeek28,
  inLandmarkPopulation,
  isDisengagement,
  mean,
  ratioEstimate,
  riskDifference,
  scheduledHoursPerWeek28,
  type Estimate,
} from './claim-estimates';
import { boardCovariates, buildDesign, numeric } from './design';
import type { EpisodeFacts } from './episode-facts';
import { logisticRegression, median, pearson } from './regression';
import { kaplanMeierMedian } from './survival';

/** Hazard pieces for the board-style hazard ratios (weekly early on, then wider): close to a Cox model. */
const FROM_ADMISSION = [0, 7, 14, 21, 28, 42, 56, 84, 112];
const FROM_LANDMARK = [28, 42, 56, 70, 84, 112];

const round = (value: number, digits = 4): number => Number(value.toPrecision(digits));
const rounded = (estimate: Estimate): Estimate => ({
  estimate: round(estimate.estimate),
  low: round(estimate.low),
  high: round(estimate.high),
  n: estimate.n,
});

/** Kaplan-Meier median days to disengagement of a group. */
function medianStay(group: readonly EpisodeFacts[], entry = 0): number | null {
  return kaplanMeierMedian(group.map((fact) => ({ time: fact.los - entry, event: isDisengagement(fact) })));
}

function oddsRatio(
  facts: readonly EpisodeFacts[],
  exposure: (fact: EpisodeFacts) => number,
  outcome: (fact: EpisodeFacts) => boolean,
): Estimate {
  const design = buildDesign(facts, [numeric('exposure', exposure), ...adjustedByBoard]);
  const fit = logisticRegression(
    design,
    facts.map((fact) => (outcome(fact) ? 1 : 0)),
  );
  return ratioEstimate(fit, 'exposure', facts.length);
}

/**
 * The evidence board's statistics (METRICS.md) on generated episode facts, with the exposure definitions of
 * ground-truth.json (first-28-day exposures; the landmark population for exposures that act from day 28).
 * The calibration script measures them on a large sample and writes them to ground-truth.json.
 */
export function boardExpectations(
  facts: readonly EpisodeFacts[],
  asOf: string,
): Record<string, Record<string, unknown>> {
  const landmark = facts.filter(inLandmarkPopulation);
  const retainedEligible = eligibleFor(90, asOf);
  const discharged = (fact: EpisodeFacts): boolean => !fact.active;
  const iop = facts.filter((fact) => fact.levelOfCare === '2.1');
  const outpatient = facts.filter((fact) => fact.levelOfCare === '1');
  const withScore = facts.filter((fact) => complianceScore(fact) !== null);

  const terciles = [...landmark].map(groupsAttendedPerWeek28).sort((a, b) => a - b);
  const cut1 = terciles[Math.floor(terciles.length / 3)];
  const cut2 = terciles[Math.floor((2 * terciles.length) / 3)];
  const tercileOf = (fact: EpisodeFacts): number => {
    const value = groupsAttendedPerWeek28(fact);
    return value < cut1 ? 1 : value < cut2 ? 2 : 3;
  };
  const worksOrStudies = (fact: EpisodeFacts): boolean =>
    fact.employment === 'employed' || fact.employment === 'student';
  const eveningShare = (fact: EpisodeFacts): number | null =>
    fact.appointments - fact.cancelledByProgram > 0
      ? fact.eveningWeekendScheduled / (fact.appointments - fact.cancelledByProgram)
      : null;
  const earlyNegativeRate = (fact: EpisodeFacts): number | null =>
    fact.screensExpected28 > 0 ? fact.screensNegative28 / fact.screensExpected28 : null;
  const oud = facts.filter((fact) => fact.oud);
  const costPerCompleter = (group: readonly EpisodeFacts[]): number => {
    const done = group.filter(discharged);
    return (
      done.reduce((sum, fact) => sum + fact.chargesCents, 0) / 100 / done.filter((fact) => fact.reason === 1).length
    );
  };
  const chargesPerWeek = (group: readonly EpisodeFacts[]): number =>
    group.reduce((sum, fact) => sum + fact.chargesCents, 0) / 100 / group.reduce((sum, fact) => sum + fact.los / 7, 0);
  const negativeRateSlopes: Record<string, Estimate> = {};
  for (const substance of SUBSTANCES) {
    const group = facts.filter((fact) => fact.substance === substance);
    negativeRateSlopes[substance] = rounded(
      adjustedSlope(
        group,
        (fact) => (fact.meetingsReported > 0 ? fact.meetingsTotal / fact.meetingsReported : null),
        (fact) => (fact.screensExpected > 0 ? fact.screensNegative / fact.screensExpected : null),
        boardCovariates<EpisodeFacts>((fact) => fact).filter((term) => term.name !== 'substance'),
      ),
    );
  }
  const finalScreened = facts.filter(
    (fact) => discharged(fact) && fact.screensExpectedFinal > 0 && earlyNegativeRate(fact) !== null,
  );

  return {
    '1': {
      adjustedSlope: rounded(adjustedSlope(facts, scheduledHoursPerWeek28, complianceScore)),
      unadjustedSlope: rounded(adjustedSlope(facts, scheduledHoursPerWeek28, complianceScore, [])),
      pearsonR: round(
        pearson(
          withScore.map(scheduledHoursPerWeek28),
          withScore.map((fact) => complianceScore(fact) as number),
        ),
      ),
    },
    '2': {
      allianceSlopePerIndividualSessionPerWeek: rounded(
        adjustedSlope(
          facts,
          (fact) => fact.individualSessions28 / (fact.windowDays / 7),
          (fact) => fact.alliance,
        ),
      ),
      oddsRatioRetained90Per5AlliancePoints: rounded(
        oddsRatio(
          landmark.filter((fact) => fact.alliance !== null && retainedEligible(fact)),
          (fact) => (fact.alliance as number) / 5,
          (fact) => fact.los >= 90,
        ),
      ),
      population: 'landmark population with a WAI-SR, admitted at least 90 days before the as-of date',
    },
    '3': {
      hazardRatioPerGroupAttendedPerWeek: rounded(
        boardHazardRatio(landmark, groupsAttendedPerWeek28, 28, FROM_LANDMARK),
      ),
      tercileCutPoints: [round(cut1), round(cut2)],
      medianDaysToDisengagementByTercile: [1, 2, 3].map((tercile) =>
        medianStay(landmark.filter((fact) => tercileOf(fact) === tercile)),
      ),
      medianLengthOfStayDaysByTercile: [1, 2, 3].map((tercile) =>
        median(landmark.filter((fact) => tercileOf(fact) === tercile).map((fact) => fact.los)),
      ),
      note: 'terciles of groups attended per week in days 0-27, landmark population; Kaplan-Meier medians of days to disengagement (null: not reached) and plain medians of length of stay',
    },
    '4': {
      complianceScoreDifference: round(
        mean(iop.map(complianceScore).filter((v): v is number => v !== null)) -
          mean(outpatient.map(complianceScore).filter((v): v is number => v !== null)),
      ),
      retained90RiskDifference: rounded(
        riskDifference(
          iop.filter(retainedEligible).map((fact) => fact.los >= 90),
          outpatient.filter(retainedEligible).map((fact) => fact.los >= 90),
        ),
      ),
      completionRiskDifference: rounded(
        riskDifference(
          iop.filter(discharged).map((fact) => fact.reason === 1),
          outpatient.filter(discharged).map((fact) => fact.reason === 1),
        ),
      ),
    },
    '5': {
      attendanceSlopeOnEveningShareWorkingOrStudying: rounded(
        adjustedSlope(facts.filter(worksOrStudies), eveningShare, attendanceRate),
      ),
      attendanceSlopeOnEveningShareOthers: rounded(
        adjustedSlope(
          facts.filter((fact) => !worksOrStudies(fact)),
          eveningShare,
          attendanceRate,
        ),
      ),
    },
    '6': {
      iopChargesPerClientWeekUsd: round(chargesPerWeek(iop)),
      outpatientChargesPerClientWeekUsd: round(chargesPerWeek(outpatient)),
      iopCostPerCompleterUsd: round(costPerCompleter(iop)),
      outpatientCostPerCompleterUsd: round(costPerCompleter(outpatient)),
    },
    '7': {
      adjustedOddsRatioCompletion: rounded(
        oddsRatio(
          landmark.filter(discharged),
          (fact) => (fact.familyAttended28 ? 1 : 0),
          (fact) => fact.reason === 1,
        ),
      ),
      population: 'landmark population, discharged',
    },
    '8': {
      readinessChangeSlope: rounded(
        adjustedSlope(facts, earlyNegativeRate, (fact) =>
          fact.readinessCount >= 2 && fact.readinessFirst !== null && fact.readinessLast !== null
            ? fact.readinessLast - fact.readinessFirst
            : null,
        ),
      ),
      abstinentFinal4WeeksSlope: rounded(
        adjustedSlope(finalScreened, earlyNegativeRate, (fact) =>
          fact.screensNegativeFinal === fact.screensExpectedFinal ? 1 : 0,
        ),
      ),
      abstinenceNote: 'mechanical (shared use propensity and screen adherence), not planted',
    },
    '9': { negativeScreenRateSlopePerMeetingPerWeek: negativeRateSlopes },
    '10': {
      adjustedHazardRatio: rounded(boardHazardRatio(oud, (fact) => (fact.mat ? 1 : 0), 0, FROM_ADMISSION)),
      unadjustedHazardRatio: rounded(boardHazardRatio(oud, (fact) => (fact.mat ? 1 : 0), 0, FROM_ADMISSION, false)),
      medianDaysToDisengagementMat: medianStay(oud.filter((fact) => fact.mat)),
      medianDaysToDisengagementNoMat: medianStay(oud.filter((fact) => !fact.mat)),
      medianLengthOfStayDaysMat: median(oud.filter((fact) => fact.mat && !fact.active).map((fact) => fact.los)),
      medianLengthOfStayDaysNoMat: median(oud.filter((fact) => !fact.mat && !fact.active).map((fact) => fact.los)),
      note: 'OUD episodes; Kaplan-Meier medians of days to disengagement (null: not reached); plain medians of length of stay of discharged episodes',
    },
  };
}
