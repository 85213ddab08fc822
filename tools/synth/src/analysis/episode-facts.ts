import type { Payer, Sex, Substance } from '@iop/contracts';
import type { DayCalendar } from '../lib/calendar/day-calendar';
import type { TableRows } from '../lib/rows/tables';

/**
 * One row per episode with the facts the metrics and claims need, computed from the generated rows by the
 * definitions of METRICS.md (never from the generator's latent values): the tests check the planted
 * effects through these, as the evidence board will see them.
 */
export interface EpisodeFacts {
  id: number;
  patientId: number;
  programId: number;
  levelOfCare: string;
  admitDate: string;
  reason: number | null;
  active: boolean;
  /** Length of stay in days (to discharge, or to the as-of date when active). */
  los: number;
  age: number;
  ageBand: string;
  sex: Sex;
  substance: Substance;
  oud: boolean;
  severity: number;
  priorEpisodes: number;
  payer: Payer;
  employment: string;
  referralSource: string;
  /** Appointments up to the last day, by status. */
  attended: number;
  noShow: number;
  cancelledByPatient: number;
  cancelledByProgram: number;
  scheduledMinutes: number;
  eveningWeekendScheduled: number;
  telehealth: number;
  appointments: number;
  /** First-28-day window (days 0 .. min(los, 28) - 1). */
  windowDays: number;
  scheduledMinutes28: number;
  individualSessions28: number;
  groupsAttended28: number;
  familyAttended28: boolean;
  screensExpected: number;
  screensMissing: number;
  screensNegative: number;
  screensExpected28: number;
  screensNegative28: number;
  /** Expected screens in the last 28 days and how many were negative. */
  screensExpectedFinal: number;
  screensNegativeFinal: number;
  goalsDue: number;
  goalsMet: number;
  alliance: number | null;
  readinessFirst: number | null;
  readinessLast: number | null;
  readinessCount: number;
  mat: boolean;
  meetingsReported: number;
  meetingsTotal: number;
  chargesCents: number;
}

/**
 * What facts need besides a batch's rows. Program time zones are not needed: the timestamps carry the local
 * time with its offset, so their first ten characters are the local date.
 */
export interface FactsContext {
  calendar: DayCalendar;
  asOf: string;
  /** Patients seen so far (a readmission's patient row came in an earlier batch or this one). */
  patients: Map<number, { birthYear: number; sex: Sex; employment: string }>;
}

export function ageBand(age: number): string {
  if (age < 18) return '13-17';
  if (age < 26) return '18-25';
  if (age < 35) return '26-34';
  if (age < 45) return '35-44';
  if (age < 55) return '45-54';
  return '55+';
}

