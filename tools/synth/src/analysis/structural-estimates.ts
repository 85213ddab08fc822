import { SUBSTANCES, type Substance } from '@iop/contracts';
import { boardCovariates } from './design';
import {
  adjustedSlope,
  attendanceRate,
  complianceScore,
  individualPerWeek28,
  ratioEstimate,
  scheduledHoursPerWeek28,
  structuralHazards,
  type Estimate,
} from './claim-estimates';
import type { EpisodeFacts } from './episode-facts';

/**
 * The planted relations estimated from the episode facts with the generator's own structural models: the
 * estimate of each planted parameter, named as in ground-truth.json.
 */
export interface StructuralEstimates {
  complianceSlopePerScheduledHourPerWeek: Estimate;
  allianceSlopePerIndividualSessionPerWeek: Estimate;
  disengagementHazardRatioPer5AlliancePoints: Estimate;
  disengagementHazardRatioPerGroupAttendedPerWeek: Estimate;
  disengagementHazardRatioIopVsOutpatient: Estimate;
  attendanceDifferencePerEveningWeekendShare: Estimate;
  iopChargesPerClientWeekUsd: number;
  disengagementHazardRatioFamilySession: Estimate;
  readinessChangePerEarlyNegativeRate: Estimate;
  /** Claim 9, one slope per primary substance. */
  negativeScreenRatePerMeetingPerWeek: Partial<Record<Substance, Estimate>>;
  disengagementHazardRatioMat: Estimate;
  /** The confounder's own effects. */
  severityHazardRatioPerLevel: Estimate;
  unadjustedComplianceSlope: Estimate;
}

export function estimateStructure(facts: readonly EpisodeFacts[]): StructuralEstimates {
  const hazards = structuralHazards(facts);
  const n = facts.length;
  const worksOrStudies = facts.filter((fact) => fact.employment === 'employed' || fact.employment === 'student');
  const iop = facts.filter((fact) => fact.levelOfCare === '2.1');
  const iopWeeks = iop.reduce((sum, fact) => sum + fact.los / 7, 0);
  const iopCents = iop.reduce((sum, fact) => sum + fact.chargesCents, 0);
  const negativeScreenSlopes: Partial<Record<Substance, Estimate>> = {};
  for (const substance of SUBSTANCES) {
    const group = facts.filter((fact) => fact.substance === substance);
    if (group.length < 100) continue;
    negativeScreenSlopes[substance] = adjustedSlope(
      group,
      (fact) => (fact.meetingsReported > 0 ? fact.meetingsTotal / fact.meetingsReported : null),
      (fact) => (fact.screensExpected > 0 ? fact.screensNegative / fact.screensExpected : null),
      boardCovariates<EpisodeFacts>((fact) => fact).filter((term) => term.name !== 'substance'),
    );
  }
  return {
    complianceSlopePerScheduledHourPerWeek: adjustedSlope(facts, scheduledHoursPerWeek28, complianceScore),
    unadjustedComplianceSlope: adjustedSlope(facts, scheduledHoursPerWeek28, complianceScore, []),
    allianceSlopePerIndividualSessionPerWeek: adjustedSlope(facts, individualPerWeek28, (fact) => fact.alliance),
    disengagementHazardRatioPer5AlliancePoints: ratioEstimate(hazards, 'alliancePer5', n),
    disengagementHazardRatioPerGroupAttendedPerWeek: ratioEstimate(hazards, 'groupsPerWeek', n),
    disengagementHazardRatioIopVsOutpatient: ratioEstimate(hazards, 'iop', n),
    disengagementHazardRatioFamilySession: ratioEstimate(hazards, 'family', n),
    disengagementHazardRatioMat: ratioEstimate(hazards, 'mat', n),
    severityHazardRatioPerLevel: ratioEstimate(hazards, 'severity', n),
    attendanceDifferencePerEveningWeekendShare: adjustedSlope(
      worksOrStudies,
      (fact) =>
        fact.appointments - fact.cancelledByProgram > 0
          ? fact.eveningWeekendScheduled / (fact.appointments - fact.cancelledByProgram)
          : null,
      attendanceRate,
    ),
    iopChargesPerClientWeekUsd: iopCents / 100 / iopWeeks,
    readinessChangePerEarlyNegativeRate: adjustedSlope(
      facts,
      (fact) => (fact.screensExpected28 > 0 ? fact.screensNegative28 / fact.screensExpected28 : null),
      (fact) =>
        fact.readinessCount >= 2 && fact.readinessFirst !== null && fact.readinessLast !== null
          ? fact.readinessLast - fact.readinessFirst
          : null,
    ),
    negativeScreenRatePerMeetingPerWeek: negativeScreenSlopes,
  };
}
