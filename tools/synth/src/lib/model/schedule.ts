import type { SessionType } from '@iop/contracts';
import type { DayCalendar, MinuteOfDay } from '../calendar/day-calendar';
import type { SeverityEffects } from '../ground-truth';
import { bernoulli, categorical, pick, weightedIndex } from '../random/samplers';
import type { Rng } from '../random/rng';
import type { EpisodeIntake } from './intake';
import { EVENING_TRACK_PROBABILITY, PROGRAM_CANCELLATION_PROBABILITY, TELEHEALTH_PROBABILITY } from './parameters';

/** One planned appointment of an episode, before the patient's attendance is known. */
export interface Slot {
  /** Days since admission. */
  day: number;
  minute: MinuteOfDay;
  type: SessionType;
  durationMin: number;
  staffId: number;
  telehealth: boolean;
  programCancelled: boolean;
}

type Track = 'morning' | 'evening';
const MONDAY = 1;
const TUESDAY = 2;
const WEDNESDAY = 3;
const THURSDAY = 4;
const FRIDAY = 5;
const SATURDAY = 6;
const at = (hour: number, minute = 0): MinuteOfDay => hour * 60 + minute;

/** The weekly pattern of an episode's plan. Biweekly items happen in weeks of the given parity. */
interface WeeklyPlan {
  track: Track;
  group: { weekdays: number[]; minute: (weekday: number) => MinuteOfDay; durationMin: number } | null;
  individual: { weekdays: number[]; everyOtherWeek: boolean; minute: MinuteOfDay; staffId: number };
  caseManagement: { weekday: number; minute: MinuteOfDay; everyWeeks: number };
  family: { weekday: number; minute: MinuteOfDay; staffId: number } | null;
  medication: { weekday: number; minute: MinuteOfDay; staffId: number } | null;
}

/**
 * The plan of an IOP (level 2.1) or standard outpatient (level 1) episode. IOP: groups of 3 hours on 3-5
 * days a week (the number of days falls with severity, the planted confounder), individual sessions
 * every other week to twice a week, case management, family sessions every other week when family is
 * involved, medication visits on MAT: 9-19 scheduled hours a week (ASAM 2.1). Level 1: a weekly 90-minute
 * group for most and individual sessions, under 9 hours. An evening track holds every session in the
 * evening or on Saturday, a day track none: the track never changes the number or length of sessions, so
 * the evening/weekend share (claim 5) is independent of the contact hours (claim 1).
 */
function planWeek(rng: Rng, intake: EpisodeIntake, severity: SeverityEffects): WeeklyPlan {
  const { program } = intake;
  const iop = program.levelOfCare === '2.1';
  const worksOrStudies = intake.employment === 'employed' || intake.employment === 'student';
  const eveningProbability = worksOrStudies
    ? EVENING_TRACK_PROBABILITY.employedOrStudent
    : EVENING_TRACK_PROBABILITY.other;
  const track: Track = bernoulli(rng, eveningProbability) ? 'evening' : 'morning';
  const level = String(intake.severity) as '1' | '2' | '3';
  let group: WeeklyPlan['group'];
  if (iop) {
    const days = 3 + weightedIndex(rng, severity.iopGroupDaysWeights[level]);
    const weekdays = track === 'morning' ? morningGroupDays(days) : eveningGroupDays(rng, days);
    group = {
      weekdays,
      minute: (weekday) => (weekday === SATURDAY ? at(10) : track === 'evening' ? at(18) : at(9)),
      durationMin: 180,
    };
  } else {
    const weekday = pick(rng, [TUESDAY, WEDNESDAY, THURSDAY]);
    group = bernoulli(rng, severity.outpatientGroupProbability[level])
      ? { weekdays: [weekday], minute: () => (track === 'evening' ? at(18) : at(14)), durationMin: 90 }
      : null;
  }
  const perWeek = iop
    ? categorical(rng, { half: 25, one: 55, two: 20 })
    : categorical(rng, { half: 35, one: 65, two: 0 });
  const individualDays =
    perWeek === 'two' ? [TUESDAY, THURSDAY] : [pick(rng, [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY])];
  const evening = track === 'evening';
  const individualMinute = evening ? at(17) : iop ? at(13) : pick(rng, [at(10), at(13), at(15)]);
  const individualStaff = bernoulli(rng, 0.7) ? intake.counselorId : pick(rng, program.therapists);
  const familyScheduled = intake.familyInvolved && bernoulli(rng, 0.9);
  const onMedication = intake.mat !== null || intake.audMedication !== null;
  const familyOnSaturday = evening && bernoulli(rng, 0.3);
  return {
    track,
    group,
    individual: {
      weekdays: individualDays,
      everyOtherWeek: perWeek === 'half',
      minute: individualMinute,
      staffId: individualStaff,
    },
    caseManagement: {
      weekday: pick(rng, [MONDAY, WEDNESDAY, FRIDAY]),
      minute: evening ? at(17, 30) : at(12),
      everyWeeks: iop ? 2 : 4,
    },
    family: familyScheduled
      ? {
          weekday: familyOnSaturday ? SATURDAY : THURSDAY,
          minute: familyOnSaturday ? at(11) : evening ? at(17, 30) : at(13),
          staffId: pick(rng, program.therapists),
        }
      : null,
    medication: onMedication
      ? {
          weekday: pick(rng, [MONDAY, TUESDAY, FRIDAY]),
          minute: evening ? at(17) : at(8),
          staffId: pick(rng, program.prescribers),
        }
      : null,
  };
}

