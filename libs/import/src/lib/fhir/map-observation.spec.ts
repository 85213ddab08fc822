import { DrugScreenGroups, type ScreenPart } from './drug-screen-groups';
import { baseDirectory, coding, episodeLink, ext, ourCoding } from './testing/fhir-builders';
import { FhirTestFiles, readAll, reasonsOf, rowsOf } from './testing/fhir-test-files';

const SNOMED = 'http://snomed.info/sct';
const LOINC = 'http://loinc.org';
const LABORATORY = [coding('http://terminology.hl7.org/CodeSystem/observation-category', 'laboratory')];
const POSITIVE = coding(SNOMED, '10828004', 'Positive');
const NEGATIVE = coding(SNOMED, '260385009', 'Negative');
const interpretation = (code: string): Array<Record<string, unknown>> => [
  coding('http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code),
];

function screen(id: string, effective: string, extra: Record<string, unknown>): Record<string, unknown> {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: LABORATORY,
    subject: { reference: 'Patient/p2' },
    effectiveDateTime: effective,
    ...extra,
  };
}

const loinc = (code: string): Record<string, unknown> => coding(LOINC, code);

describe('FHIR Observation', () => {
  let files: FhirTestFiles;
  beforeEach(async () => {
    files = await FhirTestFiles.create();
  });
  afterEach(() => files.cleanup());

  it('maps drug screens: panels, same-hour groups, positive, negative, missing and invalid', async () => {
    const observations = [
      screen('ds-1', '2026-01-14T10:15:00-06:00', {
        subject: { reference: 'Patient/p1' },
        code: ourCoding('drug-screen', 'panel'),
        extension: [episodeLink('e1'), ext('screen-expected', { valueBoolean: false })],
        component: [
          { code: ourCoding('drug-screen', 'opioids'), valueCodeableConcept: POSITIVE },
          { code: loinc('59673-4'), interpretation: interpretation('POS') },
          { code: ourCoding('drug-screen', 'cannabis'), valueCodeableConcept: NEGATIVE },
        ],
      }),
      // Two analytes of p2 collected in the same UTC hour (15:00Z): one screen, named after the first id.
      screen('ds-3b', '2026-02-20T09:40:00-06:00', { code: loinc('18282-4'), valueCodeableConcept: NEGATIVE }),
      screen('ds-3a', '2026-02-20T09:05:00-06:00', { code: loinc('19295-5'), interpretation: interpretation('NEG') }),
      screen('ds-3c', '2026-02-20T10:05:00-06:00', { code: loinc('19295-5'), dataAbsentReason: coding('x', 'error') }),
      screen('ds-4', '2026-02-27T09:00:00-06:00', {
        code: loinc('3397-7'),
        dataAbsentReason: coding('x', 'not-performed'),
      }),
      screen('ds-5', '2026-03-06T09:00:00-06:00', {
        code: ourCoding('drug-screen', 'panel'),
        valueCodeableConcept: POSITIVE,
      }),
      // Analytes in the order written, not the vocabulary's.
      screen('ds-5b', '2026-03-09T09:00:00-05:00', {
        code: ourCoding('drug-screen', 'panel'),
        component: [
          { code: ourCoding('drug-screen', 'benzodiazepines'), valueCodeableConcept: POSITIVE },
          { code: ourCoding('drug-screen', 'buprenorphine'), valueCodeableConcept: POSITIVE },
        ],
      }),
      screen('ds-6', '2026-03-13T09:00:00-06:00', { status: 'cancelled', code: loinc('19295-5') }),
      screen('ds-7', '2026-03-20T09:00:00-06:00', { code: loinc('19295-5') }),
      screen('ds-8', '2026-03-27', { code: loinc('19295-5'), valueCodeableConcept: NEGATIVE }),
    ];
    const outcome = await readAll([
      await files.bundle('directory.json', baseDirectory()),
      await files.ndjson('Observation.ndjson', observations),
    ]);

    expect(rowsOf(outcome, 'drug_screens')).toEqual([
      {
        source_id: 'ds-1',
        episode_source_id: 'e1',
        collected_at: '2026-01-14T10:15:00-06:00',
        expected: 'false',
        result: 'positive',
        positive_for: 'opioids;fentanyl',
      },
      {
        source_id: 'ds-3a',
        episode_source_id: 'e2',
        collected_at: '2026-02-20T09:05:00-06:00',
        expected: 'true',
        result: 'negative',
      },
      {
        source_id: 'ds-3c',
        episode_source_id: 'e2',
        collected_at: '2026-02-20T10:05:00-06:00',
        expected: 'true',
        result: 'invalid',
      },
      {
        source_id: 'ds-4',
        episode_source_id: 'e2',
        collected_at: '2026-02-27T09:00:00-06:00',
        expected: 'true',
        result: 'missing',
      },
      {
        source_id: 'ds-5',
        episode_source_id: 'e2',
        collected_at: '2026-03-06T09:00:00-06:00',
        expected: 'true',
        result: 'positive',
        positive_for: 'other',
      },
      {
        source_id: 'ds-5b',
        episode_source_id: 'e2',
        collected_at: '2026-03-09T09:00:00-05:00',
        expected: 'true',
        result: 'positive',
        positive_for: 'benzodiazepines;buprenorphine',
      },
    ]);
    const screenRecord = outcome.records.find((record) => record.values['source_id'] === 'ds-3a');
    expect(screenRecord).toMatchObject({ file: 'Observation.ndjson', line: 3, resourceId: 'Observation/ds-3a' });
    expect(reasonsOf(outcome)).toEqual([
      'Observation/ds-7: Observation.value[x] is missing (valueCodeableConcept, interpretation or dataAbsentReason, on the observation or a component)',
      'Observation/ds-8: Observation.effective[x] is not a date with a time of day',
    ]);
    expect(outcome.warnings.filter((warning) => !warning.startsWith('episodes.'))).toEqual([
      '1 Observation resource with status cancelled or entered-in-error skipped',
      'drug_screens.expected = true in 5 rows (default: no screen-expected extension)',
    ]);
  });

  it('maps assessments and mutual-help counts, and counts the other observations skipped', async () => {
    const observations = [
      {
        resourceType: 'Observation',
        id: 'as-1',
        status: 'final',
        code: ourCoding('instrument', 'wai_sr'),
        subject: { reference: 'Patient/p1' },
        encounter: { reference: 'Encounter/enc-e1' },
        effectiveDateTime: '2026-01-16T11:00:00-06:00',
        valueQuantity: { value: 44.5 },
      },
      {
        resourceType: 'Observation',
        id: 'as-2',
        status: 'amended',
        code: ourCoding('instrument', 'readiness_ruler'),
        subject: { reference: 'Patient/p2' },
        effectiveDateTime: '2026-02-03T11:00:00-06:00',
        valueInteger: 7,
      },
      {
        resourceType: 'Observation',
        id: 'mh-1',
        status: 'final',
        code: ourCoding('mutual-help', 'meetings'),
        extension: [episodeLink('e1')],
        effectivePeriod: { start: '2026-01-19', end: '2026-01-25' },
        valueInteger: 3,
      },
      {
        resourceType: 'Observation',
        id: 'bp-1',
        status: 'final',
        category: [coding('http://terminology.hl7.org/CodeSystem/observation-category', 'vital-signs')],
        code: loinc('85354-9'),
      },
      screen('glucose', '2026-02-03T11:00:00-06:00', { code: loinc('15074-8'), valueQuantity: { value: 6.3 } }),
      {
        resourceType: 'Observation',
        id: 'as-3',
        status: 'final',
        code: ourCoding('instrument', 'bam'),
        subject: { reference: 'Patient/p1' },
      },
    ];
    const encounter = {
      resourceType: 'Encounter',
      id: 'enc-e1',
      status: 'finished',
      appointment: [{ reference: 'Appointment/a-in-db' }],
      episodeOfCare: [{ reference: 'EpisodeOfCare/e1' }],
    };
    const outcome = await readAll([
      await files.bundle('directory.json', [...baseDirectory(), encounter]),
      await files.ndjson('Observation.ndjson', observations),
    ]);
    expect(rowsOf(outcome, 'assessments')).toEqual([
      {
        source_id: 'as-1',
        episode_source_id: 'e1',
        instrument: 'wai_sr',
        administered_at: '2026-01-16T11:00:00-06:00',
        total: '44.5',
      },
      {
        source_id: 'as-2',
        episode_source_id: 'e2',
        instrument: 'readiness_ruler',
        administered_at: '2026-02-03T11:00:00-06:00',
        total: '7',
      },
    ]);
    expect(rowsOf(outcome, 'mutual_help')).toEqual([
      { source_id: 'mh-1', episode_source_id: 'e1', week_start: '2026-01-19', meetings: '3' },
    ]);
    expect(reasonsOf(outcome)).toEqual([
      'Observation/as-3: Observation.effective[x] is missing',
      'Observation/as-3: Observation.value[x] is missing (valueQuantity or valueInteger: the total)',
      'Observation/as-3: no episode for this assessment: no episode-of-care extension or link, and no date',
    ]);
    expect(outcome.warnings).toContain(
      '2 Observation resources skipped: not a drug screen, assessment or mutual-help count',
    );
  });

  it('groups screens only within the window of open screens', () => {
    const part = (id: string, hour: number): ScreenPart => ({
      id,
      location: { file: 'Observation.ndjson', line: null, resourceId: `Observation/${id}` },
      episodeId: 'e1',
      collectedAt: new Date(hour * 3_600_000).toISOString(),
      collectedMillis: hour * 3_600_000 + 60_000,
      expected: undefined,
      outcomes: [{ result: 'negative', analyte: 'opioids' }],
    });
    const groups = new DrugScreenGroups(2);
    const ids = (closed: ScreenPart[][]): string[][] => closed.map((group) => group.map((item) => item.id));
    expect(ids(groups.add(part('a', 1)))).toEqual([]);
    expect(ids(groups.add(part('b', 2)))).toEqual([]);
    expect(ids(groups.add(part('a2', 1)))).toEqual([]);
    expect(ids(groups.add(part('c', 3)))).toEqual([['a', 'a2']]);
    // Hour 1 again, after its screen was closed: a screen of its own.
    expect(ids(groups.add(part('a3', 1)))).toEqual([['b']]);
    expect(ids(groups.closeAll())).toEqual([['c'], ['a3']]);
  });
});
