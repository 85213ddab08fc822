import { TZDate } from '@date-fns/tz';
import type { AppointmentStatus, GoalStatus, Medication } from '@iop/contracts';
import { parseISO } from 'date-fns';
import type {
  AppointmentRecord,
  AssessmentRecord,
  ChargeRecord,
  DrugScreenRecord,
  MedicationDispenseRecord,
  MutualHelpRecord,
  PlanGoalRecord,
} from './contract-rows';
import {
  concept,
  episodeExtension,
  EXTENSION,
  reference,
  SNOMED_NEGATIVE,
  SNOMED_POSITIVE,
  SYSTEM,
  type CodeableConcept,
  type FhirResource,
} from './fhir-codes';

/** Appointments, observations, dispenses, goals and charges as FHIR R4 resources (docs/DATA-IMPORT.md). */

/** What a row's resource needs of its episode beyond its id: the patient, and the program's time zone. */
export interface EpisodeContext {
  patientSourceId: string;
  timeZone: string;
}

const APPOINTMENT_STATUS: Readonly<Record<AppointmentStatus, string>> = {
  attended: 'fulfilled',
  no_show: 'noshow',
  cancelled_patient: 'cancelled',
  cancelled_program: 'cancelled',
  scheduled: 'booked',
};

/** The instant `minutes` after `start`, with the offset of the program's time zone at that instant. */
export function instantAfter(start: string, minutes: number, timeZone: string): string {
  return new TZDate(parseISO(start).getTime() + minutes * 60_000, timeZone).toISOString();
}

/**
 * instantAfter, remembered: a time-zone offset costs tens of microseconds (Intl), and the starts of a network's
 * appointments repeat (a program's sessions are at the same hours). Forgets everything past `limit` entries.
 */
export function cachedInstantAfter(limit = 500_000): typeof instantAfter {
  const cache = new Map<string, string>();
  return (start, minutes, timeZone) => {
    const key = `${start} ${minutes} ${timeZone}`;
    let end = cache.get(key);
    if (end === undefined) {
      if (cache.size >= limit) cache.clear();
      end = instantAfter(start, minutes, timeZone);
      cache.set(key, end);
    }
    return end;
  };
}

export function appointmentResource(
  appointment: AppointmentRecord,
  episode: EpisodeContext,
  endOf: typeof instantAfter = instantAfter,
): FhirResource {
  const participant: unknown[] = [{ actor: reference('Patient', episode.patientSourceId), status: 'accepted' }];
  if (appointment.staff_source_id !== null) {
    participant.push({ actor: reference('Practitioner', appointment.staff_source_id), status: 'accepted' });
  }
  return {
    resourceType: 'Appointment',
    id: appointment.source_id,
    extension: [
      episodeExtension(appointment.episode_source_id),
      { url: EXTENSION.modality, valueCode: appointment.modality },
    ],
    status: APPOINTMENT_STATUS[appointment.status],
    ...(appointment.status === 'cancelled_patient' || appointment.status === 'cancelled_program'
      ? {
          cancelationReason: concept(
            SYSTEM.cancellationReason,
            appointment.status === 'cancelled_patient' ? 'pat' : 'prov',
            appointment.status === 'cancelled_patient' ? 'Patient' : 'Provider',
          ),
        }
      : {}),
    serviceType: [concept(SYSTEM.sessionType, appointment.session_type)],
    start: appointment.scheduled_start,
    // R4 wants an end beside the start of a booked or fulfilled appointment; minutesDuration is what is read.
    end: endOf(appointment.scheduled_start, appointment.duration_min, episode.timeZone),
    minutesDuration: appointment.duration_min,
    participant,
  };
}

const category = (code: string): CodeableConcept[] => [concept(SYSTEM.observationCategory, code)];

/**
 * A drug screen as one panel Observation: positive with a component per analyte, negative, `invalid` as the
 * data-absent reason `error`, `missing` as `not-performed` (a screen that was due and not collected).
 */
export function drugScreenResource(screen: DrugScreenRecord, episode: EpisodeContext): FhirResource {
  const result: Record<string, unknown> =
    screen.result === 'positive'
      ? {
          valueCodeableConcept: concept(SYSTEM.snomed, SNOMED_POSITIVE.code, SNOMED_POSITIVE.display),
          component: screen.positive_for.map((analyte) => ({
            code: concept(SYSTEM.drugScreen, analyte),
            valueCodeableConcept: concept(SYSTEM.snomed, SNOMED_POSITIVE.code, SNOMED_POSITIVE.display),
          })),
        }
      : screen.result === 'negative'
        ? { valueCodeableConcept: concept(SYSTEM.snomed, SNOMED_NEGATIVE.code, SNOMED_NEGATIVE.display) }
        : {
            dataAbsentReason: concept(SYSTEM.dataAbsentReason, screen.result === 'invalid' ? 'error' : 'not-performed'),
          };
  return {
    resourceType: 'Observation',
    id: screen.source_id,
    extension: [
      episodeExtension(screen.episode_source_id),
      { url: EXTENSION.screenExpected, valueBoolean: screen.expected },
    ],
    status: 'final',
    category: category('laboratory'),
    code: { ...concept(SYSTEM.drugScreen, 'panel'), text: 'Urine drug screen' },
    subject: reference('Patient', episode.patientSourceId),
    effectiveDateTime: screen.collected_at,
    ...result,
  };
}

