import type { AppointmentStatus } from '@iop/contracts';
import { timezoneOfEpisode, type BulkContext } from './bulk-context';
import { resolveEpisode } from './episode-index';
import { EXTENSION, SYSTEM } from './fhir-codes';
import { minutesBetween } from './instants';
import {
  asNumber,
  at,
  asString,
  codeInSystem,
  datePartOf,
  extensionValue,
  numberText,
  objectsOf,
  referenceIdOf,
  stringAt,
  type JsonObject,
} from './json-access';
import { missing, rejected, resourcesCount, row, SKIPPED, type Mapped, type Problem } from './mapping';

const APPOINTMENT_STATUS: Readonly<Record<string, AppointmentStatus>> = {
  fulfilled: 'attended',
  'checked-in': 'attended',
  arrived: 'attended',
  noshow: 'no_show',
  booked: 'scheduled',
  pending: 'scheduled',
  proposed: 'scheduled',
};

/** HL7 appointment-cancellation-reason: `pat` and its children `pat-*` are the patient's reasons. */
function cancelledBy(resource: JsonObject): AppointmentStatus {
  const reason = codeInSystem(resource['cancelationReason'], SYSTEM.cancellationReason);
  return reason === 'pat' || reason?.startsWith('pat-') ? 'cancelled_patient' : 'cancelled_program';
}

/** Appointment -> appointments. */
export function mapAppointment(resource: JsonObject, bulk: BulkContext): Mapped {
  const id = asString(resource['id']) as string;
  // The Encounter link is used up here, whatever wins: links left at the end name Appointments not in the import.
  const linkedEpisode = bulk.directory.appointmentEpisodes.get(id);
  bulk.directory.appointmentEpisodes.delete(id);
  const fhirStatus = asString(resource['status']);
  if (fhirStatus && fhirStatus !== 'cancelled' && !APPOINTMENT_STATUS[fhirStatus]) {
    bulk.tally.skipped(
      `appointment-${fhirStatus}`,
      (count) => `${resourcesCount(count, 'Appointment')} with status ${fhirStatus} skipped`,
    );
    return SKIPPED;
  }
  const problems: Problem[] = [];
  if (!fhirStatus) problems.push(missing('Appointment.status'));
  const start = asString(resource['start']);
  if (!start) problems.push(missing('Appointment.start'));
  const participants = objectsOf(resource['participant']).map((participant) => participant['actor']);
  const episode = resolveEpisode(
    {
      noun: 'appointment',
      type: 'Appointment',
      resource,
      links: linkedEpisode ? [{ reference: `EpisodeOfCare/${linkedEpisode}` }] : [],
      patient: participants.find((actor) => referenceIdOf(actor, 'Patient') !== undefined),
      date: datePartOf(start),
    },
    bulk.directory,
    bulk.episodes,
  );
  if ('problem' in episode) problems.push(episode.problem);
  const episodeId = 'episodeId' in episode ? episode.episodeId : undefined;
  const minutes =
    asNumber(resource['minutesDuration']) ??
    minutesBetween(start, asString(resource['end']), timezoneOfEpisode(episodeId, bulk));
  if (minutes === undefined) problems.push(missing('Appointment.minutesDuration', 'and no end after start'));
  if (problems.length > 0 || minutes === undefined || !fhirStatus) return rejected(problems);

  const modality =
    asString(extensionValue(resource, EXTENSION.modality, 'valueCode')) ??
    (stringAt(resource, 'appointmentType', 'text')?.toLowerCase() === 'telehealth' ? 'telehealth' : 'in_person');
  return row('appointments', {
    source_id: id,
    episode_source_id: episodeId,
    session_type: sessionType(resource['serviceType'], 'Appointment.serviceType', bulk),
    scheduled_start: start,
    duration_min: numberText(minutes),
    modality,
    status: fhirStatus === 'cancelled' ? cancelledBy(resource) : APPOINTMENT_STATUS[fhirStatus],
    staff_source_id: participants.map((actor) => bulk.directory.staffIdOf(actor)).find((staff) => staff !== undefined),
  });
}

