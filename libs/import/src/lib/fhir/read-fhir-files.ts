import { stat } from 'node:fs/promises';
import { importFileFormat, rejection, type ImportFile, type ReaderEvent } from '../source-record';
import type { BulkContext } from './bulk-context';
import { Directory } from './directory';
import { DrugScreenGroups, screenRecord } from './drug-screen-groups';
import { EpisodeIndex, type EpisodeSummary } from './episode-index';
import { asString, type JsonObject } from './json-access';
import { linksAnAppointment, mapAppointment, mapEncounter } from './map-appointment';
import {
  isProgramResource,
  mapPatient,
  mapProgram,
  mapStaff,
  programLevelOfCare,
  programTimezone,
} from './map-directory';
import { mapEpisode } from './map-episode';
import { readObservation } from './map-observation';
import { mapChargeItem, mapGoal, mapMedicationDispense } from './map-treatment';
import {
  missing,
  rejected,
  resourcesCount,
  Tally,
  type FhirReadContext,
  type Mapped,
  type ResourceLocation,
} from './mapping';
import { BULK_TYPES, ByteProgress, readResources, SECOND_PASS_TYPES } from './resource-source';

export type { FhirReadContext } from './mapping';

/** `*.ndjson` (Bulk Data, one resource per line) or `*.json` (a Bundle or one resource). */
export function isFhirFile(name: string): boolean {
  return importFileFormat(name) !== 'csv';
}

/**
 * FHIR R4 files -> rows in the CSV contract's terms, rejections and warnings (docs/DATA-IMPORT.md, FHIR).
 *
 * Two passes. The first reads every file and keeps the small resources (programs, staff, patients, episodes and
 * what they refer to, Encounter links); the second streams Appointments, Observations, MedicationDispenses,
 * Goals, ChargeItems and Encounters without Appointment, mapping each as it comes, so memory does not grow with
 * them. `onBytes` gets the bytes read since its last call (they add up to the files' total size). Never throws for bad
 * input: a file or resource that cannot be read is a rejection.
 */
