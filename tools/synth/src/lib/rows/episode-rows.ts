import type { GeneratorContext } from '../model/context';
import type { EpisodeCourse } from '../model/episode';
import type { EpisodeIntake } from '../model/intake';
import { ORGANIZATION_ID, SOURCE_SYSTEM, type TableRows } from './tables';

/** What a program's own system would record beside the TEDS code. */
const LOCAL_REASON: Readonly<Record<number, string>> = {
  1: 'Completed program',
  2: 'Left against clinical advice',
  3: 'Administrative discharge',
  4: 'Transferred to another level of care',
  5: 'Incarcerated',
  6: 'Deceased',
  7: 'Moved away / other',
};

export function addPatientRow(intake: EpisodeIntake, rows: TableRows): void {
  const { patient } = intake;
  rows.patients.push([
    patient.id,
    ORGANIZATION_ID,
    patient.key,
    patient.birthYear,
    patient.sex,
    patient.zip3,
    intake.employment,
    SOURCE_SYSTEM,
    `p${patient.id}`,
  ]);
}

export function addEpisodeRow(context: GeneratorContext, course: EpisodeCourse, rows: TableRows): void {
  const { intake } = course;
  const date = (day: number): string => context.calendar.date(day);
  const discharged = !course.active;
  rows.episodes.push([
    intake.id,
    ORGANIZATION_ID,
    intake.program.id,
    intake.patient.id,
    intake.program.levelOfCare,
    date(intake.referralDay),
    intake.referralSource,
    intake.priorDischargeDay === null ? null : date(intake.priorDischargeDay),
    date(intake.admitDay),
    discharged ? date(intake.admitDay + course.exit.lastDay) : null,
    discharged ? course.exit.reason : null,
    discharged ? LOCAL_REASON[course.exit.reason] : null,
    intake.substance,
    intake.oud,
    intake.severity,
    intake.priorEpisodes,
    intake.payer,
    intake.counselorId,
    intake.familyInvolved,
    SOURCE_SYSTEM,
    `e${intake.id}`,
  ]);
}
