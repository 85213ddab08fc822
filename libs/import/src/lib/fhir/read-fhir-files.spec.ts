import { stat, truncate } from 'node:fs/promises';
import { isFhirFile } from './read-fhir-files';
import { MAX_JSON_FILE_BYTES } from './resource-source';
import { baseDirectory, episode, patient } from './testing/fhir-builders';
import { FhirTestFiles, readAll, reasonsOf, rowsOf } from './testing/fhir-test-files';

describe('readFhirFiles: files, Bundles and bad input', () => {
  let files: FhirTestFiles;
  beforeEach(async () => {
    files = await FhirTestFiles.create();
  });
  afterEach(() => files.cleanup());

  it('knows FHIR files by their extension', () => {
    expect(['Patient.ndjson', 'bundle.JSON', 'x.json'].map(isFhirFile)).toEqual([true, true, true]);
    expect(['patients.csv', 'Patient.ndjson.gz', 'json'].map(isFhirFile)).toEqual([false, false, false]);
  });

  it('rejects a .json file that is not JSON, with the line of the error', async () => {
    const broken = await files.text('broken.json', '{\n  "resourceType": "Patient",\n  "id": \n}\n');
    const outcome = await readAll([broken]);
    expect(outcome.records).toEqual([]);
    expect(outcome.rejections).toHaveLength(1);
    expect(outcome.rejections[0]).toMatchObject({ file: 'broken.json', line: 4, resourceId: null });
    expect(outcome.rejections[0]?.reason).toMatch(/^the file is not JSON: /);
  });

  it('rejects an NDJSON line that is not JSON once, by its line number, and reads the other lines', async () => {
    const patients = await files.text(
      'Patient.ndjson',
      [JSON.stringify(patient('p1')), 'this is not json', JSON.stringify(patient('p2'))].join('\n'),
    );
    const observations = await files.text(
      'Observation.ndjson',
      ['{"resourceType":"Observation","id":"o1","status":"final"}', '{"resourceType":"Observation", "id": broken'].join(
        '\n',
      ),
    );
    const outcome = await readAll([patients, observations]);
    expect(rowsOf(outcome, 'patients').map((row) => row['source_id'])).toEqual(['p1', 'p2']);
    expect(outcome.rejections.map((item) => [item.file, item.line, item.reason.replace(/: .*$/, '')])).toEqual([
      ['Patient.ndjson', 2, 'line 2 is not JSON'],
      ['Observation.ndjson', 2, 'line 2 is not JSON'],
    ]);
  });

  it('rejects a whole Bundle of type document, naming the type', async () => {
    const document = {
      resourceType: 'Bundle',
      id: 'doc-1',
      type: 'document',
      entry: [{ resource: patient('p1') }],
    };
    const outcome = await readAll([await files.json('document.json', document)]);
    expect(outcome.records).toEqual([]);
    expect(outcome.rejections).toEqual([
      {
        file: 'document.json',
        line: null,
        resourceId: 'Bundle/doc-1',
        field: 'Bundle.type',
        value: 'document',
        reason: 'Bundle of type document is not supported (collection, transaction or searchset)',
      },
    ]);
  });

  it('resolves urn:uuid references inside a transaction Bundle, the uuid standing for a missing id', async () => {
    const patientUuid = '6f1c1d52-3f5b-4c8e-9a57-1f0b2d3c4e5f';
    const [program, , , , , conditionOud] = baseDirectory();
    const entries = [
      {
        fullUrl: `urn:uuid:${patientUuid}`,
        resource: patient('ignored', { id: undefined }),
        request: { method: 'POST', url: 'Patient' },
      },
      {
        fullUrl: 'urn:uuid:9d0e8a0c-0000-4000-8000-000000000001',
        resource: episode('e1', { patient: { reference: `urn:uuid:${patientUuid}` }, careManager: undefined }),
      },
      { resource: program },
      { resource: conditionOud },
      { request: { method: 'DELETE', url: 'Patient/old' } },
    ];
    const outcome = await readAll([
      await files.json('tx.json', { resourceType: 'Bundle', type: 'transaction', entry: entries }),
    ]);
    expect(outcome.rejections).toEqual([]);
    expect(rowsOf(outcome, 'patients').map((row) => row['source_id'])).toEqual([patientUuid]);
    expect(rowsOf(outcome, 'episodes').map((row) => row['patient_source_id'])).toEqual([patientUuid]);
    expect(outcome.records.find((record) => record.entity === 'episodes')).toMatchObject({
      file: 'tx.json',
      line: null,
      resourceId: 'EpisodeOfCare/e1',
    });
  });

  it('refuses a .json file over 256 MiB without reading it, and a file that is neither .ndjson nor .json', async () => {
    const huge = await files.text('huge.json', '{}');
    await truncate(huge.path, MAX_JSON_FILE_BYTES + 1);
    const outcome = await readAll([huge, await files.text('notes.txt', 'hello')]);
    expect(reasonsOf(outcome)).toEqual([
      'huge.json: the file is over 256 MiB: write it as NDJSON (one resource per line, <ResourceType>.ndjson)',
      'notes.txt: not a FHIR file: the name must end in .ndjson or .json',
    ]);
  });

  it('reads a byte-order mark and CRLF line ends, counts skipped types, and reports every byte once', async () => {
    const withBom = await files.text(
      'Patient.ndjson',
      `\uFEFF${JSON.stringify(patient('p1'))}\r\n${JSON.stringify(patient('p2'))}\r\n\r\n`,
    );
    const claims = await files.ndjson(
      'Claim.ndjson',
      [1, 2, 3].map((n) => ({ resourceType: 'Claim', id: `c${n}` })),
    );
    const appointments = await files.ndjson('Appointment.ndjson', [
      { resourceType: 'Appointment', status: 'booked' },
      { id: 'x', status: 'booked' },
    ]);
    const all = [withBom, claims, appointments];
    const outcome = await readAll(all);
    expect(rowsOf(outcome, 'patients').map((row) => row['source_id'])).toEqual(['p1', 'p2']);
    expect(outcome.warnings).toEqual(['3 Claim resources skipped (not read by the import)']);
    expect(reasonsOf(outcome)).toEqual([
      'Appointment.ndjson: not a FHIR resource: resourceType is missing',
      'Appointment.ndjson: Appointment.id is missing',
    ]);
    const sizes = await Promise.all(all.map(async (file) => (await stat(file.path)).size));
    expect(outcome.bytes).toBe(sizes.reduce((sum, size) => sum + size, 0));
  });

  it('never throws on resources of the wrong shape: they are rejected or read past', async () => {
    const odd = [
      { resourceType: 'Patient', id: 'p-odd', birthDate: 1990, extension: 'oops', address: 5, gender: ['x'] },
      { resourceType: 'EpisodeOfCare', id: 'e-odd', period: 'soon', diagnosis: { rank: 1 }, patient: 'Patient/p1' },
      { resourceType: 'Appointment', id: 'a-odd', status: 7, participant: 'everyone', start: { at: 9 } },
      { resourceType: 'Observation', id: 'o-odd', code: [], category: 'laboratory', component: {} },
      [1, 2, 3],
    ];
    const outcome = await readAll([await files.ndjson('Mixed.ndjson', odd)]);
    expect(outcome.records).toEqual([]);
    expect(reasonsOf(outcome)).toEqual([
      'Patient/p-odd: Patient.birthDate is missing',
      'Mixed.ndjson: not a FHIR resource: resourceType is missing',
      'EpisodeOfCare/e-odd: EpisodeOfCare.patient is missing',
      'EpisodeOfCare/e-odd: EpisodeOfCare.managingOrganization is missing',
      'EpisodeOfCare/e-odd: EpisodeOfCare.period.start is missing',
      'EpisodeOfCare/e-odd: EpisodeOfCare.status is missing',
      'EpisodeOfCare/e-odd: EpisodeOfCare.diagnosis is missing (a Condition with an ICD-10-CM code gives the primary substance)',
      'Appointment/a-odd: Appointment.status is missing',
      'Appointment/a-odd: Appointment.start is missing',
      'Appointment/a-odd: no episode for this appointment: no episode-of-care extension or link, and no patient',
      'Appointment/a-odd: Appointment.minutesDuration is missing (and no end after start)',
    ]);
    expect(outcome.warnings).toEqual([
      '1 Observation resource skipped: not a drug screen, assessment or mutual-help count',
    ]);
  });
});
