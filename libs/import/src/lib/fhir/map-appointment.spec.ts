import { baseDirectory, coding, episodeLink, ext, ourCoding } from './testing/fhir-builders';
import { FhirTestFiles, readAll, reasonsOf, rowsOf } from './testing/fhir-test-files';

const CANCELLATION = 'http://terminology.hl7.org/CodeSystem/appointment-cancellation-reason';

function appointment(
  id: string,
  status: string,
  start: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    resourceType: 'Appointment',
    id,
    status,
    start,
    minutesDuration: 45,
    serviceType: [ourCoding('session-type', 'individual')],
    participant: [{ actor: { reference: 'Patient/p1', display: 'Private Secret' } }],
    ...extra,
  };
}

const forPatient = (patientId: string): Record<string, unknown> => ({
  participant: [{ actor: { reference: `Patient/${patientId}` } }],
});

describe('FHIR Appointment and Encounter', () => {
  let files: FhirTestFiles;
  beforeEach(async () => {
    files = await FhirTestFiles.create();
  });
  afterEach(() => files.cleanup());

  it('maps statuses, durations, session types, modality and staff, and finds the episode three ways', async () => {
    const appointments = [
      appointment('a1', 'fulfilled', '2026-01-12T09:00:00-06:00', {
        minutesDuration: 60,
        serviceType: [ourCoding('session-type', 'group')],
        participant: [{ actor: { reference: 'Patient/p1' } }, { actor: { reference: 'Practitioner/s1' } }],
        extension: [episodeLink('e1'), ext('modality', { valueCode: 'telehealth' })],
      }),
      // Linked to e1 by an Encounter although p2's own episode e2 contains the date: the link wins.
      appointment('a2', 'noshow', '2026-02-10T10:00:00-06:00', {
        ...forPatient('p2'),
        minutesDuration: undefined,
        end: '2026-02-10T11:30:00-06:00',
        serviceType: [{ coding: [{ code: '52', display: 'General Discussion' }] }],
        appointmentType: { text: 'Telehealth' },
      }),
      appointment('a3', 'cancelled', '2026-03-01T10:00:00-06:00', {
        ...forPatient('p2'),
        cancelationReason: coding(CANCELLATION, 'pat'),
      }),
      appointment('a4', 'cancelled', '2026-01-20T10:00:00-06:00', { cancelationReason: coding(CANCELLATION, 'prov') }),
      appointment('a5', 'cancelled', '2026-01-21T10:00:00-06:00', {
        cancelationReason: coding(CANCELLATION, 'pat-swl'),
      }),
      appointment('a6', 'booked', '2026-06-01T10:00:00-05:00'),
      appointment('a7', 'fulfilled', '2025-12-01T09:00:00-06:00'),
      appointment('a8', 'waitlist', '2026-01-22T10:00:00-06:00'),
      appointment('a9', 'fulfilled', '2026-01-23T10:00:00-06:00', { minutesDuration: undefined }),
    ];
    const encounters = [
      {
        resourceType: 'Encounter',
        id: 'enc-a2',
        status: 'finished',
        appointment: [{ reference: 'Appointment/a2' }],
        episodeOfCare: [{ reference: 'EpisodeOfCare/e1' }],
      },
      {
        resourceType: 'Encounter',
        id: 'enc-1',
        status: 'finished',
        class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'VR' },
        type: [ourCoding('session-type', 'family')],
        subject: { reference: 'Patient/p1' },
        episodeOfCare: [{ reference: 'EpisodeOfCare/e1' }],
        participant: [{ individual: { reference: 'PractitionerRole/role-s1' } }],
        period: { start: '2026-01-15T13:00:00-06:00', end: '2026-01-15T14:30:00-06:00' },
      },
      {
        resourceType: 'Encounter',
        id: 'enc-2',
        status: 'finished',
        subject: { reference: 'Patient/p2' },
        period: { start: '2026-02-15T10:00:00-06:00' },
        length: { value: 1, unit: 'hour', system: 'http://unitsofmeasure.org', code: 'h' },
      },
      {
        resourceType: 'Encounter',
        id: 'enc-3',
        status: 'finished',
        appointment: [{ reference: 'Appointment/a-elsewhere' }],
        episodeOfCare: [{ reference: 'EpisodeOfCare/e2' }],
      },
    ];
    const outcome = await readAll([
      await files.bundle('directory.json', baseDirectory()),
      await files.ndjson('Appointment.ndjson', appointments),
      await files.ndjson('Encounter.ndjson', encounters),
    ]);

    const common = { duration_min: '45', session_type: 'individual', modality: 'in_person' };
    expect(rowsOf(outcome, 'appointments')).toEqual([
      {
        source_id: 'a1',
        episode_source_id: 'e1',
        session_type: 'group',
        scheduled_start: '2026-01-12T09:00:00-06:00',
        duration_min: '60',
        modality: 'telehealth',
        status: 'attended',
        staff_source_id: 's1',
      },
      {
        source_id: 'a2',
        episode_source_id: 'e1',
        session_type: 'individual',
        scheduled_start: '2026-02-10T10:00:00-06:00',
        duration_min: '90',
        modality: 'telehealth',
        status: 'no_show',
      },
      {
        source_id: 'a3',
        episode_source_id: 'e2',
        scheduled_start: '2026-03-01T10:00:00-06:00',
        status: 'cancelled_patient',
        ...common,
      },
      {
        source_id: 'a4',
        episode_source_id: 'e1',
        scheduled_start: '2026-01-20T10:00:00-06:00',
        status: 'cancelled_program',
        ...common,
      },
      {
        source_id: 'a5',
        episode_source_id: 'e1',
        scheduled_start: '2026-01-21T10:00:00-06:00',
        status: 'cancelled_patient',
        ...common,
      },
      {
        source_id: 'a6',
        episode_source_id: 'e1',
        scheduled_start: '2026-06-01T10:00:00-05:00',
        status: 'scheduled',
        ...common,
      },
      {
        source_id: 'enc-1',
        episode_source_id: 'e1',
        session_type: 'family',
        scheduled_start: '2026-01-15T13:00:00-06:00',
        duration_min: '90',
        modality: 'telehealth',
        status: 'attended',
        staff_source_id: 's1',
      },
      {
        source_id: 'enc-2',
        episode_source_id: 'e2',
        session_type: 'individual',
        scheduled_start: '2026-02-15T10:00:00-06:00',
        duration_min: '60',
        modality: 'in_person',
        status: 'attended',
      },
    ]);
    expect(reasonsOf(outcome)).toEqual([
      'Appointment/a7: no episode for this appointment: Patient/p1 has no episode containing 2025-12-01',
      'Appointment/a9: Appointment.minutesDuration is missing (and no end after start)',
    ]);
    expect(outcome.rejections[0]).toMatchObject({
      file: 'Appointment.ndjson',
      line: 7,
      field: 'Appointment.extension[episode-of-care]',
    });
    expect(outcome.warnings.filter((warning) => !warning.startsWith('episodes.'))).toEqual([
      'appointments.session_type = individual in 1 row (default: no session-type coding in Appointment.serviceType)',
      '1 Appointment resource with status waitlist skipped',
      'appointments.session_type = individual in 1 row (default: no session-type coding in Encounter.type)',
      '1 Appointment named by an Encounter is not in the import: its link was ignored',
    ]);
  });

  it('rejects an appointment that two episodes of its patient contain, and one without a patient', async () => {
    const known = {
      sourceId: 'e-old',
      patientSourceId: 'p1',
      admitDate: '2025-06-01',
      dischargeDate: null,
      payer: 'medicaid',
      programSourceId: 'prog1',
    };
    const outcome = await readAll(
      [
        await files.bundle('directory.json', baseDirectory()),
        await files.ndjson('Appointment.ndjson', [
          appointment('a10', 'fulfilled', '2026-02-02T10:00:00-06:00'),
          appointment('a11', 'fulfilled', '2026-02-02T10:00:00-06:00', { participant: [] }),
          appointment('a12', 'fulfilled', '2025-07-02T10:00:00-05:00'),
        ]),
      ],
      { knownEpisodes: [known] },
    );
    expect(reasonsOf(outcome)).toEqual([
      'Appointment/a10: no episode for this appointment: 2 episodes of Patient/p1 contain 2026-02-02 (e-old, e1); name one with the episode-of-care extension',
      'Appointment/a11: no episode for this appointment: no episode-of-care extension or link, and no patient',
    ]);
    // An episode imported before resolves like one of the files.
    expect(rowsOf(outcome, 'appointments').map((row) => [row['source_id'], row['episode_source_id']])).toEqual([
      ['a12', 'e-old'],
    ]);
  });
  it('reads Encounter.length by its UCUM code first, else by its unit text', async () => {
    const withLength = (id: string, length: Record<string, unknown>): Record<string, unknown> => ({
      resourceType: 'Encounter',
      id,
      status: 'finished',
      subject: { reference: 'Patient/p1' },
      period: { start: '2026-01-20T10:00:00-06:00' },
      length,
    });
    const outcome = await readAll([
      await files.bundle('directory.json', baseDirectory()),
      await files.ndjson('Encounter.ndjson', [
        withLength('enc-4', { value: 56, unit: 'minutes', system: 'http://unitsofmeasure.org', code: 'min' }),
        withLength('enc-5', { value: 1.5, unit: 'hours' }),
        withLength('enc-6', { value: 2, unit: 'hours', system: 'http://unitsofmeasure.org', code: 'min' }),
        withLength('enc-7', { value: 3, unit: 'days', code: 'd' }),
      ]),
    ]);
    expect(rowsOf(outcome, 'appointments').map((row) => [row['source_id'], row['duration_min']])).toEqual([
      ['enc-4', '56'],
      ['enc-5', '90'],
      ['enc-6', '2'],
    ]);
    expect(reasonsOf(outcome)).toEqual([
      'Encounter/enc-7: Encounter.length is not a positive number of minutes, hours or seconds',
    ]);
  });
});