/** A coding in the session-type system, else `individual` (counted). */
function sessionType(concepts: unknown, element: string, bulk: BulkContext): string {
  const code = codeInSystem(concepts, SYSTEM.sessionType);
  if (code) return code;
  bulk.tally.defaulted('appointments', 'session_type', 'individual', `no session-type coding in ${element}`);
  return 'individual';
}

/** Whether an Encounter only links an Appointment to its episode (mapped with the Appointment). */
export function linksAnAppointment(resource: JsonObject): boolean {
  return objectsOf(resource['appointment']).some((reference) => referenceIdOf(reference, 'Appointment') !== undefined);
}

const SKIPPED_ENCOUNTER_STATUSES = new Set(['cancelled', 'entered-in-error']);

/** An Encounter without an Appointment -> an appointment that took place (planned: scheduled). */
export function mapEncounter(resource: JsonObject, bulk: BulkContext): Mapped {
  const fhirStatus = asString(resource['status']);
  if (fhirStatus && SKIPPED_ENCOUNTER_STATUSES.has(fhirStatus)) {
    bulk.tally.skipped(
      `encounter-${fhirStatus}`,
      (count) => `${resourcesCount(count, 'Encounter')} with status ${fhirStatus} skipped`,
    );
    return SKIPPED;
  }
  const problems: Problem[] = [];
  const start = stringAt(resource, 'period', 'start');
  if (!start) problems.push(missing('Encounter.period.start'));
  const episode = resolveEpisode(
    {
      noun: 'encounter',
      type: 'Encounter',
      resource,
      links: objectsOf(resource['episodeOfCare']),
      patient: resource['subject'],
      date: datePartOf(start),
    },
    bulk.directory,
    bulk.episodes,
  );
  if ('problem' in episode) problems.push(episode.problem);
  const episodeId = 'episodeId' in episode ? episode.episodeId : undefined;
  const minutes =
    minutesBetween(start, stringAt(resource, 'period', 'end'), timezoneOfEpisode(episodeId, bulk)) ??
    lengthInMinutes(resource['length']);
  if (start && minutes === undefined) {
    const length = resource['length'];
    problems.push(
      length === undefined
        ? missing('Encounter.length', 'and no period.end after period.start')
        : {
            field: 'Encounter.length',
            reason: 'Encounter.length is not a positive number of minutes, hours or seconds',
          },
    );
  }
  if (problems.length > 0 || minutes === undefined) return rejected(problems);

  // Encounter.class is a Coding in R4; VR is HL7 ActCode "virtual".
  const virtual = stringAt(resource, 'class', 'code') === 'VR';
  return row('appointments', {
    source_id: asString(resource['id']),
    episode_source_id: episodeId,
    session_type: sessionType(resource['type'], 'Encounter.type', bulk),
    scheduled_start: start,
    duration_min: numberText(minutes),
    modality:
      asString(extensionValue(resource, EXTENSION.modality, 'valueCode')) ?? (virtual ? 'telehealth' : 'in_person'),
    status: fhirStatus === 'planned' ? 'scheduled' : 'attended',
    staff_source_id: objectsOf(resource['participant'])
      .map((participant) => bulk.directory.staffIdOf(participant['individual']))
      .find((staff) => staff !== undefined),
  });
}

/** Minutes per UCUM unit code (or the unit's text when the code is absent). */
const MINUTES_PER_UNIT: Readonly<Record<string, number>> = {
  min: 1,
  minute: 1,
  minutes: 1,
  h: 60,
  hour: 60,
  hours: 60,
  s: 1 / 60,
  second: 1 / 60,
  seconds: 1 / 60,
};

/** Encounter.length (a Duration) in whole minutes; the UCUM code wins over the unit's text. */
function lengthInMinutes(length: unknown): number | undefined {
  const amount = asNumber(at(length, 'value'));
  const unit = (stringAt(length, 'code') ?? stringAt(length, 'unit'))?.toLowerCase();
  const factor = unit ? MINUTES_PER_UNIT[unit] : undefined;
  if (amount === undefined || factor === undefined || amount <= 0) return undefined;
  return Math.round(amount * factor);
}
