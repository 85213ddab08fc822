import type { ScreenAnalyte } from '@iop/contracts';
import type { GeneratorContext } from '../model/context';
import { LANDMARK_DAY } from '../model/course';
import { CANCELLED_BY_PROGRAM, type EpisodeCourse } from '../model/episode';
import { ILLICIT_USE } from '../model/parameters';
import { bernoulli, expit } from '../random/samplers';
import type { Rng } from '../random/rng';
import type { MutualHelpSummary } from './clinical-rows';
import { ORGANIZATION_ID, SOURCE_SYSTEM, type TableRows } from './tables';

/** What the episode's drug screens showed, for the parts of the model that follow them. */
export interface ScreenSummary {
  /** Negative (or positive only for the prescribed medication) / expected screens in the first-28-day window. */
  earlyNegativeRate: number | null;
}

/**
 * Weekly expected drug screens (CTN practice), each collected with the episode's adherence, otherwise
 * recorded as missing; a few unexpected for-cause screens. An illicit-positive screen follows the
 * persistent use propensity, falling with weeks in treatment. Patients on buprenorphine or methadone test
 * positive for it: prescribed, not illicit use.
 */
export function addScreenRows(
  rng: Rng,
  context: GeneratorContext,
  course: EpisodeCourse,
  mutualHelp: MutualHelpSummary,
  rows: TableRows,
): ScreenSummary {
  const { intake, slots, attendance } = course;
  // Claim 9 (planted as none): meetings above the substance's typical rate lower the chance of illicit use.
  const illicitShift = -context.effects.negativeScreenRatePerMeetingPerWeek * mutualHelp.meetingsPerWeekAboveTypical;
  const episodeId = intake.id;
  const windowDays = Math.min(LANDMARK_DAY, course.lastObservedDay + 1);
  let earlyExpected = 0;
  let earlyNegative = 0;
  let number = 0;
  let cursor = 0;
  for (let week = 0; week * 7 <= course.lastObservedDay; week++) {
    // Collected at the week's first session the program held, else mid-week at noon.
    let day = Math.min(week * 7 + 2, course.lastObservedDay);
    let minute = 12 * 60;
    while (cursor < slots.length && (slots[cursor].day < week * 7 || attendance[cursor] === CANCELLED_BY_PROGRAM))
      cursor++;
    const first = slots[cursor];
    if (first && first.day < week * 7 + 7 && first.day <= course.lastObservedDay) {
      day = first.day;
      minute = first.minute + 15;
    }
    const collectedAt = context.calendar.timestamp(intake.program.timeZone, intake.admitDay + day, minute);
    const collected = bernoulli(rng, course.adherence);
    const analytes = collected ? screenAnalytes(rng, course, week, illicitShift) : null;
    const result =
      analytes === null
        ? 'missing'
        : analytes === 'invalid'
          ? 'invalid'
          : analytes.length > 0
            ? 'positive'
            : 'negative';
    const positiveFor = Array.isArray(analytes) ? analytes : [];
    number++;
    rows.drug_screens.push([
      ORGANIZATION_ID,
      episodeId,
      collectedAt,
      true,
      result,
      `{${positiveFor.join(',')}}`,
      SOURCE_SYSTEM,
      `e${episodeId}-s${number}`,
    ]);
    if (day < windowDays) {
      earlyExpected++;
      if (Array.isArray(analytes) && analytes.every((analyte) => isPrescribed(analyte, intake.mat))) earlyNegative++;
    }
    if (bernoulli(rng, ILLICIT_USE.forCauseScreenProbability) && day + 1 <= course.lastObservedDay) {
      const forCause = screenAnalytes(rng, course, week, illicitShift);
      const forCauseAnalytes = Array.isArray(forCause) ? forCause : [];
      number++;
      rows.drug_screens.push([
        ORGANIZATION_ID,
        episodeId,
        context.calendar.timestamp(intake.program.timeZone, intake.admitDay + day + 1, 11 * 60),
        false,
        forCause === 'invalid' ? 'invalid' : forCauseAnalytes.length > 0 ? 'positive' : 'negative',
        `{${forCauseAnalytes.join(',')}}`,
        SOURCE_SYSTEM,
        `e${episodeId}-s${number}`,
      ]);
    }
  }
  return { earlyNegativeRate: earlyExpected > 0 ? earlyNegative / earlyExpected : null };
}

/** The analytes of a collected screen (empty when negative), or 'invalid' (dilute, tampered). */
function screenAnalytes(
  rng: Rng,
  course: EpisodeCourse,
  week: number,
  illicitShift: number,
): ScreenAnalyte[] | 'invalid' {
  if (bernoulli(rng, ILLICIT_USE.invalidProbability)) return 'invalid';
  const { intake } = course;
  const analytes: ScreenAnalyte[] = [];
  const weeksIn = Math.min(week, ILLICIT_USE.weeksOfImprovement);
  if (bernoulli(rng, expit(course.useLogOdds + ILLICIT_USE.perWeekInTreatment * weeksIn) + illicitShift)) {
    analytes.push(primaryAnalyte(rng, intake.substance));
    if (intake.substance !== 'cannabis' && bernoulli(rng, ILLICIT_USE.secondaryCannabisProbability))
      analytes.push('cannabis');
  }
  if (
    (intake.mat === 'buprenorphine' || intake.mat === 'methadone') &&
    bernoulli(rng, ILLICIT_USE.prescribedDetectedProbability)
  ) {
    analytes.push(intake.mat);
  }
  return analytes;
}

function primaryAnalyte(rng: Rng, substance: EpisodeCourse['intake']['substance']): ScreenAnalyte {
  switch (substance) {
    case 'alcohol':
      return 'alcohol';
    case 'opioids':
      return bernoulli(rng, 0.6) ? 'fentanyl' : 'opioids';
    case 'stimulants':
      return 'stimulants';
    case 'cannabis':
      return 'cannabis';
    case 'other':
      return bernoulli(rng, 0.6) ? 'benzodiazepines' : 'other';
  }
}

/** A positive only for the patient's own MAT medication is not illicit use (METRICS.md). */
export function isPrescribed(analyte: ScreenAnalyte, mat: EpisodeCourse['intake']['mat']): boolean {
  return (analyte === 'buprenorphine' && mat === 'buprenorphine') || (analyte === 'methadone' && mat === 'methadone');
}
