import { coding, ext, ourCoding, patient, practitioner, practitionerRole, program } from './testing/fhir-builders';
import { FhirTestFiles, readAll, reasonsOf, rowsOf } from './testing/fhir-test-files';

describe('FHIR programs, staff and patients', () => {
  let files: FhirTestFiles;
  beforeEach(async () => {
    files = await FhirTestFiles.create();
  });
  afterEach(() => files.cleanup());

  it('maps an Organization of type prov and a HealthcareService to programs, with counted defaults', async () => {
    const service = {
      resourceType: 'HealthcareService',
      id: 'hs-east',
      name: 'East Side Evening IOP',
      category: [ourCoding('asam-level', '2.5')],
    };
    const payerOrganization = {
      resourceType: 'Organization',
      id: 'payer-1',
      name: 'State Medicaid',
      type: [coding('http://terminology.hl7.org/CodeSystem/organization-type', 'pay')],
    };
    const outcome = await readAll([await files.ndjson('Organization.ndjson', [program(), payerOrganization, service])]);

    expect(rowsOf(outcome, 'programs')).toEqual([
      {
        source_id: 'prog1',
        name: 'Riverside IOP',
        level_of_care: '2.1',
        asam_edition: '4',
        timezone: 'America/Chicago',
      },
      {
        source_id: 'hs-east',
        name: 'East Side Evening IOP',
        level_of_care: '2.5',
        asam_edition: '3',
        timezone: 'America/New_York',
      },
    ]);
    expect(outcome.rejections).toEqual([]);
    expect(outcome.warnings).toEqual([
      '1 Organization resource skipped: not a program (no type prov)',
      'programs.timezone = America/New_York in 1 row (default: no timezone extension)',
      'programs.asam_edition = 3 in 1 row (default: no asam-edition extension)',
    ]);
  });

  it('rejects a program without a level of care or a name, naming the element', async () => {
    const bare = program('prog2', { name: undefined, extension: [] });
    const outcome = await readAll([await files.ndjson('Organization.ndjson', [bare])]);
    expect(outcome.records).toEqual([]);
    expect(outcome.rejections).toEqual([
      {
        file: 'Organization.ndjson',
        line: 1,
        resourceId: 'Organization/prog2',
        field: 'Organization.name',
        value: null,
        reason: 'Organization.name is missing',
      },
      {
        file: 'Organization.ndjson',
        line: 1,
        resourceId: 'Organization/prog2',
        field: 'Organization.extension[asam-level]',
        value: null,
        reason: 'Organization.extension[asam-level] is missing (or a type coding in the asam-level system)',
      },
    ]);
  });

  it('maps a Practitioner with its PractitionerRole to staff and rejects one without a role', async () => {
    const byParts = { resourceType: 'Practitioner', id: 's2', name: [{ family: 'Okafor', given: ['Ada', 'N.'] }] };
    const viaService = {
      resourceType: 'PractitionerRole',
      id: 'role-s2',
      practitioner: { reference: 'Practitioner/s2' },
      healthcareService: [{ reference: 'HealthcareService/hs-east' }],
      code: [ourCoding('staff-role', 'prescriber')],
    };
    const outcome = await readAll([
      await files.ndjson('Practitioner.ndjson', [practitioner('s1'), byParts, practitioner('s3')]),
      await files.ndjson('PractitionerRole.ndjson', [practitionerRole('s1'), viaService, practitionerRole('s-gone')]),
    ]);

    expect(rowsOf(outcome, 'staff')).toEqual([
      { source_id: 's1', program_source_id: 'prog1', display_name: 'Dana Reyes, LCSW', role: 'counselor' },
      { source_id: 's2', program_source_id: 'hs-east', display_name: 'Ada N. Okafor', role: 'prescriber' },
    ]);
    expect(reasonsOf(outcome)).toEqual([
      'Practitioner/s3: PractitionerRole.organization is missing (no PractitionerRole names Practitioner/s3 and a program)',
    ]);
    expect(outcome.warnings).toEqual(['1 PractitionerRole resource whose Practitioner is not in the import skipped']);
  });

  it('keeps a patient’s birth year, sex, zip3 and employment and never a name, telecom, address line or birth date', async () => {
    const outcome = await readAll([await files.ndjson('Patient.ndjson', [patient('p1')])]);
    expect(rowsOf(outcome, 'patients')).toEqual([
      { source_id: 'p1', birth_year: '1988', sex: 'female', zip3: '627', employment: 'employed' },
    ]);
    const everything = JSON.stringify(outcome.records);
    for (const secret of ['Secret', 'Private', '555-0199', 'Hidden Lane', 'Springfield', '1988-07-14', '62704']) {
      expect(everything).not.toContain(secret);
    }
  });

  it('reads a year-only birth date, defaults sex and employment, and drops a postal code that is not digits', async () => {
    const sparse = patient('p2', {
      birthDate: '1975',
      gender: undefined,
      address: [{ postalCode: 'K1A 0B1' }],
      extension: [],
    });
    const outcome = await readAll([
      await files.ndjson('Patient.ndjson', [sparse, patient('p3', { birthDate: undefined })]),
    ]);
    expect(rowsOf(outcome, 'patients')).toEqual([
      { source_id: 'p2', birth_year: '1975', sex: 'unknown', employment: 'other' },
    ]);
    expect(reasonsOf(outcome)).toEqual(['Patient/p3: Patient.birthDate is missing']);
    expect(outcome.warnings).toEqual([
      'patients.sex = unknown in 1 row (default: no gender)',
      'patients.employment = other in 1 row (default: no employment extension)',
    ]);
  });

  it('reads the employment extension as written', async () => {
    const student = patient('p4', { extension: [ext('employment', { valueCode: 'student' })] });
    const outcome = await readAll([await files.ndjson('Patient.ndjson', [student])]);
    expect(rowsOf(outcome, 'patients')[0]?.['employment']).toBe('student');
  });
});
