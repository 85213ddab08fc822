import type { GoalStatus, Medication } from '@iop/contracts';
import { CONTINUING_MEDICATION_DAYS, type GeneratorContext } from '../model/context';
import type { EpisodeCourse } from '../model/episode';
import { MEETINGS, MEETINGS_PER_WEEK, READINESS } from '../model/parameters';
import { bernoulli, clamp, integerBetween, negativeBinomial, normal } from '../random/samplers';
import type { Rng } from '../random/rng';
import type { ScreenSummary } from './screen-rows';
import { ORGANIZATION_ID, SOURCE_SYSTEM, type TableRows } from './tables';

/**
 * Treatment-plan goals: a few at admission, one more every four weeks in treatment. A goal due while the
 * patient is in treatment is met with the episode's adherence (so goal attainment has the same expectation
 * as attendance and screen adherence); goals not yet due at discharge are closed as dropped, and those of
 * active episodes due after the as-of date are in progress.
 */
export function addGoalRows(rng: Rng, context: GeneratorContext, course: EpisodeCourse, rows: TableRows): void {
  const { intake } = course;
  const created: Array<[createdDay: number, dueDay: number]> = [];
  const initial = intake.program.levelOfCare === '2.1' ? 3 : 2 + (bernoulli(rng, 0.5) ? 1 : 0);
  for (let goal = 0; goal < initial; goal++) {
    const createdDay = Math.min(integerBetween(rng, 0, 6), course.lastObservedDay);
    created.push([createdDay, createdDay + integerBetween(rng, 14, 56)]);
  }
  for (let day = 28; day <= course.lastObservedDay; day += 28) created.push([day, day + integerBetween(rng, 21, 42)]);
  created.forEach(([createdDay, dueDay], index) => {
    let status: GoalStatus;
    if (bernoulli(rng, 0.05)) status = 'dropped';
    else if (dueDay <= course.lastObservedDay) status = bernoulli(rng, course.adherence) ? 'met' : 'not_met';
    else status = course.active ? 'in_progress' : 'dropped';
    rows.plan_goals.push([
      ORGANIZATION_ID,
      intake.id,
      context.calendar.date(intake.admitDay + createdDay),
      context.calendar.date(intake.admitDay + dueDay),
      status,
      SOURCE_SYSTEM,
      `e${intake.id}-g${index + 1}`,
    ]);
  });
}

/**
 * WAI-SR (first on days 21-25, then about every four weeks) and the readiness ruler (at admission, then
 * about every four weeks). Readiness changes by an amount drawn from severity; claim 8's planted effect of
 * the early negative-screen rate on that change is read from the ground truth (planted as none).
 */
export function addAssessmentRows(
  rng: Rng,
  context: GeneratorContext,
  course: EpisodeCourse,
  screens: ScreenSummary,
  rows: TableRows,
): void {
  const { intake } = course;
  const severityLevel = intake.severity - 2;
  let number = 0;
  const push = (
    instrument: 'wai_sr' | 'readiness_ruler',
    day: number,
    total: number,
    subscales: string | null,
  ): void => {
    number++;
    rows.assessments.push([
      ORGANIZATION_ID,
      intake.id,
      instrument,
      context.calendar.timestamp(intake.program.timeZone, intake.admitDay + day, 13 * 60 + 30),
      total,
      subscales,
      SOURCE_SYSTEM,
      `e${intake.id}-r${number}`,
    ]);
  };
  const admissionReadiness = normal(rng, READINESS.admissionMean - 0.4 * severityLevel, READINESS.admissionSd);
  const change =
    READINESS.changeMean +
    context.severity.effects.readinessChangeShiftPerLevel * severityLevel +
    context.effects.readinessChangePerEarlyNegativeRate * ((screens.earlyNegativeRate ?? 0.5) - 0.5) +
    normal(rng, 0, READINESS.changeSd);
  const ruler = (value: number): number => clamp(Math.round(value), 0, 10);
  if (bernoulli(rng, 0.97)) push('readiness_ruler', 0, ruler(admissionReadiness), null);
  for (let day = 28; day <= course.lastObservedDay; day += 28) {
    const administered = day + integerBetween(rng, 0, 3);
    const given = bernoulli(rng, 0.85);
    const value = ruler(admissionReadiness + change + normal(rng, 0, READINESS.repeatSd));
    if (given && administered <= course.lastObservedDay) push('readiness_ruler', administered, value, null);
  }
  if (course.allianceDay !== null && course.allianceDay <= course.lastObservedDay) {
    push('wai_sr', course.allianceDay, course.alliance, allianceSubscales(rng, course.alliance));
    for (let day = course.allianceDay + 28; day <= course.lastObservedDay; day += 28) {
      const later = clamp(Math.round(course.alliance + normal(rng, 1.5, 3)), 12, 60);
      if (bernoulli(rng, 0.8)) push('wai_sr', day, later, allianceSubscales(rng, later));
    }
  }
}