export async function* readFhirFiles(
  files: ImportFile[],
  context: FhirReadContext,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<ReaderEvent> {
  const tally = new Tally();
  const progress = new ByteProgress(onBytes);
  const directory = new Directory();
  const secondPass: ImportFile[] = [];

  for (const file of files) {
    const size = await fileSize(file);
    if (!isFhirFile(file.name)) {
      progress.read(2 * size);
      const reason = 'not a FHIR file: the name must end in .ndjson or .json';
      yield { kind: 'rejection', rejection: rejection({ file: file.name, line: null, resourceId: null }, reason) };
      continue;
    }
    let needsSecondPass = false;
    for await (const item of readResources(file, 'directory', progress)) {
      if (item.kind === 'deferred') needsSecondPass = true;
      else if (item.kind === 'rejection') yield { kind: 'rejection', rejection: item.rejection };
      else {
        if (SECOND_PASS_TYPES.has(item.type)) needsSecondPass = true;
        if (!BULK_TYPES.has(item.type))
          yield* guarded(item.at, () => mapFirstPassResource(item.type, item.resource, item.at));
      }
    }
    if (needsSecondPass) secondPass.push(file);
    else progress.skipped(size);
  }

  function* mapFirstPassResource(type: string, resource: JsonObject, at: ResourceLocation): Generator<ReaderEvent> {
    const becomesRow = type === 'Patient' || type === 'Practitioner' || type === 'EpisodeOfCare';
    const isProgram = (type === 'Organization' || type === 'HealthcareService') && isProgramResource(type, resource);
    const id = asString(resource['id']);
    if (!id && (becomesRow || isProgram)) {
      yield* eventsOf(rejected([missing(`${type}.id`)]), at);
      return;
    }
    if (type === 'Patient') yield* eventsOf(mapPatient(resource, tally), at);
    else if (type === 'Organization' || type === 'HealthcareService') {
      if (id && isProgram) {
        const timezone = programTimezone(resource) ?? context.defaultTimezone;
        directory.programs.set(id, { levelOfCare: programLevelOfCare(resource), timezone });
      }
      yield* eventsOf(mapProgram(type, resource, context, tally), at);
    } else if (!directory.hold(type, resource, at)) {
      tally.skipped(`type-${type}`, (count) => `${resourcesCount(count, type)} skipped (not read by the import)`);
    }
  }

  const practitionerIds = new Set<string>();
  for (const practitioner of directory.practitioners) {
    practitionerIds.add(practitioner.id);
    yield* guarded(practitioner.at, () => eventsOf(mapStaff(practitioner, directory), practitioner.at));
  }
  const orphanRoles = [...directory.roles.values()].filter(
    (role) => !role.practitionerId || !practitionerIds.has(role.practitionerId),
  ).length;
  if (orphanRoles > 0) {
    tally.add(
      'orphan-roles',
      (count) => `${resourcesCount(count, 'PractitionerRole')} whose Practitioner is not in the import skipped`,
      orphanRoles,
    );
  }

  const summaries: EpisodeSummary[] = [];
  for (const held of directory.episodes) {
    yield* guarded(held.at, function* () {
      if (!asString(held.resource['id'])) {
        yield* eventsOf(rejected([missing('EpisodeOfCare.id')]), held.at);
        return;
      }
      const episode = mapEpisode(held, directory, context, tally);
      if (episode.summary) summaries.push(episode.summary);
      yield* eventsOf(episode.mapped, held.at);
    });
  }

  const bulk: BulkContext = { directory, episodes: new EpisodeIndex(summaries, context), context, tally };
  for (const file of secondPass) {
    // Screens are grouped within one file: the groups are closed at its end.
    const groups = new DrugScreenGroups();
    for await (const item of readResources(file, 'bulk', progress)) {
      if (item.kind === 'rejection') yield { kind: 'rejection', rejection: item.rejection };
      else if (item.kind === 'resource')
        yield* guarded(item.at, () => mapSecondPassResource(item.type, item.resource, item.at, bulk, groups));
    }
    for (const group of groups.closeAll()) yield { kind: 'record', record: screenRecord(group, tally) };
  }

  const unusedLinks = directory.appointmentEpisodes.size;
  if (unusedLinks > 0) {
    const describe = (count: number): string =>
      `${count} Appointment${count === 1 ? '' : 's'} named by an Encounter ${count === 1 ? 'is' : 'are'} not in the import: ${count === 1 ? 'its link was' : 'their links were'} ignored`;
    tally.add('unused-links', describe, unusedLinks);
  }
  for (const message of tally.warnings()) yield { kind: 'warning', message };
}

function* mapSecondPassResource(
  type: string,
  resource: JsonObject,
  at: ResourceLocation,
  bulk: BulkContext,
  groups: DrugScreenGroups,
): Generator<ReaderEvent> {
  if (type === 'Encounter' && linksAnAppointment(resource)) return;
  if (!asString(resource['id'])) {
    yield* eventsOf(rejected([missing(`${type}.id`)]), at);
    return;
  }
  if (type === 'Observation') {
    const observation = readObservation(resource, at, bulk);
    if (observation.kind === 'mapped') yield* eventsOf(observation.mapped, at);
    else {
      for (const closed of groups.add(observation.part))
        yield { kind: 'record', record: screenRecord(closed, bulk.tally) };
    }
    return;
  }
  const mapper = SECOND_PASS_MAPPERS[type];
  if (mapper) yield* eventsOf(mapper(resource, bulk), at);
}

const SECOND_PASS_MAPPERS: Readonly<Record<string, (resource: JsonObject, bulk: BulkContext) => Mapped>> = {
  Encounter: mapEncounter,
  Appointment: mapAppointment,
  MedicationDispense: mapMedicationDispense,
  Goal: mapGoal,
  ChargeItem: mapChargeItem,
};

function* eventsOf(mapped: Mapped, at: ResourceLocation): Generator<ReaderEvent> {
  if (mapped.kind === 'row') {
    yield { kind: 'record', record: { entity: mapped.entity, ...at, values: mapped.values } };
  } else if (mapped.kind === 'rejected') {
    for (const problem of mapped.problems) {
      yield { kind: 'rejection', rejection: rejection(at, problem.reason, problem.field, problem.value ?? null) };
    }
  }
}

/** A mapping that fails on a shape nobody foresaw rejects its resource instead of ending the import. */
function* guarded(at: ResourceLocation, events: () => Iterable<ReaderEvent>): Generator<ReaderEvent> {
  try {
    yield* events();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    yield { kind: 'rejection', rejection: rejection(at, `the resource could not be read: ${message}`) };
  }
}

async function fileSize(file: ImportFile): Promise<number> {
  try {
    return (await stat(file.path)).size;
  } catch {
    return 0;
  }
}