/** Adds the facts of a batch's episodes to `facts` (patients are remembered across batches for readmissions). */
export function addEpisodeFacts(rows: TableRows, context: FactsContext, facts: Map<number, EpisodeFacts>): void {
  const { calendar } = context;
  const asOfDay = calendar.dayOf(context.asOf);
  for (const [id, , , birthYear, sex, , employment] of rows.patients)
    context.patients.set(id, { birthYear, sex, employment });
  const admitDayOf = new Map<number, number>();
  for (const row of rows.episodes) {
    const [id, , programId, patientId, levelOfCare, , referralSource, , admitDate, dischargeDate, reason] = row;
    const patient = context.patients.get(patientId);
    if (!patient) throw new Error(`episode ${id}: patient ${patientId} has no row before it`);
    const admitDay = calendar.dayOf(admitDate);
    admitDayOf.set(id, admitDay);
    const lastDay = dischargeDate === null ? asOfDay : calendar.dayOf(dischargeDate);
    const age = calendar.year(admitDay) - patient.birthYear;
    const los = lastDay - admitDay + 1;
    facts.set(id, {
      id,
      patientId,
      programId,
      levelOfCare,
      admitDate,
      reason,
      active: dischargeDate === null,
      los,
      age,
      ageBand: ageBand(age),
      sex: patient.sex,
      substance: row[12],
      oud: row[13],
      severity: row[14],
      priorEpisodes: row[15],
      payer: row[16],
      employment: patient.employment,
      referralSource,
      attended: 0,
      noShow: 0,
      cancelledByPatient: 0,
      cancelledByProgram: 0,
      scheduledMinutes: 0,
      eveningWeekendScheduled: 0,
      telehealth: 0,
      appointments: 0,
      windowDays: Math.min(28, los),
      scheduledMinutes28: 0,
      individualSessions28: 0,
      groupsAttended28: 0,
      familyAttended28: false,
      screensExpected: 0,
      screensMissing: 0,
      screensNegative: 0,
      screensExpected28: 0,
      screensNegative28: 0,
      screensExpectedFinal: 0,
      screensNegativeFinal: 0,
      goalsDue: 0,
      goalsMet: 0,
      alliance: null,
      readinessFirst: null,
      readinessLast: null,
      readinessCount: 0,
      mat: false,
      meetingsReported: 0,
      meetingsTotal: 0,
      chargesCents: 0,
    });
  }
  const dayOf = (episodeId: number, timestamp: string): number =>
    calendar.dayOf(timestamp.slice(0, 10)) - (admitDayOf.get(episodeId) ?? NaN);
  const episodeOf = (episodeId: number): EpisodeFacts => {
    const fact = facts.get(episodeId);
    if (!fact) throw new Error(`rows of episode ${episodeId} before its episode row`);
    return fact;
  };

  for (const [, episodeId, type, start, duration, modality, status] of rows.appointments) {
    const fact = episodeOf(episodeId);
    const day = dayOf(episodeId, start);
    if (day >= fact.los) continue; // booked after the as-of date
    fact.appointments++;
    if (modality === 'telehealth') fact.telehealth++;
    if (status === 'attended') fact.attended++;
    else if (status === 'no_show') fact.noShow++;
    else if (status === 'cancelled_patient') fact.cancelledByPatient++;
    else if (status === 'cancelled_program') fact.cancelledByProgram++;
    if (status === 'cancelled_program') continue;
    fact.scheduledMinutes += duration;
    const hour = Number(start.slice(11, 13));
    if (hour >= 17 || calendar.isWeekend(calendar.dayOf(start.slice(0, 10)))) fact.eveningWeekendScheduled++;
    if (day < fact.windowDays) {
      fact.scheduledMinutes28 += duration;
      if (type === 'individual') fact.individualSessions28++;
    }
    if (day < 28 && status === 'attended') {
      if (type === 'group') fact.groupsAttended28++;
      if (type === 'family') fact.familyAttended28 = true;
    }
  }
  const matOf = new Map<number, string>();
  for (const [, episodeId, medication] of rows.medication_dispenses) {
    episodeOf(episodeId).mat = true;
    matOf.set(episodeId, medication);
  }
  for (const [, episodeId, collectedAt, expected, result, positiveFor] of rows.drug_screens) {
    if (!expected) continue;
    const fact = episodeOf(episodeId);
    const day = dayOf(episodeId, collectedAt);
    const medication = matOf.get(episodeId);
    const analytes = positiveFor.slice(1, -1).split(',').filter(Boolean);
    // METRICS.md: missing counts as positive; a positive only for the prescribed medication is not illicit use.
    const negative =
      result === 'negative' || (result === 'positive' && analytes.every((analyte) => analyte === medication));
    fact.screensExpected++;
    if (result === 'missing') fact.screensMissing++;
    if (negative) fact.screensNegative++;
    if (day < fact.windowDays) {
      fact.screensExpected28++;
      if (negative) fact.screensNegative28++;
    }
    if (day > fact.los - 1 - 28) {
      fact.screensExpectedFinal++;
      if (negative) fact.screensNegativeFinal++;
    }
  }
  for (const [, episodeId, , dueOn, status] of rows.plan_goals) {
    const fact = episodeOf(episodeId);
    if (status === 'dropped' || dueOn > context.asOf) continue;
    fact.goalsDue++;
    if (status === 'met') fact.goalsMet++;
  }
  for (const [, episodeId, instrument, administeredAt, total] of rows.assessments) {
    const fact = episodeOf(episodeId);
    if (instrument === 'wai_sr') {
      if (fact.alliance === null && dayOf(episodeId, administeredAt) > 14) fact.alliance = total;
    } else if (instrument === 'readiness_ruler') {
      if (fact.readinessFirst === null) fact.readinessFirst = total;
      fact.readinessLast = total;
      fact.readinessCount++;
    }
  }
  for (const [, episodeId, , meetings] of rows.mutual_help) {
    const fact = episodeOf(episodeId);
    fact.meetingsReported++;
    fact.meetingsTotal += meetings;
  }
  for (const [, episodeId, , , amountCents] of rows.charges) episodeOf(episodeId).chargesCents += amountCents;
}

/** The METRICS.md compliance components and score of an episode (null where undefined). */
export function compliance(fact: EpisodeFacts): {
  attendance: number | null;
  screens: number | null;
  goals: number | null;
  score: number | null;
} {
  const attendanceDenominator = fact.attended + fact.noShow + fact.cancelledByPatient;
  const attendance = attendanceDenominator > 0 ? fact.attended / attendanceDenominator : null;
  const screens = fact.screensExpected > 0 ? (fact.screensExpected - fact.screensMissing) / fact.screensExpected : null;
  const goals = fact.goalsDue > 0 ? fact.goalsMet / fact.goalsDue : null;
  const defined = [attendance, screens, goals].filter((value): value is number => value !== null);
  return {
    attendance,
    screens,
    goals,
    score: defined.length > 0 ? defined.reduce((a, b) => a + b, 0) / defined.length : null,
  };
}

export const weeksInTreatment = (fact: EpisodeFacts): number => fact.los / 7;
export const scheduledHoursPerWeek28 = (fact: EpisodeFacts): number =>
  fact.scheduledMinutes28 / 60 / (fact.windowDays / 7);
export const individualPerWeek28 = (fact: EpisodeFacts): number => fact.individualSessions28 / (fact.windowDays / 7);
