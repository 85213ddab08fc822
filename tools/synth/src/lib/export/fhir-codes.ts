import type { Substance } from '@iop/contracts';

/**
 * The systems, extensions and codes of the FHIR R4 form of the import contract (docs/DATA-IMPORT.md), as the
 * exporter writes them. Our own URLs start with https://iop-outcomes.org/fhir/.
 */

const BASE = 'https://iop-outcomes.org/fhir';

export const EXTENSION = {
  asamLevel: `${BASE}/asam-level`,
  timezone: `${BASE}/timezone`,
  asamEdition: `${BASE}/asam-edition`,
  employment: `${BASE}/employment`,
  episodeOfCare: `${BASE}/episode-of-care`,
  tedsReason: `${BASE}/teds-reason`,
  dischargeReasonLocal: `${BASE}/discharge-reason-local`,
  priorDischargeDate: `${BASE}/prior-discharge-date`,
  payer: `${BASE}/payer`,
  severity: `${BASE}/severity`,
  referralSource: `${BASE}/referral-source`,
  priorEpisodes: `${BASE}/prior-episodes`,
  familyInvolved: `${BASE}/family-involved`,
  oud: `${BASE}/oud`,
  modality: `${BASE}/modality`,
  screenExpected: `${BASE}/screen-expected`,
} as const;

export const SYSTEM = {
  asamLevel: `${BASE}/CodeSystem/asam-level`,
  staffRole: `${BASE}/CodeSystem/staff-role`,
  sessionType: `${BASE}/CodeSystem/session-type`,
  drugScreen: `${BASE}/CodeSystem/drug-screen`,
  instrument: `${BASE}/CodeSystem/instrument`,
  mutualHelp: `${BASE}/CodeSystem/mutual-help`,
  medication: `${BASE}/CodeSystem/medication`,
  organizationType: 'http://terminology.hl7.org/CodeSystem/organization-type',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  snomed: 'http://snomed.info/sct',
  cancellationReason: 'http://terminology.hl7.org/CodeSystem/appointment-cancellation-reason',
  dataAbsentReason: 'http://terminology.hl7.org/CodeSystem/data-absent-reason',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  ucum: 'http://unitsofmeasure.org',
  hcpcs: 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
  cpt: 'http://www.ama-assn.org/go/cpt',
} as const;

/** SNOMED CT findings of a drug screen. */
export const SNOMED_POSITIVE = { code: '10828004', display: 'Positive' } as const;
export const SNOMED_NEGATIVE = { code: '260385009', display: 'Negative' } as const;

/**
 * The ICD-10-CM code (use disorder, moderate or severe, uncomplicated) written as an episode's primary
 * diagnosis; the reader maps F10 alcohol, F11 opioids, F14/F15 stimulants, F12 cannabis, anything else other.
 */
export const PRIMARY_DIAGNOSIS: Readonly<Record<Substance, { code: string; display: string }>> = {
  alcohol: { code: 'F10.20', display: 'Alcohol dependence, uncomplicated' },
  opioids: { code: 'F11.20', display: 'Opioid dependence, uncomplicated' },
  stimulants: { code: 'F15.20', display: 'Other stimulant dependence, uncomplicated' },
  cannabis: { code: 'F12.20', display: 'Cannabis dependence, uncomplicated' },
  other: { code: 'F19.20', display: 'Other psychoactive substance dependence, uncomplicated' },
};

/** A secondary diagnosis for an opioid use disorder beside another primary substance. */
export const OPIOID_USE_DISORDER = PRIMARY_DIAGNOSIS.opioids;

export interface Coding {
  system: string;
  code: string;
  display?: string;
}

export interface CodeableConcept {
  coding: Coding[];
  text?: string;
}

export type Extension =
  | { url: string; valueString: string }
  | { url: string; valueInteger: number }
  | { url: string; valueBoolean: boolean }
  | { url: string; valueCode: string }
  | { url: string; valueDate: string }
  | { url: string; valueReference: { reference: string } };

/** A FHIR resource as JSON: its type, its id (the row's source id) and whatever elements it has. */
export interface FhirResource {
  resourceType: string;
  id: string;
  [element: string]: unknown;
}

export const concept = (system: string, code: string, display?: string): CodeableConcept => ({
  coding: [display === undefined ? { system, code } : { system, code, display }],
});

export const reference = (type: string, id: string): { reference: string } => ({ reference: `${type}/${id}` });

export const episodeExtension = (episodeSourceId: string): Extension => ({
  url: EXTENSION.episodeOfCare,
  valueReference: reference('EpisodeOfCare', episodeSourceId),
});
