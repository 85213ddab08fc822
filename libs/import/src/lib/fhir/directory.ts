import type { Payer } from '@iop/contracts';
import { medicationOfConcept, payerOfText, SYSTEM, type MedicationMatch } from './fhir-codes';
import {
  asArray,
  asString,
  codeInSystem,
  codingsOf,
  datePartOf,
  objectsOf,
  parseReference,
  referenceIdOf,
  stringAt,
  type JsonObject,
} from './json-access';
import type { ResourceLocation } from './mapping';

/** A program of the import: what its episodes and timestamps need from it. */
export interface ProgramEntry {
  levelOfCare: string | undefined;
  timezone: string;
}

export interface PractitionerEntry {
  id: string;
  displayName: string | undefined;
  at: ResourceLocation;
}

export interface RoleEntry {
  practitionerId: string | undefined;
  programId: string | undefined;
  role: string | undefined;
}

export interface CoverageEntry {
  patientId: string | undefined;
  start: string | undefined;
  end: string | undefined;
  payer: Payer | undefined;
}

export interface HeldResource {
  resource: JsonObject;
  at: ResourceLocation;
}

/**
 * The small resources of the import, kept from the first pass for the second one: programs, staff, episodes
 * and what the episodes refer to, in compact form. Bulk resources (appointments, observations...) are never kept.
 */
export class Directory {
  readonly programs = new Map<string, ProgramEntry>();
  readonly practitioners: PractitionerEntry[] = [];
  readonly roles = new Map<string, RoleEntry>();
  private readonly rolesByPractitioner = new Map<string, RoleEntry[]>();
  /** Kept whole: each needs Conditions, Coverages, ServiceRequests and programs that may come later. */
  readonly episodes: HeldResource[] = [];
  /** Condition id -> its ICD-10-CM codes. */
  readonly conditionCodes = new Map<string, string[]>();
  /** ServiceRequest id -> its authoredOn date. */
  readonly referralDates = new Map<string, string | undefined>();
  readonly coverages = new Map<string, CoverageEntry>();
  readonly coveragesByPatient = new Map<string, CoverageEntry[]>();
  /** Account id -> the ids of its Coverages. */
  readonly accountCoverages = new Map<string, string[]>();
  readonly medications = new Map<string, MedicationMatch>();
  /** Encounter links: Appointment id -> EpisodeOfCare id; consumed as the Appointments are read. */
  readonly appointmentEpisodes = new Map<string, string>();
  /** Encounter id -> EpisodeOfCare id, for resources whose `encounter` or `context` is an Encounter. */
  readonly encounterEpisodes = new Map<string, string>();

  /** Keeps what the second pass needs of a first-pass resource; false for a type this class does not hold. */
  hold(type: string, resource: JsonObject, at: ResourceLocation): boolean {
    const id = asString(resource['id']);
    switch (type) {
      case 'Practitioner':
        if (id) this.practitioners.push({ id, displayName: practitionerDisplayName(resource), at });
        return true;
      case 'PractitionerRole':
        if (id) this.holdRole(id, roleOf(resource));
        return true;
      case 'EpisodeOfCare':
        this.episodes.push({ resource, at });
        return true;
      case 'Condition':
        if (id) this.conditionCodes.set(id, icd10CodesOf(resource));
        return true;
      case 'ServiceRequest':
        if (id) this.referralDates.set(id, datePartOf(stringAt(resource, 'authoredOn')));
        return true;
      case 'Coverage':
        if (id) this.holdCoverage(id, resource);
        return true;
      case 'Account':
        if (id) this.accountCoverages.set(id, accountCoverageIds(resource));
        return true;
      case 'Medication':
        if (id) this.medications.set(id, medicationOfConcept(resource['code']));
        return true;
      case 'Encounter':
        this.holdEncounterLinks(id, resource);
        return true;
      default:
        return false;
    }
  }

  /** The roles naming this practitioner, in the order they were read. */
  rolesOf(practitionerId: string): RoleEntry[] {
    return this.rolesByPractitioner.get(practitionerId) ?? [];
  }

