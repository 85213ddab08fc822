import { IMPORT_ENTITIES } from '@iop/contracts';
import { parse } from 'csv-parse/sync';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DrugScreenRecord } from './contract-rows';
import { exportSyntheticNetwork, type ExportReport } from './export-network';
import { EXTENSION, type FhirResource } from './fhir-codes';
import { assertOneScreenPerHour, FHIR_RESOURCE_TYPES } from './fhir-export';
import { at, readBack, type ContractRow } from './testing/fhir-read-back';

/** The whole demo network (seed 20260630) in both forms, exported once for the tests below. */
describe('exportSyntheticNetwork as FHIR R4 NDJSON', () => {
  let fhirDirectory: string;
  let csvDirectory: string;
  let report: ExportReport;
  const resources = new Map<string, FhirResource[]>();
  const byId = new Map<string, FhirResource>();
  const resource = (type: string, id: string): FhirResource | undefined => byId.get(`${type}/${id}`);
  const extensionUrls = (found: FhirResource | undefined): unknown[] =>
    ((found?.['extension'] ?? []) as unknown[]).map((extension) => at(extension, 'url'));

  beforeAll(async () => {
    fhirDirectory = await mkdtemp(path.join(tmpdir(), 'synth-export-fhir-'));
    csvDirectory = await mkdtemp(path.join(tmpdir(), 'synth-export-csv-'));
    report = await exportSyntheticNetwork({ preset: 'demo', format: 'fhir', outDir: fhirDirectory });
    await exportSyntheticNetwork({ preset: 'demo', format: 'csv', outDir: csvDirectory });
    for (const file of report.files) {
      const lines = (await readFile(path.join(fhirDirectory, file.name), 'utf8')).split('\n');
      expect(lines.pop()).toBe('');
      const parsed = lines.map((line) => JSON.parse(line) as FhirResource);
      resources.set(file.name.replace('.ndjson', ''), parsed);
      for (const found of parsed) byId.set(`${found.resourceType}/${found.id}`, found);
    }
  });

  afterAll(async () => {
    await rm(fhirDirectory, { recursive: true, force: true });
    await rm(csvDirectory, { recursive: true, force: true });
  });

  it('writes a file per resource type, a resource per line, each of its file type with a unique id', () => {
    expect(report.files.map((file) => file.name)).toEqual(FHIR_RESOURCE_TYPES.map((type) => `${type}.ndjson`));
    for (const file of report.files) {
      const type = file.name.replace('.ndjson', '');
      const written = resources.get(type) ?? [];
      expect([type, written.length]).toEqual([type, file.rows]);
      expect(written.every((candidate) => candidate.resourceType === type)).toBe(true);
      expect(new Set(written.map((candidate) => candidate.id)).size).toBe(written.length);
    }
    const rows = Object.fromEntries(report.files.map((file) => [file.name, file.rows]));
    expect(rows).toMatchObject({
      'Organization.ndjson': 4,
      'Practitioner.ndjson': 24,
      'PractitionerRole.ndjson': 24,
      'EpisodeOfCare.ndjson': 1500,
      // Every episode has a referral date; 74 of them a second diagnosis (an opioid use disorder).
      'ServiceRequest.ndjson': 1500,
      'Condition.ndjson': 1574,
      // Screens, assessments and mutual-help weeks.
      'Observation.ndjson': 12_646 + 5_286 + 9_762,
    });
  });

  it('carries every row of the CSV form, cell for cell', async () => {
    const readRows = readBack(resources);
    for (const entity of IMPORT_ENTITIES) {
      const csvRows = parse<ContractRow>(await readFile(path.join(csvDirectory, `${entity}.csv`)), { columns: true });
      expect([entity, readRows[entity].length]).toEqual([entity, csvRows.length]);
      const bySourceId = new Map(readRows[entity].map((row) => [row['source_id'], JSON.stringify(row)]));
      // Compared as JSON text (same columns in the same order): one expect per row would take most of a minute.
      const differing = csvRows.filter((csvRow) => bySourceId.get(csvRow['source_id']) !== JSON.stringify(csvRow));
      expect([entity, differing.slice(0, 3)]).toEqual([entity, []]);
    }
  });

  it('links an appointment, observation, goal, dispense and charge to its episode with the extension', () => {
    for (const [type, id] of [
      ['Appointment', 'e1-a1'],
      ['Observation', 'e1-s6'],
      ['Observation', 'e1-r5'],
      ['Observation', 'e1-h1'],
      ['Goal', 'e1-g1'],
      ['MedicationDispense', 'e13-m1'],
      ['ChargeItem', 'e1-c1'],
    ]) {
      const found = resource(type, id);
      expect([type, id, extensionUrls(found)]).toEqual([type, id, expect.arrayContaining([EXTENSION.episodeOfCare])]);
      const link = ((found?.['extension'] ?? []) as unknown[]).find(
        (extension) => at(extension, 'url') === EXTENSION.episodeOfCare,
      );
      expect(at(link, 'valueReference.reference')).toBe(`EpisodeOfCare/${id.split('-')[0]}`);
    }
  });

  it('writes a positive screen as a panel with a component per analyte', () => {
    const screen = resource('Observation', 'e1-s6');
    expect(screen).toMatchObject({
      status: 'final',
      category: [{ coding: [{ code: 'laboratory' }] }],
      code: { coding: [{ system: 'https://iop-outcomes.org/fhir/CodeSystem/drug-screen', code: 'panel' }] },
      subject: { reference: 'Patient/p1' },
      effectiveDateTime: '2026-04-29T17:45:00.000-07:00',
      valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code: '10828004' }] },
    });
    expect(
      ((screen?.['component'] ?? []) as unknown[]).map((component) => at(component, 'code.coding.0.code')),
    ).toEqual(['alcohol', 'cannabis']);
    expect(at(resource('Observation', 'e1-s14'), 'dataAbsentReason.coding.0.code')).toBe('error');
    expect(at(resource('Observation', 'e1-s4'), 'dataAbsentReason.coding.0.code')).toBe('not-performed');
  });

  it('writes an episode with its extensions, and oud only where the diagnoses would say otherwise', () => {
    expect(resource('EpisodeOfCare', 'e2')).toMatchObject({
      status: 'finished',
      period: { start: '2026-01-02', end: '2026-04-16' },
      managingOrganization: { reference: 'Organization/prog3' },
      careManager: { reference: 'Practitioner/staff15' },
      referralRequest: [{ reference: 'ServiceRequest/e2-referral' }],
      diagnosis: [{ condition: { reference: 'Condition/e2-dx1' }, rank: 1 }],
    });
    expect(extensionUrls(resource('EpisodeOfCare', 'e2'))).toEqual([
      EXTENSION.tedsReason,
      EXTENSION.dischargeReasonLocal,
      EXTENSION.payer,
      EXTENSION.severity,
      EXTENSION.referralSource,
      EXTENSION.priorEpisodes,
      EXTENSION.familyInvolved,
    ]);
    expect(resource('EpisodeOfCare', 'e1')).toMatchObject({ status: 'active', period: { start: '2026-03-23' } });
    expect(at(resource('EpisodeOfCare', 'e1'), 'period.end')).toBeUndefined();
    // e128: opioids without an opioid use disorder; e9: an opioid use disorder beside "other".
    expect(extensionUrls(resource('EpisodeOfCare', 'e128'))).toContain(EXTENSION.oud);
    expect(at(resource('Condition', 'e128-dx1'), 'code.coding.0.code')).toBe('F11.20');
    expect(extensionUrls(resource('EpisodeOfCare', 'e9'))).not.toContain(EXTENSION.oud);
    expect(at(resource('Condition', 'e9-dx2'), 'code.coding.0.code')).toBe('F11.20');
  });

  it('writes the amount so that it reads back to the cent, and a cancellation with its reason', () => {
    expect(resource('ChargeItem', 'e1-c1')?.['priceOverride']).toEqual({ value: 34.96, currency: 'USD' });
    expect(resource('Appointment', 'e2-a34')).toMatchObject({
      status: 'cancelled',
      cancelationReason: { coding: [{ code: 'pat' }] },
      start: '2026-02-05T09:00:00.000-07:00',
      end: '2026-02-05T12:00:00.000-07:00',
      minutesDuration: 180,
    });
    expect(resource('Patient', 'p1')).toEqual({
      resourceType: 'Patient',
      id: 'p1',
      extension: [{ url: EXTENSION.employment, valueCode: 'employed' }],
      gender: 'female',
      birthDate: '1984',
      address: [{ postalCode: '956' }],
    });
  });
});

describe('assertOneScreenPerHour', () => {
  const screen = (sourceId: string, episode: string, collectedAt: string): DrugScreenRecord => ({
    source_id: sourceId,
    episode_source_id: episode,
    collected_at: collectedAt,
    expected: true,
    result: 'negative',
    positive_for: [],
  });

  it('accepts screens in different hours (UTC) or of different episodes', () => {
    expect(() =>
      assertOneScreenPerHour([
        screen('e1-s1', 'e1', '2026-03-02T10:59:00.000-05:00'),
        screen('e1-s2', 'e1', '2026-03-02T11:00:00.000-05:00'),
        screen('e2-s1', 'e2', '2026-03-02T10:30:00.000-05:00'),
      ]),
    ).not.toThrow();
  });

  it('refuses two screens of one episode in the same hour, whatever their offsets', () => {
    // 15:10Z and 15:50Z.
    expect(() =>
      assertOneScreenPerHour([
        screen('e1-s1', 'e1', '2026-03-02T10:10:00.000-05:00'),
        screen('e1-s2', 'e1', '2026-03-02T08:50:00.000-07:00'),
      ]),
    ).toThrow('drug screens e1-s1 and e1-s2 of episode e1 fall in the same hour');
  });
});