export function assessmentResource(assessment: AssessmentRecord, episode: EpisodeContext): FhirResource {
  return {
    resourceType: 'Observation',
    id: assessment.source_id,
    extension: [episodeExtension(assessment.episode_source_id)],
    status: 'final',
    category: category('survey'),
    code: concept(SYSTEM.instrument, assessment.instrument),
    subject: reference('Patient', episode.patientSourceId),
    effectiveDateTime: assessment.administered_at,
    ...(Number.isInteger(assessment.total)
      ? { valueInteger: assessment.total }
      : { valueQuantity: { value: assessment.total } }),
  };
}

export function mutualHelpResource(week: MutualHelpRecord, episode: EpisodeContext): FhirResource {
  return {
    resourceType: 'Observation',
    id: week.source_id,
    extension: [episodeExtension(week.episode_source_id)],
    status: 'final',
    category: category('social-history'),
    code: { ...concept(SYSTEM.mutualHelp, 'meetings'), text: 'Mutual-help meetings attended in the week' },
    subject: reference('Patient', episode.patientSourceId),
    effectiveDateTime: week.week_start,
    valueInteger: week.meetings,
  };
}

const MEDICATION_NAME: Readonly<Record<Medication, string>> = {
  buprenorphine: 'Buprenorphine',
  methadone: 'Methadone',
  naltrexone_oral: 'Naltrexone (oral)',
  naltrexone_xr: 'Naltrexone extended-release injectable',
  acamprosate: 'Acamprosate',
  disulfiram: 'Disulfiram',
};

export function medicationDispenseResource(dispense: MedicationDispenseRecord, episode: EpisodeContext): FhirResource {
  const name = MEDICATION_NAME[dispense.medication];
  return {
    resourceType: 'MedicationDispense',
    id: dispense.source_id,
    extension: [episodeExtension(dispense.episode_source_id)],
    status: 'completed',
    medicationCodeableConcept: { ...concept(SYSTEM.medication, dispense.medication, name), text: name },
    subject: reference('Patient', episode.patientSourceId),
    context: reference('EpisodeOfCare', dispense.episode_source_id),
    daysSupply: { value: dispense.days_supply, unit: 'day', system: SYSTEM.ucum, code: 'd' },
    whenHandedOver: dispense.dispensed_on,
  };
}

const GOAL_ACHIEVEMENT = 'http://terminology.hl7.org/CodeSystem/goal-achievement';
const GOAL_STATE: Readonly<Record<GoalStatus, { lifecycleStatus: string; achievement: string | null }>> = {
  met: { lifecycleStatus: 'completed', achievement: 'achieved' },
  not_met: { lifecycleStatus: 'completed', achievement: 'not-achieved' },
  dropped: { lifecycleStatus: 'cancelled', achievement: null },
  in_progress: { lifecycleStatus: 'active', achievement: 'in-progress' },
};

export function planGoalResource(goal: PlanGoalRecord, episode: EpisodeContext): FhirResource {
  const state = GOAL_STATE[goal.status];
  return {
    resourceType: 'Goal',
    id: goal.source_id,
    extension: [episodeExtension(goal.episode_source_id)],
    lifecycleStatus: state.lifecycleStatus,
    ...(state.achievement === null ? {} : { achievementStatus: concept(GOAL_ACHIEVEMENT, state.achievement) }),
    description: { text: 'Treatment plan goal' },
    subject: reference('Patient', episode.patientSourceId),
    startDate: goal.created_on,
    target: [{ dueDate: goal.due_on }],
  };
}

/** CPT codes are five digits (90847); HCPCS level II codes a letter and four digits (H0015). */
const chargeCodeSystem = (code: string): string => (/^\d{5}$/.test(code) ? SYSTEM.cpt : SYSTEM.hcpcs);

export function chargeItemResource(charge: ChargeRecord, episode: EpisodeContext): FhirResource {
  return {
    resourceType: 'ChargeItem',
    id: charge.source_id,
    extension: [episodeExtension(charge.episode_source_id), { url: EXTENSION.payer, valueCode: charge.payer }],
    status: 'billable',
    code: concept(chargeCodeSystem(charge.code), charge.code),
    subject: reference('Patient', episode.patientSourceId),
    context: reference('EpisodeOfCare', charge.episode_source_id),
    occurrenceDateTime: charge.service_date,
    // cents / 100 is the double nearest the two-decimal amount, which JSON writes (and a reader reads) as that decimal.
    priceOverride: { value: charge.amount_cents / 100, currency: 'USD' },
  };
}
