import type { EffectSizes, SeverityEffects } from '../ground-truth';
import { bernoulli, categorical, exponential } from '../random/samplers';
import type { Rng } from '../random/rng';
import type { EpisodeIntake } from './intake';
import {
  DEATH_RATIO_OUD,
  DISENGAGEMENT_RATIO,
  HAZARD_PIECES,
  INCARCERATION_RATIO_COURT,
  OTHER_EXIT_WEIGHTS,
  TERMINATED_SHARE_OF_DISENGAGEMENT,
} from './parameters';

/** TEDS-D discharge reasons. */
export type DischargeReasonCode = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** How an episode ends if nothing cuts it short (the as-of date may): last day (days since admission) and reason. */
export interface Exit {
  lastDay: number;
  reason: DischargeReasonCode;
}

/** The day from which the first-28-day exposures act on disengagement (the landmark). */
export const LANDMARK_DAY = 28;

/** Exposures of days 0-27 that act on disengagement from the landmark on (claims 2, 3 and 7). */
export interface LandmarkExposures {
  alliance: number;
  groupsAttendedPerWeek: number;
  familySessionAttended: boolean;
}

/** Centres of the landmark exposures: the baseline hazards belong to a patient at these values. */
const ALLIANCE_CENTRE = 42;
const GROUPS_CENTRE = 2;

/**
 * Competing-risks course of an episode with piecewise-constant hazards (per day) from admission:
 * disengagement (TEDS 2 or 3) with proportional covariate effects, the other exits (transfer, incarceration,
 * death, other) with their own, and completion at the planned length. The planted hazard ratios are the
 * exact parameters of the cause-specific hazard of disengagement, which a Cox (or piecewise exponential)
 * model with the same covariates estimates. Drawing stops at the landmark so that the exposures of the first
 * 28 days, which depend on how the patient attended, can be generated before the rest of the course.
 */
export class CourseModel {
  constructor(
    private readonly effects: EffectSizes,
    private readonly severity: SeverityEffects,
  ) {}

  /** The exit before day 28, or null when the patient is still in treatment at the landmark. */
  untilLandmark(rng: Rng, intake: EpisodeIntake): Exit | null {
    return this.draw(rng, intake, 0, LANDMARK_DAY, this.baselineRatio(intake));
  }

  /** The exit from day 28 on, given the exposures of days 0-27. */
  fromLandmark(rng: Rng, intake: EpisodeIntake, exposures: LandmarkExposures): Exit {
    const ratio =
      this.baselineRatio(intake) *
      Math.pow(this.effects.disengagementHazardRatioPer5AlliancePoints, (exposures.alliance - ALLIANCE_CENTRE) / 5) *
      Math.pow(
        this.effects.disengagementHazardRatioPerGroupAttendedPerWeek,
        exposures.groupsAttendedPerWeek - GROUPS_CENTRE,
      ) *
      (exposures.familySessionAttended ? this.effects.disengagementHazardRatioFamilySession : 1);
    const exit = this.draw(rng, intake, LANDMARK_DAY, intake.plannedLengthDays, ratio);
    return exit ?? { lastDay: intake.plannedLengthDays - 1, reason: 1 };
  }

  /** Hazard ratio of disengagement from admission: severity (the confounder), MAT, level of care, board covariates. */
  private baselineRatio(intake: EpisodeIntake): number {
    let ratio = Math.pow(this.severity.disengagementHazardRatioPerLevel, intake.severity - 2);
    if (intake.mat !== null) ratio *= this.effects.disengagementHazardRatioMat;
    if (intake.program.levelOfCare === '2.1') ratio *= this.effects.disengagementHazardRatioIopVsOutpatient;
    if (intake.adolescent) ratio *= DISENGAGEMENT_RATIO.adolescent;
    if (intake.payer === 'self_pay') ratio *= DISENGAGEMENT_RATIO.selfPay;
    return ratio;
  }

  /** First exit in [from, to) or null; `disengagementRatio` multiplies the baseline disengagement hazard. */
  private draw(rng: Rng, intake: EpisodeIntake, from: number, to: number, disengagementRatio: number): Exit | null {
    const otherWeights = {
      transferred: OTHER_EXIT_WEIGHTS.transferred,
      incarcerated:
        OTHER_EXIT_WEIGHTS.incarcerated * (intake.referralSource === 'court' ? INCARCERATION_RATIO_COURT : 1),
      death: OTHER_EXIT_WEIGHTS.death * (intake.oud ? DEATH_RATIO_OUD : 1),
      other: OTHER_EXIT_WEIGHTS.other,
    };
    const otherRatio = otherWeights.transferred + otherWeights.incarcerated + otherWeights.death + otherWeights.other;
    let time = from;
    for (const piece of HAZARD_PIECES) {
      if (piece.to <= time) continue;
      const end = Math.min(piece.to, to);
      if (end <= time) break;
      const disengagement = piece.disengagement * disengagementRatio;
      const other = piece.other * otherRatio;
      const candidate = time + exponential(rng, disengagement + other);
      if (candidate < end) {
        const lastDay = Math.floor(candidate);
        if (rng.uniform() * (disengagement + other) < disengagement) {
          return { lastDay, reason: bernoulli(rng, TERMINATED_SHARE_OF_DISENGAGEMENT) ? 3 : 2 };
        }
        const cause = categorical(rng, otherWeights);
        return {
          lastDay,
          reason: cause === 'transferred' ? 4 : cause === 'incarcerated' ? 5 : cause === 'death' ? 6 : 7,
        };
      }
      time = end;
      if (time >= to) break;
    }
    return null;
  }
}
