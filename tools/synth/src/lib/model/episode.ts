import { bernoulli, clamp, integerBetween, normal, uniformBetween } from '../random/samplers';
import type { Rng } from '../random/rng';
import type { GeneratorContext } from './context';
import { BOOKED_AHEAD_DAYS } from './context';
import { LANDMARK_DAY, type Exit } from './course';
import type { EpisodeIntake } from './intake';
import { ADHERENCE, ALLIANCE, ILLICIT_USE, ILLICIT_USE_LOG_ODDS, NO_SHOW_SHARE_OF_MISSED } from './parameters';
import { planSlots, type Slot } from './schedule';

export const ATTENDED = 0;
export const NO_SHOW = 1;
export const CANCELLED_BY_PATIENT = 2;
export const CANCELLED_BY_PROGRAM = 3;

/** An episode after its course is drawn: what happened (latent) and how much of it the data shows. */
export interface EpisodeCourse {
  intake: EpisodeIntake;
  slots: Slot[];
  /** Per slot: ATTENDED, NO_SHOW, CANCELLED_BY_PATIENT or CANCELLED_BY_PROGRAM (as it happens or would happen). */
  attendance: Uint8Array;
  /** The probability of attending, giving a screen, meeting a goal (the compliance the model plants). */
  adherence: number;
  /** The exit the episode has or will have. */
  exit: Exit;
  /** The last day the data shows (days since admission): the discharge day, or the as-of date when active. */
  lastObservedDay: number;
  active: boolean;
  /** Appointments shown run to this day (the as-of date plus those booked ahead, for an active episode). */
  lastScheduledDay: number;
  /** The as-of date in days since admission. */
  asOfDay: number;
  alliance: number;
  /** Day of the first WAI-SR, or null when it was not given. */
  allianceDay: number | null;
  /** Log-odds of an illicit-positive screen (before time in treatment): the persistent use propensity. */
  useLogOdds: number;
}

/**
 * Draws an episode's course in the order that keeps the planted relations exact: the plan, the exits before
 * day 28 (independent of attendance), the first-28-day exposures as the data will show them, the adherence
 * drawn from those exposures, then, for patients still in treatment on day 28, the rest of the course with
 * the landmark exposures acting on disengagement.
 */
export function simulateCourse(rng: Rng, context: GeneratorContext, intake: EpisodeIntake): EpisodeCourse {
  const { effects, severity, course } = context;
  const asOfDay = context.asOfDay - intake.admitDay;
  const horizon = Math.min(intake.plannedLengthDays, asOfDay + BOOKED_AHEAD_DAYS + 1);
  const slots = planSlots(rng, intake, context.calendar, severity.effects, Math.max(horizon, LANDMARK_DAY));

  const earlyExit = course.untilLandmark(rng, intake);
  // The first-28-day window as the data shows it: cut short by an early exit or by the as-of date.
  const windowDays = Math.min(LANDMARK_DAY, (earlyExit ? earlyExit.lastDay : Infinity) + 1, asOfDay + 1);
  let scheduledMinutes = 0;
  let individualSessions = 0;
  for (const slot of slots) {
    if (slot.day >= windowDays) break;
    if (slot.programCancelled) continue;
    scheduledMinutes += slot.durationMin;
    if (slot.type === 'individual') individualSessions++;
  }
  const weeks = windowDays / 7;
  const scheduledHoursPerWeek = scheduledMinutes / 60 / weeks;

  // Claim 1: adherence linear in the scheduled hours, shifted by severity (the confounder).
  const adherence = clamp(
    ADHERENCE.centre +
      effects.complianceSlopePerScheduledHourPerWeek * (scheduledHoursPerWeek - ADHERENCE.centreHours) +
      severity.effects.adherenceShiftPerLevel * (intake.severity - 2) +
      (intake.adolescent ? ADHERENCE.adolescentShift : 0) +
      uniformBetween(rng, -ADHERENCE.noiseHalfWidth, ADHERENCE.noiseHalfWidth),
    ADHERENCE.min,
    ADHERENCE.max,
  );
  // Claim 5: attendance may depend on the share of evening/weekend sessions (planted as none).
  const eveningShare = eveningWeekendShare(slots, context, intake);
  const attendanceProbability = clamp(
    adherence + effects.attendanceDifferencePerEveningWeekendShare * (eveningShare - 0.5),
    0,
    1,
  );
  const attendance = new Uint8Array(slots.length);
  slots.forEach((slot, index) => {
    attendance[index] = slot.programCancelled
      ? CANCELLED_BY_PROGRAM
      : bernoulli(rng, attendanceProbability)
        ? ATTENDED
        : bernoulli(rng, NO_SHOW_SHARE_OF_MISSED)
          ? NO_SHOW
          : CANCELLED_BY_PATIENT;
  });

  // Claim 2: alliance linear in the individual sessions per week of the first-28-day window.
  const alliance = clamp(
    Math.round(
      ALLIANCE.centre +
        effects.allianceSlopePerIndividualSessionPerWeek * (individualSessions / weeks - ALLIANCE.centreSessions) +
        severity.effects.allianceShiftPerLevel * (intake.severity - 2) +
        normal(rng, 0, ALLIANCE.noiseSd),
    ),
    12,
    60,
  );
  const allianceDay = bernoulli(rng, ALLIANCE.administeredProbability) ? 21 + integerBetween(rng, 0, 4) : null;
  const useLogOdds =
    ILLICIT_USE_LOG_ODDS[intake.substance] +
    severity.effects.illicitUseLogOddsPerLevel * (intake.severity - 2) +
    (intake.mat !== null ? ILLICIT_USE.matLogOdds : 0) +
    normal(rng, 0, ILLICIT_USE.personSd);

  let exit = earlyExit;
  if (!exit) {
    let groupsAttended = 0;
    let familySessionAttended = false;
    slots.forEach((slot, index) => {
      if (slot.day >= LANDMARK_DAY || attendance[index] !== ATTENDED) return;
      if (slot.type === 'group') groupsAttended++;
      if (slot.type === 'family') familySessionAttended = true;
    });
    exit = course.fromLandmark(rng, intake, {
      alliance,
      groupsAttendedPerWeek: groupsAttended / 4,
      familySessionAttended,
    });
  }
  const active = exit.lastDay > asOfDay;
  const lastObservedDay = active ? asOfDay : exit.lastDay;
  return {
    intake,
    slots,
    attendance,
    adherence,
    exit,
    lastObservedDay,
    active,
    lastScheduledDay: active ? Math.min(asOfDay + BOOKED_AHEAD_DAYS, intake.plannedLengthDays - 1) : exit.lastDay,
    asOfDay,
    alliance,
    allianceDay,
    useLogOdds,
  };
}

/** Share of the planned appointments in evening (from 17:00) or weekend slots. */
function eveningWeekendShare(slots: Slot[], context: GeneratorContext, intake: EpisodeIntake): number {
  if (slots.length === 0) return 0;
  let count = 0;
  for (const slot of slots)
    if (slot.minute >= 17 * 60 || context.calendar.isWeekend(intake.admitDay + slot.day)) count++;
  return count / slots.length;
}
