import type { ImportEntity } from '@iop/contracts';
import { EXTENSION, SYSTEM, type FhirResource } from '../fhir-codes';

/**
 * Test support: reads the exporter's FHIR resources back into CSV-contract rows (cells as text, absent = ''),
 * following the documented encoding rules (docs/DATA-IMPORT.md) for what the exporter writes, so that a test
 * can require both forms of the export to carry the same rows. Not the import's reader (libs/import): a
 * second, independent reading of the same rules.
 */

export type ContractRow = Record<string, string>;

/** The value at a dotted path (`code.coding.0.code`), or undefined. */
export function at(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

const text = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';

const list = (value: unknown): unknown[] => (Array.isArray(value) ? (value as unknown[]) : []);

/** The id part of a `Type/id` reference. */
const referenced = (value: unknown): string => text(at(value, 'reference')).replace(/^[A-Za-z]+\//, '');

/** The value[x] of an extension, as text. */
function extension(resource: FhirResource, url: string): string {
  const found = list(resource['extension']).find((candidate) => at(candidate, 'url') === url);
  if (found === undefined) return '';
  for (const key of ['valueString', 'valueInteger', 'valueBoolean', 'valueCode', 'valueDate']) {
    const value = at(found, key);
    if (value !== undefined) return text(value);
  }
  return referenced(at(found, 'valueReference'));
}

/** The code of the first coding of a concept in a system. */
function codeIn(concept: unknown, system: string): string {
  return text(
    at(
      list(at(concept, 'coding')).find((coding) => at(coding, 'system') === system),
      'code',
    ),
  );
}

const SUBSTANCE_BY_PREFIX: Readonly<Record<string, string>> = {
  F10: 'alcohol',
  F11: 'opioids',
  F12: 'cannabis',
  F14: 'stimulants',
  F15: 'stimulants',
};

const APPOINTMENT_STATUS: Readonly<Record<string, string>> = {
  fulfilled: 'attended',
  'checked-in': 'attended',
  arrived: 'attended',
  noshow: 'no_show',
  booked: 'scheduled',
  pending: 'scheduled',
  proposed: 'scheduled',
};

/** Every resource of the export, by type, read back into rows per entity. */
export function readBack(resources: ReadonlyMap<string, readonly FhirResource[]>): Record<ImportEntity, ContractRow[]> {
  const of = (type: string): readonly FhirResource[] => resources.get(type) ?? [];
  const conditions = new Map(of('Condition').map((condition) => [condition.id, condition]));
  const referrals = new Map(of('ServiceRequest').map((request) => [request.id, request]));
  const roles = new Map(of('PractitionerRole').map((role) => [referenced(role['practitioner']), role]));
  const observations = of('Observation');
  const observationsIn = (system: string): FhirResource[] =>
    observations.filter((observation) => codeIn(observation['code'], system) !== '');
  return {
    programs: of('Organization').map((organization) => ({
      source_id: organization.id,
      name: text(organization['name']),
      level_of_care: extension(organization, EXTENSION.asamLevel),
      asam_edition: extension(organization, EXTENSION.asamEdition) || '3',
      timezone: extension(organization, EXTENSION.timezone),
    })),
    staff: of('Practitioner').map((practitioner) => {
      const role = roles.get(practitioner.id);
      return {
        source_id: practitioner.id,
        program_source_id: referenced(role?.['organization']),
        display_name: text(at(practitioner, 'name.0.text')),
        role: codeIn(at(role, 'code.0'), SYSTEM.staffRole),
      };
    }),
    patients: of('Patient').map((patient) => ({
      source_id: patient.id,
      birth_year: text(patient['birthDate']).slice(0, 4),
      sex: text(patient['gender']) || 'unknown',
      zip3: text(at(patient, 'address.0.postalCode')).slice(0, 3),
      employment: extension(patient, EXTENSION.employment) || 'other',
    })),
    episodes: of('EpisodeOfCare').map((episode) => {
      const diagnoses = list(episode['diagnosis']).map((diagnosis) => ({
        rank: Number(at(diagnosis, 'rank')),
        code: codeIn(conditions.get(referenced(at(diagnosis, 'condition')))?.['code'], SYSTEM.icd10cm),
      }));
      const primary = diagnoses.find((diagnosis) => diagnosis.rank === 1) ?? diagnoses[0];
      const oudExtension = extension(episode, EXTENSION.oud);
      const referral = referrals.get(referenced(at(episode, 'referralRequest.0')));
      return {
        source_id: episode.id,
        program_source_id: referenced(episode['managingOrganization']),
        patient_source_id: referenced(episode['patient']),
        level_of_care: codeIn(at(episode, 'type.0'), SYSTEM.asamLevel),
        referral_date: text(referral?.['authoredOn']).slice(0, 10),
        referral_source: extension(episode, EXTENSION.referralSource) || 'other',
        prior_discharge_date: extension(episode, EXTENSION.priorDischargeDate),
        admit_date: text(at(episode, 'period.start')),
        discharge_date: text(at(episode, 'period.end')),
        discharge_reason: extension(episode, EXTENSION.tedsReason),
        discharge_reason_local: extension(episode, EXTENSION.dischargeReasonLocal),
        primary_substance: SUBSTANCE_BY_PREFIX[primary?.code.slice(0, 3) ?? ''] ?? 'other',
        oud: oudExtension || String(diagnoses.some((diagnosis) => diagnosis.code.startsWith('F11'))),
        severity: extension(episode, EXTENSION.severity) || '2',
        prior_episodes: extension(episode, EXTENSION.priorEpisodes) || '0',
        payer: extension(episode, EXTENSION.payer) || 'other',
        primary_counselor_source_id: referenced(episode['careManager']),
        family_involved: extension(episode, EXTENSION.familyInvolved) || 'false',
      };
    }),
    appointments: of('Appointment').map((appointment) => {
      const status = text(appointment['status']);
      const staff = list(appointment['participant'])
        .map((participant) => text(at(participant, 'actor.reference')))
        .find((actor) => actor.startsWith('Practitioner/'));
      return {
        source_id: appointment.id,
        episode_source_id: extension(appointment, EXTENSION.episodeOfCare),
        session_type: codeIn(at(appointment, 'serviceType.0'), SYSTEM.sessionType) || 'individual',
        scheduled_start: text(appointment['start']),
        duration_min: text(appointment['minutesDuration']),
        modality: extension(appointment, EXTENSION.modality) || 'in_person',
        status:
          status === 'cancelled'
            ? codeIn(appointment['cancelationReason'], SYSTEM.cancellationReason) === 'pat'
              ? 'cancelled_patient'
              : 'cancelled_program'
            : (APPOINTMENT_STATUS[status] ?? status),
        staff_source_id: staff === undefined ? '' : referenced({ reference: staff }),
      };
    }),
    drug_screens: observationsIn(SYSTEM.drugScreen).map((screen) => ({
      source_id: screen.id,
      episode_source_id: extension(screen, EXTENSION.episodeOfCare),
      collected_at: text(screen['effectiveDateTime']),
      expected: extension(screen, EXTENSION.screenExpected) || 'true',
      ...screenResult(screen),
    })),
    plan_goals: of('Goal').map((goal) => ({
      source_id: goal.id,
      episode_source_id: extension(goal, EXTENSION.episodeOfCare),
      created_on: text(goal['startDate']),
      due_on: text(at(goal, 'target.0.dueDate')),
      status: goalStatus(goal),
    })),
    assessments: observationsIn(SYSTEM.instrument).map((assessment) => ({
      source_id: assessment.id,
      episode_source_id: extension(assessment, EXTENSION.episodeOfCare),
      instrument: codeIn(assessment['code'], SYSTEM.instrument),
      administered_at: text(assessment['effectiveDateTime']),
      total: text(assessment['valueInteger'] ?? at(assessment, 'valueQuantity.value')),
    })),
    medication_dispenses: of('MedicationDispense').map((dispense) => ({
      source_id: dispense.id,
      episode_source_id: extension(dispense, EXTENSION.episodeOfCare) || referenced(dispense['context']),
      medication: codeIn(dispense['medicationCodeableConcept'], SYSTEM.medication),
      dispensed_on: text(dispense['whenHandedOver'] ?? dispense['whenPrepared']).slice(0, 10),
      days_supply: text(at(dispense, 'daysSupply.value')),
    })),
    mutual_help: observationsIn(SYSTEM.mutualHelp).map((week) => ({
      source_id: week.id,
      episode_source_id: extension(week, EXTENSION.episodeOfCare),
      week_start: text(week['effectiveDateTime']).slice(0, 10),
      meetings: text(week['valueInteger']),
    })),
    charges: of('ChargeItem').map((charge) => ({
      source_id: charge.id,
      episode_source_id: extension(charge, EXTENSION.episodeOfCare) || referenced(charge['context']),
      service_date: text(charge['occurrenceDateTime']).slice(0, 10),
      code: text(at(charge, 'code.coding.0.code')),
      // The JSON number is read as the import reads an `amount` cell: dollars, to the cent.
      amount_cents: String(Math.round(Number(at(charge, 'priceOverride.value')) * 100)),
      payer: extension(charge, EXTENSION.payer),
    })),
  };
}

function screenResult(screen: FhirResource): { result: string; positive_for: string } {
  const finding = codeIn(screen['valueCodeableConcept'], SYSTEM.snomed);
  if (finding === '10828004') {
    const analytes = list(screen['component'])
      .filter((component) => codeIn(at(component, 'valueCodeableConcept'), SYSTEM.snomed) === '10828004')
      .map((component) => codeIn(at(component, 'code'), SYSTEM.drugScreen))
      .filter((analyte) => analyte !== '' && analyte !== 'panel');
    return { result: 'positive', positive_for: analytes.length > 0 ? analytes.join(';') : 'other' };
  }
  if (finding === '260385009') return { result: 'negative', positive_for: '' };
  const absent = codeIn(screen['dataAbsentReason'], SYSTEM.dataAbsentReason);
  return { result: absent === 'error' ? 'invalid' : 'missing', positive_for: '' };
}

function goalStatus(goal: FhirResource): string {
  const achievement = codeIn(goal['achievementStatus'], 'http://terminology.hl7.org/CodeSystem/goal-achievement');
  if (achievement === 'achieved') return 'met';
  if (['not-achieved', 'no-progress', 'worsening'].includes(achievement)) return 'not_met';
  if (['cancelled', 'rejected', 'entered-in-error'].includes(text(goal['lifecycleStatus']))) return 'dropped';
  return 'in_progress';
}
