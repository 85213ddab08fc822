import type { EpisodeRecord, PatientRecord, ProgramRecord, StaffRecord } from './contract-rows';
import {
  concept,
  EXTENSION,
  OPIOID_USE_DISORDER,
  PRIMARY_DIAGNOSIS,
  reference,
  SYSTEM,
  type Extension,
  type FhirResource,
} from './fhir-codes';

/** Programs, staff, patients and episodes as FHIR R4 resources (docs/DATA-IMPORT.md, "FHIR R4"). */

export function organizationResource(program: ProgramRecord): FhirResource {
  return {
    resourceType: 'Organization',
    id: program.source_id,
    extension: [
      { url: EXTENSION.asamLevel, valueString: program.level_of_care },
      { url: EXTENSION.timezone, valueString: program.timezone },
      { url: EXTENSION.asamEdition, valueInteger: program.asam_edition },
    ],
    active: true,
    type: [concept(SYSTEM.organizationType, 'prov', 'Healthcare Provider')],
    name: program.name,
  };
}

export function practitionerResource(staff: StaffRecord): FhirResource {
  return { resourceType: 'Practitioner', id: staff.source_id, active: true, name: [{ text: staff.display_name }] };
}

/** The id of a practitioner's one role: `role-<practitioner id>`. */
export const practitionerRoleId = (staffSourceId: string): string => `role-${staffSourceId}`;

export function practitionerRoleResource(staff: StaffRecord): FhirResource {
  return {
    resourceType: 'PractitionerRole',
    id: practitionerRoleId(staff.source_id),
    active: true,
    practitioner: reference('Practitioner', staff.source_id),
    organization: reference('Organization', staff.program_source_id),
    code: [concept(SYSTEM.staffRole, staff.role)],
  };
}

/** Only what the schema keeps: the birth year (as a FHIR partial date), sex, zip3 as the postal code, employment. */
export function patientResource(patient: PatientRecord): FhirResource {
  return {
    resourceType: 'Patient',
    id: patient.source_id,
    extension: [{ url: EXTENSION.employment, valueCode: patient.employment }],
    gender: patient.sex,
    birthDate: String(patient.birth_year),
    address: [{ postalCode: patient.zip3 }],
  };
}

export const conditionId = (episodeSourceId: string, rank: number): string => `${episodeSourceId}-dx${rank}`;
export const serviceRequestId = (episodeSourceId: string): string => `${episodeSourceId}-referral`;

/**
 * The episode's diagnoses: the primary substance's use disorder (rank 1), and an opioid use disorder (rank 2)
 * when the episode has one beside another primary substance, so that the diagnoses say what `oud` says.
 */
export function conditionResources(episode: EpisodeRecord): FhirResource[] {
  const diagnoses = [PRIMARY_DIAGNOSIS[episode.primary_substance]];
  if (episode.oud && episode.primary_substance !== 'opioids') diagnoses.push(OPIOID_USE_DISORDER);
  return diagnoses.map((diagnosis, index) => ({
    resourceType: 'Condition',
    id: conditionId(episode.source_id, index + 1),
    clinicalStatus: concept('http://terminology.hl7.org/CodeSystem/condition-clinical', 'active'),
    verificationStatus: concept('http://terminology.hl7.org/CodeSystem/condition-ver-status', 'confirmed'),
    code: concept(SYSTEM.icd10cm, diagnosis.code, diagnosis.display),
    subject: reference('Patient', episode.patient_source_id),
    recordedDate: episode.admit_date,
  }));
}

/** The referral, when the episode has a referral date (its authoredOn). */
export function serviceRequestResource(episode: EpisodeRecord): FhirResource | null {
  if (episode.referral_date === null) return null;
  return {
    resourceType: 'ServiceRequest',
    id: serviceRequestId(episode.source_id),
    status: 'completed',
    intent: 'order',
    subject: reference('Patient', episode.patient_source_id),
    authoredOn: episode.referral_date,
  };
}

/**
 * The episode, with every column the diagnoses and period do not carry as an extension. `oud` is written only
 * when the diagnoses would say otherwise (an opioid primary substance without an opioid use disorder).
 */
export function episodeOfCareResource(episode: EpisodeRecord): FhirResource {
  const extension: Extension[] = [];
  if (episode.discharge_reason !== null) {
    extension.push({ url: EXTENSION.tedsReason, valueInteger: episode.discharge_reason });
  }
  if (episode.discharge_reason_local !== null) {
    extension.push({ url: EXTENSION.dischargeReasonLocal, valueString: episode.discharge_reason_local });
  }
  if (episode.prior_discharge_date !== null) {
    extension.push({ url: EXTENSION.priorDischargeDate, valueDate: episode.prior_discharge_date });
  }
  extension.push(
    { url: EXTENSION.payer, valueCode: episode.payer },
    { url: EXTENSION.severity, valueInteger: episode.severity },
    { url: EXTENSION.referralSource, valueCode: episode.referral_source },
    { url: EXTENSION.priorEpisodes, valueInteger: episode.prior_episodes },
    { url: EXTENSION.familyInvolved, valueBoolean: episode.family_involved },
  );
  const diagnosesSayOud = episode.primary_substance === 'opioids' || episode.oud;
  if (diagnosesSayOud !== episode.oud) extension.push({ url: EXTENSION.oud, valueBoolean: episode.oud });
  const diagnoses = conditionResources(episode);
  const serviceRequest = serviceRequestResource(episode);
  return {
    resourceType: 'EpisodeOfCare',
    id: episode.source_id,
    extension,
    status: episode.discharge_date === null ? 'active' : 'finished',
    type: [concept(SYSTEM.asamLevel, episode.level_of_care)],
    diagnosis: diagnoses.map((condition, index) => ({
      condition: reference('Condition', condition.id),
      rank: index + 1,
    })),
    patient: reference('Patient', episode.patient_source_id),
    managingOrganization: reference('Organization', episode.program_source_id),
    period:
      episode.discharge_date === null
        ? { start: episode.admit_date }
        : { start: episode.admit_date, end: episode.discharge_date },
    ...(serviceRequest ? { referralRequest: [reference('ServiceRequest', serviceRequest.id)] } : {}),
    ...(episode.primary_counselor_source_id === null
      ? {}
      : { careManager: reference('Practitioner', episode.primary_counselor_source_id) }),
  };
}
