import { parseISO } from 'date-fns';
import type { BatchRecords, DrugScreenRecord, ProgramRecord, StaffRecord } from './contract-rows';
import {
  appointmentResource,
  assessmentResource,
  cachedInstantAfter,
  chargeItemResource,
  drugScreenResource,
  medicationDispenseResource,
  mutualHelpResource,
  planGoalResource,
  type EpisodeContext,
} from './fhir-care-resources';
import type { FhirResource } from './fhir-codes';
import {
  conditionResources,
  episodeOfCareResource,
  organizationResource,
  patientResource,
  practitionerResource,
  practitionerRoleResource,
  serviceRequestResource,
} from './fhir-episode-resources';
import { OutputFile, type ExportedFile } from './output-file';

/** The NDJSON files, one per resource type, in the order a reader meets their references. */
export const FHIR_RESOURCE_TYPES = [
  'Organization',
  'Practitioner',
  'PractitionerRole',
  'Patient',
  'Condition',
  'ServiceRequest',
  'EpisodeOfCare',
  'Appointment',
  'Observation',
  'MedicationDispense',
  'Goal',
  'ChargeItem',
] as const;
export type FhirResourceType = (typeof FHIR_RESOURCE_TYPES)[number];

export const ndjsonFileName = (type: FhirResourceType): string => `${type}.ndjson`;

const HOUR_MS = 3_600_000;
/** Resources are written about a megabyte at a time (a batch of appointments alone is tens of megabytes). */
const CHUNK_CHARACTERS = 1 << 20;

/**
 * The FHIR R4 form of the export: Bulk Data NDJSON, a file per resource type. Observations of one episode
 * within the same hour are read as one drug screen, so two screens of an episode in one hour (UTC) cannot be
 * carried: the export stops with an error rather than write files that would import as fewer screens.
 */
export class FhirExport {
  private readonly files: Record<FhirResourceType, OutputFile>;
  private readonly timeZones = new Map<string, string>();
  private readonly endOf = cachedInstantAfter();

  private constructor(directory: string) {
    this.files = Object.fromEntries(
      FHIR_RESOURCE_TYPES.map((type) => [type, OutputFile.create(directory, ndjsonFileName(type))]),
    ) as Record<FhirResourceType, OutputFile>;
  }

  static open(directory: string): FhirExport {
    return new FhirExport(directory);
  }

  async writeNetwork(programs: readonly ProgramRecord[], staff: readonly StaffRecord[]): Promise<void> {
    for (const program of programs) this.timeZones.set(program.source_id, program.timezone);
    await this.append('Organization', programs.map(organizationResource));
    await this.append('Practitioner', staff.map(practitionerResource));
    await this.append('PractitionerRole', staff.map(practitionerRoleResource));
  }

  async writeBatch(batch: BatchRecords): Promise<void> {
    const episodes = new Map<string, EpisodeContext>();
    for (const episode of batch.episodes) {
      const timeZone = this.timeZones.get(episode.program_source_id);
      if (timeZone === undefined) throw new Error(`episode ${episode.source_id}: program not in the network`);
      episodes.set(episode.source_id, { patientSourceId: episode.patient_source_id, timeZone });
    }
    const contextOf = (episodeSourceId: string): EpisodeContext => {
      const context = episodes.get(episodeSourceId);
      if (context === undefined) throw new Error(`episode ${episodeSourceId} is not in its children's batch`);
      return context;
    };
    const withEpisode =
      <Row extends { episode_source_id: string }>(build: (row: Row, episode: EpisodeContext) => FhirResource) =>
      (row: Row): FhirResource =>
        build(row, contextOf(row.episode_source_id));
    assertOneScreenPerHour(batch.drug_screens);

    await this.append('Patient', batch.patients.map(patientResource));
    await this.append('Condition', batch.episodes.flatMap(conditionResources));
    await this.append(
      'ServiceRequest',
      batch.episodes.map(serviceRequestResource).filter((resource) => resource !== null),
    );
    await this.append('EpisodeOfCare', batch.episodes.map(episodeOfCareResource));
    await this.append(
      'Appointment',
      batch.appointments.map((appointment) =>
        appointmentResource(appointment, contextOf(appointment.episode_source_id), this.endOf),
      ),
    );
    await this.append('Observation', [
      ...batch.drug_screens.map(withEpisode(drugScreenResource)),
      ...batch.assessments.map(withEpisode(assessmentResource)),
      ...batch.mutual_help.map(withEpisode(mutualHelpResource)),
    ]);
    await this.append('MedicationDispense', batch.medication_dispenses.map(withEpisode(medicationDispenseResource)));
    await this.append('Goal', batch.plan_goals.map(withEpisode(planGoalResource)));
    await this.append('ChargeItem', batch.charges.map(withEpisode(chargeItemResource)));
  }

  async close(): Promise<ExportedFile[]> {
    const closed: ExportedFile[] = [];
    for (const type of FHIR_RESOURCE_TYPES) closed.push(await this.files[type].close());
    return closed;
  }

  abort(): void {
    for (const type of FHIR_RESOURCE_TYPES) this.files[type].abort();
  }

  private async append(type: FhirResourceType, resources: readonly FhirResource[]): Promise<void> {
    let text = '';
    let rows = 0;
    for (const resource of resources) {
      text += `${JSON.stringify(resource)}\n`;
      rows++;
      if (text.length >= CHUNK_CHARACTERS) {
        await this.files[type].write(text, rows);
        text = '';
        rows = 0;
      }
    }
    if (rows > 0) await this.files[type].write(text, rows);
  }
}

/** Throws when two screens of one episode fall in the same hour (UTC), which the FHIR form would merge. */
export function assertOneScreenPerHour(screens: readonly DrugScreenRecord[]): void {
  const seen = new Map<string, string>();
  for (const screen of screens) {
    const key = `${screen.episode_source_id} ${Math.floor(parseISO(screen.collected_at).getTime() / HOUR_MS)}`;
    const other = seen.get(key);
    if (other !== undefined) {
      throw new Error(
        `drug screens ${other} and ${screen.source_id} of episode ${screen.episode_source_id} fall in the same hour: ` +
          'the FHIR form would import them as one screen',
      );
    }
    seen.set(key, screen.source_id);
  }
}
