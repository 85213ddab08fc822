/**
 * Small hand-written FHIR resources for the specs: one program, one counselor, patients and episodes whose every
 * field is stated, so that expected rows can be worked out by reading them.
 */
const OURS = 'https://iop-outcomes.org/fhir/';

export const ext = (name: string, value: Record<string, unknown>): Record<string, unknown> => ({
  url: `${OURS}${name}`,
  ...value,
});

export const episodeLink = (episodeId: string): Record<string, unknown> =>
  ext('episode-of-care', { valueReference: { reference: `EpisodeOfCare/${episodeId}` } });

export const coding = (system: string, code: string, display?: string): Record<string, unknown> => ({
  coding: [{ system, code, ...(display ? { display } : {}) }],
});

export const ourCoding = (codeSystem: string, code: string): Record<string, unknown> =>
  coding(`${OURS}CodeSystem/${codeSystem}`, code);

export const program = (id = 'prog1', extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  resourceType: 'Organization',
  id,
  name: 'Riverside IOP',
  type: [coding('http://terminology.hl7.org/CodeSystem/organization-type', 'prov')],
  extension: [
    ext('asam-level', { valueString: '2.1' }),
    ext('timezone', { valueString: 'America/Chicago' }),
    ext('asam-edition', { valueInteger: 4 }),
  ],
  ...extra,
});

export const practitioner = (id = 's1'): Record<string, unknown> => ({
  resourceType: 'Practitioner',
  id,
  name: [{ text: 'Dana Reyes, LCSW', family: 'Reyes', given: ['Dana'] }],
  telecom: [{ system: 'phone', value: '555-0100' }],
});

export const practitionerRole = (
  practitionerId = 's1',
  programId = 'prog1',
  role = 'counselor',
): Record<string, unknown> => ({
  resourceType: 'PractitionerRole',
  id: `role-${practitionerId}`,
  practitioner: { reference: `Practitioner/${practitionerId}` },
  organization: { reference: `Organization/${programId}` },
  code: [ourCoding('staff-role', role)],
});

export const patient = (id = 'p1', extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  resourceType: 'Patient',
  id,
  name: [{ family: 'Secret', given: ['Private'] }],
  telecom: [{ system: 'phone', value: '555-0199' }],
  gender: 'female',
  birthDate: '1988-07-14',
  address: [{ line: ['12 Hidden Lane'], city: 'Springfield', postalCode: '62704-1234' }],
  extension: [ext('employment', { valueCode: 'employed' })],
  ...extra,
});

export const condition = (id: string, icd10: string): Record<string, unknown> => ({
  resourceType: 'Condition',
  id,
  code: coding('http://hl7.org/fhir/sid/icd-10-cm', icd10),
  note: [{ text: 'never copied' }],
});

/** An active episode of p1 at prog1 from 2026-01-05, opioid use disorder, every extension stated. */
export const episode = (id = 'e1', extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  resourceType: 'EpisodeOfCare',
  id,
  status: 'active',
  patient: { reference: 'Patient/p1' },
  managingOrganization: { reference: 'Organization/prog1' },
  period: { start: '2026-01-05' },
  diagnosis: [{ condition: { reference: 'Condition/c-oud' }, rank: 1 }],
  careManager: { reference: 'Practitioner/s1' },
  extension: [
    ext('payer', { valueCode: 'medicaid' }),
    ext('severity', { valueInteger: 3 }),
    ext('referral-source', { valueCode: 'court' }),
    ext('prior-episodes', { valueInteger: 1 }),
    ext('family-involved', { valueBoolean: true }),
  ],
  ...extra,
});

/** The directory every bulk spec starts from: prog1, s1 (counselor), p1 with episode e1, p2 with episode e2. */
export const baseDirectory = (): Array<Record<string, unknown>> => [
  program(),
  practitioner(),
  practitionerRole(),
  patient('p1'),
  patient('p2'),
  condition('c-oud', 'F11.20'),
  condition('c-alc', 'F10.20'),
  episode('e1'),
  episode('e2', {
    patient: { reference: 'Patient/p2' },
    period: { start: '2026-02-01', end: '2026-04-30' },
    status: 'finished',
    diagnosis: [{ condition: { reference: 'Condition/c-alc' }, rank: 1 }],
    extension: [ext('payer', { valueCode: 'commercial' }), ext('teds-reason', { valueInteger: 1 })],
  }),
];
