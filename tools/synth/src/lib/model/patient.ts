import type { ReferralSource } from '@iop/contracts';
import { addAppointmentRows } from '../rows/appointment-rows';
import { addAssessmentRows, addDispenseRows, addGoalRows, addMutualHelpRows } from '../rows/clinical-rows';
import { addEpisodeRow, addPatientRow } from '../rows/episode-rows';
import { addScreenRows } from '../rows/screen-rows';
import type { TableRows } from '../rows/tables';
import { bernoulli, exponential, integerBetween, pick, weightedIndex } from '../random/samplers';
import { Rng } from '../random/rng';
import type { GeneratorContext } from './context';
import { simulateCourse, type EpisodeCourse } from './episode';
import { drawAge, drawIntake, drawPriorEpisodes, drawSex, type EpisodeIntake, type PatientProfile } from './intake';
import type { Program } from './network';
import { MAX_EPISODES_PER_PATIENT, READMISSION_GAP_DAYS, READMISSION_PROBABILITY } from './parameters';

/**
 * Generates one patient and their episodes (a first admission, sometimes a readmission or an in-network
 * transfer), appending the rows. Everything comes from the patient's own random stream, so a patient's
 * rows are the same whatever the batch size. Returns the courses (for callers that look at latent values).
 */
export function generatePatient(
  context: GeneratorContext,
  patientIndex: number,
  firstEpisodeId: number,
  maxEpisodes: number,
  rows: TableRows,
): EpisodeCourse[] {
  const rng = Rng.stream(context.seed, 'patient', patientIndex);
  const { calendar, network } = context;
  const programWeights = network.programs.map((program) => program.weight);
  let program = network.programs[weightedIndex(rng, programWeights)];
  let admitDay = drawWeekdayInWindow(rng, context);
  const ageAtFirstAdmission = drawAge(rng);
  const patient: PatientProfile = {
    id: patientIndex + 1,
    key: `SYN${String(patientIndex + 1).padStart(7, '0')}`,
    sex: drawSex(rng),
    birthYear: calendar.year(admitDay) - ageAtFirstAdmission,
    zip3: pick(rng, program.zip3),
  };
  let priorEpisodes = drawPriorEpisodes(rng);
  let previous: EpisodeIntake | null = null;
  let referralOverride: ReferralSource | undefined;
  const courses: EpisodeCourse[] = [];
  for (let episode = 0; episode < Math.min(maxEpisodes, MAX_EPISODES_PER_PATIENT); episode++) {
    const intake = drawIntake(rng, context, {
      id: firstEpisodeId + episode,
      patient,
      program,
      admitDay,
      age: calendar.year(admitDay) - patient.birthYear,
      priorEpisodes,
      previous,
      referralOverride,
    });
    const course = simulateCourse(rng, context, intake);
    if (episode === 0) addPatientRow(intake, rows);
    addEpisodeRow(context, course, rows);
    addAppointmentRows(context, course, rows);
    const mutualHelp = addMutualHelpRows(rng, context, course, rows);
    const screens = addScreenRows(rng, context, course, mutualHelp, rows);
    addGoalRows(rng, context, course, rows);
    addAssessmentRows(rng, context, course, screens, rows);
    addDispenseRows(rng, context, course, rows);
    courses.push(course);

    // A next episode: an in-network transfer a few days later, or a readmission weeks to months later.
    if (course.active || !bernoulli(rng, READMISSION_PROBABILITY[course.exit.reason])) break;
    const transfer = course.exit.reason === 4;
    const gap = transfer
      ? integerBetween(rng, 1, 7)
      : READMISSION_GAP_DAYS.minimum + Math.round(exponential(rng, 1 / READMISSION_GAP_DAYS.meanExtra));
    const nextAdmitDay = calendar.nextWeekday(admitDay + course.exit.lastDay + gap);
    if (nextAdmitDay > context.asOfDay) break;
    program = nextProgram(rng, context, program, transfer);
    admitDay = nextAdmitDay;
    priorEpisodes = Math.min(priorEpisodes + 1, 100);
    previous = intake;
    referralOverride = transfer ? 'outpatient' : undefined;
  }
  return courses;
}

/** A first admission on a weekday of the data window (programs admit Monday to Friday). */
function drawWeekdayInWindow(rng: Rng, context: GeneratorContext): number {
  for (;;) {
    const day = integerBetween(rng, context.windowStartDay, context.asOfDay);
    if (!context.calendar.isWeekend(day)) return day;
  }
}

/** Transfers step between levels of care where the network has both; readmissions mostly return to the same program. */
function nextProgram(rng: Rng, context: GeneratorContext, current: Program, transfer: boolean): Program {
  const programs = context.network.programs;
  if (transfer) {
    const otherLevel = programs.filter((program) => program.levelOfCare !== current.levelOfCare);
    const candidates =
      otherLevel.length > 0 && bernoulli(rng, 0.7)
        ? otherLevel
        : programs.filter((program) => program.id !== current.id);
    return candidates.length > 0
      ? candidates[
          weightedIndex(
            rng,
            candidates.map((program) => program.weight),
          )
        ]
      : current;
  }
  return bernoulli(rng, 0.7)
    ? current
    : programs[
        weightedIndex(
          rng,
          programs.map((program) => program.weight),
        )
      ];
}