/** Splits a WAI-SR total (12-60) into Task, Bond and Goal subscales of 4-20 each that add up to it. */
function allianceSubscales(rng: Rng, total: number): string {
  const third = total / 3;
  // Task leaves room for Bond and Goal within 4-20 each.
  const task = clamp(Math.round(third + normal(rng, 0, 1)), Math.max(4, total - 40), Math.min(20, total - 8));
  const bond = clamp(
    Math.round(third + normal(rng, 0, 1)),
    Math.max(4, total - task - 20),
    Math.min(20, total - task - 4),
  );
  return JSON.stringify({ task, bond, goal: total - task - bond });
}

/**
 * Medication dispenses. MAT for OUD starts on the admission day: buprenorphine weekly for four weeks then
 * every two to four, methadone as weekly take-homes, extended-release naltrexone every 28 days; a refill is
 * sometimes late. After a completed or transferred episode the prescriber often continues (up to 180 days
 * from the start, as the POD measure needs). Medication for alcohol use disorder: 30-day fills.
 */
export function addDispenseRows(rng: Rng, context: GeneratorContext, course: EpisodeCourse, rows: TableRows): void {
  const { intake } = course;
  const medication: Medication | null = intake.mat ?? intake.audMedication;
  if (medication === null) return;
  const continues =
    intake.mat !== null &&
    !course.active &&
    (course.exit.reason === 1 || course.exit.reason === 4) &&
    bernoulli(rng, 0.6);
  const lastDay = Math.min(continues ? CONTINUING_MEDICATION_DAYS - 1 : course.lastObservedDay, course.asOfDay);
  let day = 0;
  for (let fill = 0; day <= lastDay; fill++) {
    const supply =
      medication === 'buprenorphine'
        ? fill < 4
          ? 7
          : fill < 6
            ? 14
            : 28
        : medication === 'methadone'
          ? 7
          : medication === 'naltrexone_xr'
            ? 28
            : 30;
    rows.medication_dispenses.push([
      ORGANIZATION_ID,
      intake.id,
      medication,
      context.calendar.date(intake.admitDay + day),
      supply,
      SOURCE_SYSTEM,
      `e${intake.id}-m${fill + 1}`,
    ]);
    day += supply + (bernoulli(rng, 0.15) ? integerBetween(rng, 1, 10) : 0);
  }
}

/**
 * Weekly self-reported mutual-help (12-step) meetings. The rate depends on the primary substance and prior
 * treatment only; the screens read the rate through claim 9's planted effect (none).
 */
export function addMutualHelpRows(
  rng: Rng,
  context: GeneratorContext,
  course: EpisodeCourse,
  rows: TableRows,
): MutualHelpSummary {
  const { intake } = course;
  const rate =
    MEETINGS_PER_WEEK[intake.substance] *
    Math.exp(
      MEETINGS.perPriorEpisodeLogShift * Math.min(intake.priorEpisodes, 3) + normal(rng, 0, MEETINGS.personSdLog),
    );
  let number = 0;
  for (let week = 0; week * 7 <= course.lastObservedDay; week++) {
    const meetings = Math.min(50, negativeBinomial(rng, rate, MEETINGS.dispersion));
    if (!bernoulli(rng, MEETINGS.reportProbability)) continue;
    number++;
    rows.mutual_help.push([
      ORGANIZATION_ID,
      intake.id,
      context.calendar.date(intake.admitDay + week * 7),
      meetings,
      SOURCE_SYSTEM,
      `e${intake.id}-h${number}`,
    ]);
  }
  return { meetingsPerWeekAboveTypical: rate - MEETINGS_PER_WEEK[intake.substance] };
}

export interface MutualHelpSummary {
  /** The patient's meeting rate minus the typical rate of the primary substance. */
  meetingsPerWeekAboveTypical: number;
}