function morningGroupDays(days: number): number[] {
  if (days === 3) return [MONDAY, WEDNESDAY, FRIDAY];
  if (days === 4) return [MONDAY, TUESDAY, WEDNESDAY, THURSDAY];
  return [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY];
}

/** Evening tracks meet Monday-Thursday evenings and Saturday mornings. */
function eveningGroupDays(rng: Rng, days: number): number[] {
  const withSaturday = bernoulli(rng, 0.4);
  if (days === 3) return withSaturday ? [TUESDAY, THURSDAY, SATURDAY] : [MONDAY, TUESDAY, THURSDAY];
  if (days === 4) return withSaturday ? [MONDAY, TUESDAY, THURSDAY, SATURDAY] : [MONDAY, TUESDAY, WEDNESDAY, THURSDAY];
  return [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, SATURDAY];
}

/**
 * Every planned appointment of the episode on days 0 .. horizon-1 (the plan as it would run to
 * completion; the course of the episode decides later how much of it happens). Day 0 has the intake
 * (case management, 60 minutes) and, on MAT, the induction visit.
 */
export function planSlots(
  rng: Rng,
  intake: EpisodeIntake,
  calendar: DayCalendar,
  severity: SeverityEffects,
  horizon: number,
): Slot[] {
  const plan = planWeek(rng, intake, severity);
  const slots: Slot[] = [];
  const add = (day: number, type: SessionType, minute: MinuteOfDay, durationMin: number, staffId: number): void => {
    slots.push({
      day,
      minute,
      type,
      durationMin,
      staffId,
      telehealth: bernoulli(rng, TELEHEALTH_PROBABILITY[type]),
      programCancelled: day > 0 && bernoulli(rng, PROGRAM_CANCELLATION_PROBABILITY),
    });
  };
  const { group, individual, caseManagement, family, medication } = plan;
  const evening = plan.track === 'evening';
  // Family sessions every other week from the first family weekday on or after day 3.
  const firstFamilyDay = family ? 3 + ((family.weekday - calendar.weekday(intake.admitDay + 3) + 7) % 7) : Infinity;
  for (let day = 0; day < horizon; day++) {
    const weekday = calendar.weekday(intake.admitDay + day);
    const week = Math.floor(day / 7);
    if (day === 0) {
      // The admission day is for the intake assessment (and the MAT induction); sessions start the next day.
      add(0, 'case_management', evening ? at(17) : at(10), 60, intake.counselorId);
      if (medication) add(0, 'mat', evening ? at(18, 30) : at(11, 30), 30, medication.staffId);
      continue;
    }
    if (medication && weekday === medication.weekday && (week < 4 || week % 2 === 0))
      add(day, 'mat', medication.minute, 30, medication.staffId);
    if (weekday === caseManagement.weekday && week % caseManagement.everyWeeks === 1)
      add(day, 'case_management', caseManagement.minute, 30, intake.counselorId);
    if (family && day >= firstFamilyDay && (day - firstFamilyDay) % 14 === 0)
      add(day, 'family', family.minute, 60, family.staffId);
    if (individual.weekdays.includes(weekday) && (!individual.everyOtherWeek || week % 2 === 0)) {
      add(day, 'individual', individual.minute, 60, individual.staffId);
    }
    if (group && group.weekdays.includes(weekday)) {
      const counselors = intake.program.counselors;
      add(
        day,
        'group',
        group.minute(weekday),
        group.durationMin,
        counselors[(weekday + (evening ? 3 : 0)) % counselors.length],
      );
    }
  }
  slots.sort((a, b) => a.day - b.day || a.minute - b.minute);
  return slots;
}