  /** The practitioner of a staff reference: Practitioner/<id> itself, or the practitioner of PractitionerRole/<id>. */
  staffIdOf(reference: unknown): string | undefined {
    const parsed = parseReference(reference);
    if (parsed?.type === 'Practitioner') return parsed.id;
    if (parsed?.type === 'PractitionerRole') return this.roles.get(parsed.id)?.practitionerId;
    return undefined;
  }

  private holdRole(id: string, role: RoleEntry): void {
    this.roles.set(id, role);
    if (!role.practitionerId) return;
    const list = this.rolesByPractitioner.get(role.practitionerId) ?? [];
    list.push(role);
    this.rolesByPractitioner.set(role.practitionerId, list);
  }

  private holdCoverage(id: string, resource: JsonObject): void {
    const status = asString(resource['status']);
    if (status === 'cancelled' || status === 'entered-in-error') return;
    const entry: CoverageEntry = {
      patientId: referenceIdOf(resource['beneficiary'], 'Patient'),
      start: datePartOf(stringAt(resource, 'period', 'start')),
      end: datePartOf(stringAt(resource, 'period', 'end')),
      payer: coveragePayer(resource),
    };
    this.coverages.set(id, entry);
    if (entry.patientId) {
      const list = this.coveragesByPatient.get(entry.patientId) ?? [];
      list.push(entry);
      this.coveragesByPatient.set(entry.patientId, list);
    }
  }

  private holdEncounterLinks(id: string | undefined, resource: JsonObject): void {
    const episodeId = objectsOf(resource['episodeOfCare'])
      .map((reference) => referenceIdOf(reference, 'EpisodeOfCare'))
      .find((candidate) => candidate !== undefined);
    if (!episodeId) return;
    if (id) this.encounterEpisodes.set(id, episodeId);
    for (const appointment of objectsOf(resource['appointment'])) {
      const appointmentId = referenceIdOf(appointment, 'Appointment');
      if (appointmentId) this.appointmentEpisodes.set(appointmentId, episodeId);
    }
  }
}

/** name[0].text, else the given names and family joined; the only name the import keeps (staff display name). */
function practitionerDisplayName(resource: JsonObject): string | undefined {
  const name = objectsOf(resource['name'])[0];
  if (!name) return undefined;
  const text = asString(name['text']);
  if (text) return text;
  const parts = [...asArray(name['given']), name['family']].map(asString).filter((part) => part !== undefined);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

function roleOf(resource: JsonObject): RoleEntry {
  return {
    practitionerId: referenceIdOf(resource['practitioner'], 'Practitioner'),
    programId:
      referenceIdOf(resource['organization'], 'Organization') ??
      objectsOf(resource['healthcareService'])
        .map((reference) => referenceIdOf(reference, 'HealthcareService'))
        .find((candidate) => candidate !== undefined),
    role: codeInSystem(resource['code'], SYSTEM.staffRole),
  };
}

function icd10CodesOf(resource: JsonObject): string[] {
  return codingsOf(resource['code'])
    .filter((coding) => coding.system === SYSTEM.icd10cm && coding.code)
    .map((coding) => (coding.code as string).toUpperCase());
}

function accountCoverageIds(resource: JsonObject): string[] {
  return objectsOf(resource['coverage'])
    .map((entry) => referenceIdOf(entry['coverage'], 'Coverage'))
    .filter((id): id is string => id !== undefined);
}

/** Coverage.type (codes, displays, text) then payor[].display, matched to the payer vocabulary. */
function coveragePayer(resource: JsonObject): Payer | undefined {
  const type = resource['type'];
  const candidates = [
    ...codingsOf(type).flatMap((coding) => [coding.code, coding.display]),
    stringAt(type, 'text'),
    ...objectsOf(resource['payor']).map((payor) => asString(payor['display'])),
  ];
  return candidates.map(payerOfText).find((payer) => payer !== undefined);
}
