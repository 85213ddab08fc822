import { baseDirectory, condition, coding, episode, ext, ourCoding } from './testing/fhir-builders';
import { FhirTestFiles, readAll, reasonsOf, rowsOf } from './testing/fhir-test-files';

describe('FHIR EpisodeOfCare', () => {
  let files: FhirTestFiles;
  beforeEach(async () => {
    files = await FhirTestFiles.create();
  });
  afterEach(() => files.cleanup());

  it('maps an open and a finished episode, with the program’s level of care and the stated defaults', async () => {
    const outcome = await readAll([await files.bundle('directory.json', baseDirectory())]);
    expect(outcome.rejections).toEqual([]);
    expect(rowsOf(outcome, 'episodes')).toEqual([
      {
        source_id: 'e1',
        program_source_id: 'prog1',
        patient_source_id: 'p1',
        level_of_care: '2.1',
        referral_source: 'court',
        admit_date: '2026-01-05',
        primary_substance: 'opioids',
        oud: 'true',
        severity: '3',
        prior_episodes: '1',
        payer: 'medicaid',
        primary_counselor_source_id: 's1',
        family_involved: 'true',
      },
      {
        source_id: 'e2',
        program_source_id: 'prog1',
        patient_source_id: 'p2',
        level_of_care: '2.1',
        referral_source: 'other',
        admit_date: '2026-02-01',
        discharge_date: '2026-04-30',
        discharge_reason: '1',
        primary_substance: 'alcohol',
        oud: 'false',
        severity: '2',
        prior_episodes: '0',
        payer: 'commercial',
        primary_counselor_source_id: 's1',
        family_involved: 'false',
      },
    ]);
    expect(outcome.warnings).toEqual([
      'episodes.referral_source = other in 1 row (default: no referral-source extension)',
      'episodes.severity = 2 in 1 row (default: no severity extension)',
      'episodes.prior_episodes = 0 in 1 row (default: no prior-episodes extension)',
      'episodes.family_involved = false in 1 row (default: no family-involved extension)',
    ]);
  });

  it('reads the level, referral, dates and diagnoses of rank 1, and lets the oud extension override F11', async () => {
    const detailed = episode('e3', {
      status: 'finished',
      period: { start: '2026-01-10T09:30:00-06:00', end: '2026-03-20T16:00:00-05:00' },
      type: [ourCoding('asam-level', '2.5')],
      referralRequest: [{ reference: 'ServiceRequest/ref-1' }],
      careManager: { reference: 'PractitionerRole/role-s1' },
      diagnosis: [
        { condition: { reference: 'Condition/c-alc' }, rank: 2 },
        { condition: { reference: 'Condition/c-stim' }, rank: 1 },
        { condition: { reference: 'Condition/c-oud' } },
      ],
      extension: [
        ext('teds-reason', { valueInteger: 2 }),
        ext('discharge-reason-local', { valueString: 'stopped coming' }),
        ext('prior-discharge-date', { valueDate: '2024-11-02' }),
        ext('oud', { valueBoolean: false }),
        ext('payer', { valueCode: 'medicare' }),
        ext('severity', { valueInteger: 1 }),
        ext('referral-source', { valueCode: 'self' }),
        ext('prior-episodes', { valueInteger: 4 }),
        ext('family-involved', { valueBoolean: false }),
      ],
    });
    const referral = { resourceType: 'ServiceRequest', id: 'ref-1', authoredOn: '2025-12-20T15:30:00-06:00' };
    const outcome = await readAll([
      await files.bundle('directory.json', [...baseDirectory(), condition('c-stim', 'F15.10'), referral]),
      await files.ndjson('EpisodeOfCare.ndjson', [detailed]),
    ]);
    expect(outcome.rejections).toEqual([]);
    expect(rowsOf(outcome, 'episodes').find((row) => row['source_id'] === 'e3')).toEqual({
      source_id: 'e3',
      program_source_id: 'prog1',
      patient_source_id: 'p1',
      level_of_care: '2.5',
      referral_date: '2025-12-20',
      referral_source: 'self',
      prior_discharge_date: '2024-11-02',
      admit_date: '2026-01-10',
      discharge_date: '2026-03-20',
      discharge_reason: '2',
      discharge_reason_local: 'stopped coming',
      primary_substance: 'stimulants',
      oud: 'false',
      severity: '1',
      prior_episodes: '4',
      payer: 'medicare',
      primary_counselor_source_id: 's1',
      family_involved: 'false',
    });
  });

  it('takes the payer from the patient’s Coverage covering the admission, else other', async () => {
    const noPayer = (id: string, patientId: string): Record<string, unknown> =>
      episode(id, { patient: { reference: `Patient/${patientId}` }, extension: [] });
    const coverages = [
      {
        resourceType: 'Coverage',
        id: 'cov-old',
        status: 'active',
        beneficiary: { reference: 'Patient/p1' },
        period: { start: '2025-01-01', end: '2025-12-31' },
        type: coding('http://terminology.hl7.org/CodeSystem/v3-ActCode', 'medicaid'),
      },
      {
        resourceType: 'Coverage',
        id: 'cov-new',
        status: 'active',
        beneficiary: { reference: 'Patient/p1' },
        period: { start: '2026-01-01' },
        payor: [{ display: 'Self Pay' }],
      },
    ];
    const outcome = await readAll([
      await files.bundle('directory.json', [...baseDirectory().slice(0, 7), ...coverages]),
      await files.ndjson('EpisodeOfCare.ndjson', [noPayer('e4', 'p1'), noPayer('e5', 'p2')]),
    ]);
    expect(rowsOf(outcome, 'episodes').map((row) => [row['source_id'], row['payer']])).toEqual([
      ['e4', 'self_pay'],
      ['e5', 'other'],
    ]);
    expect(outcome.warnings).toContain(
      'episodes.payer = other in 1 row (default: no payer extension and no Coverage of the patient covering the admission)',
    );
  });

  it('rejects an episode without period.start, a finished one without end or reason, and unknown references', async () => {
    const noStart = episode('e6', { period: {} });
    const finishedBare = episode('e7', { status: 'finished', extension: [ext('payer', { valueCode: 'other' })] });
    const dangling = episode('e8', {
      diagnosis: [{ condition: { reference: 'Condition/stroke' }, rank: 1 }],
      referralRequest: [{ reference: 'ServiceRequest/nowhere' }],
      managingOrganization: { reference: 'Organization/elsewhere' },
    });
    const undiagnosed = episode('e9', { diagnosis: undefined });
    const outcome = await readAll([
      await files.bundle('directory.json', baseDirectory().slice(0, 7)),
      await files.ndjson('EpisodeOfCare.ndjson', [noStart, finishedBare, dangling, undiagnosed]),
    ]);
    expect(outcome.records.filter((record) => record.entity === 'episodes')).toEqual([]);
    expect(reasonsOf(outcome)).toEqual([
      'EpisodeOfCare/e6: EpisodeOfCare.period.start is missing',
      'EpisodeOfCare/e7: EpisodeOfCare.period.end is missing (status finished)',
      'EpisodeOfCare/e7: EpisodeOfCare.extension[teds-reason] is missing (status finished)',
      'EpisodeOfCare/e8: EpisodeOfCare.type is missing (an asam-level coding, or a program Organization/elsewhere with a level of care)',
      'EpisodeOfCare/e8: EpisodeOfCare.diagnosis.condition names Condition/stroke, which is not in the import',
      'EpisodeOfCare/e8: EpisodeOfCare.referralRequest names ServiceRequest/nowhere, which is not in the import',
      'EpisodeOfCare/e9: EpisodeOfCare.diagnosis is missing (a Condition with an ICD-10-CM code gives the primary substance)',
    ]);
    expect(outcome.rejections[0]).toMatchObject({
      file: 'EpisodeOfCare.ndjson',
      line: 1,
      field: 'EpisodeOfCare.period.start',
    });
  });

  it('takes the level of care of a program imported before, and skips planned episodes with a count', async () => {
    const elsewhere = episode('e10', { managingOrganization: { reference: 'Organization/prog-old' } });
    const planned = episode('e11', { status: 'planned' });
    const outcome = await readAll(
      [
        await files.bundle('directory.json', baseDirectory().slice(0, 7)),
        await files.ndjson('EpisodeOfCare.ndjson', [elsewhere, planned]),
      ],
      { knownPrograms: [{ sourceId: 'prog-old', levelOfCare: '1' }] },
    );
    expect(outcome.rejections).toEqual([]);
    expect(rowsOf(outcome, 'episodes').map((row) => [row['source_id'], row['level_of_care']])).toEqual([['e10', '1']]);
    expect(outcome.warnings).toContain('1 EpisodeOfCare resource with status planned skipped');
  });
});
