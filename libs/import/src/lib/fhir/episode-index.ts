import { referenceIdOf, extensionOf, parseReference, type JsonObject } from './json-access';
import { EXTENSION } from './fhir-codes';
import type { Directory } from './directory';
import type { FhirReadContext, Problem } from './mapping';

/** What resolution needs of an episode, whether it comes from the files or from the database. */
export interface EpisodeSummary {
  sourceId: string;
  patientId: string;
  admitDate: string;
  dischargeDate: string | null;
  payer: string | undefined;
  programId: string | undefined;
}

/**
 * The episodes of the import and those already imported from the same source system (an episode in the files
 * replaces the stored one of the same id), by id and by patient.
 */
export class EpisodeIndex {
  private readonly byId = new Map<string, EpisodeSummary>();
  private readonly byPatient = new Map<string, EpisodeSummary[]>();

  constructor(imported: readonly EpisodeSummary[], context: FhirReadContext) {
    for (const known of context.knownEpisodes) {
      this.byId.set(known.sourceId, {
        sourceId: known.sourceId,
        patientId: known.patientSourceId,
        admitDate: known.admitDate,
        dischargeDate: known.dischargeDate,
        payer: known.payer,
        programId: known.programSourceId,
      });
    }
    for (const episode of imported) this.byId.set(episode.sourceId, episode);
    for (const episode of this.byId.values()) {
      const list = this.byPatient.get(episode.patientId) ?? [];
      list.push(episode);
      this.byPatient.set(episode.patientId, list);
    }
  }

  get(sourceId: string): EpisodeSummary | undefined {
    return this.byId.get(sourceId);
  }

  /** The patient's episodes whose period contains the date (admission and discharge days included). */
  containing(patientId: string, date: string): EpisodeSummary[] {
    return (this.byPatient.get(patientId) ?? []).filter(
      (episode) => episode.admitDate <= date && (episode.dischargeDate === null || date <= episode.dischargeDate),
    );
  }
}

export type EpisodeResolution = { episodeId: string } | { problem: Problem };

export interface EpisodeClues {
  /** "appointment", "drug screen"...: the reason names it ("no episode for this appointment"). */
  noun: string;
  /** The resource type, for field names. */
  type: string;
  resource: JsonObject;
  /** References that name the episode directly or through an Encounter (`context`, `encounter`, `episodeOfCare`). */
  links: readonly unknown[];
  /** The patient reference (subject, patient or the Patient participant). */
  patient: unknown;
  /** The date the episode must contain (YYYY-MM-DD). */
  date: string | undefined;
}

/**
 * The episode of a resource: the episode-of-care extension, else a link (an EpisodeOfCare reference, or an
 * Encounter of the import with its episodeOfCare), else the patient's one episode whose period contains the date.
 */
export function resolveEpisode(clues: EpisodeClues, directory: Directory, index: EpisodeIndex): EpisodeResolution {
  const explicit = referenceIdOf(
    extensionOf(clues.resource, EXTENSION.episodeOfCare)?.['valueReference'],
    'EpisodeOfCare',
  );
  if (explicit) return { episodeId: explicit };
  for (const link of clues.links) {
    const parsed = parseReference(link);
    if (parsed?.type === 'EpisodeOfCare') return { episodeId: parsed.id };
    const throughEncounter = parsed?.type === 'Encounter' ? directory.encounterEpisodes.get(parsed.id) : undefined;
    if (throughEncounter) return { episodeId: throughEncounter };
  }
  const field = `${clues.type}.extension[episode-of-care]`;
  const patientId = referenceIdOf(clues.patient, 'Patient');
  if (!patientId || !clues.date) {
    const lacking = !patientId ? 'no patient' : 'no date';
    return {
      problem: {
        field,
        reason: `no episode for this ${clues.noun}: no episode-of-care extension or link, and ${lacking}`,
      },
    };
  }
  const candidates = index.containing(patientId, clues.date);
  if (candidates.length === 1) return { episodeId: candidates[0].sourceId };
  if (candidates.length === 0) {
    return {
      problem: {
        field,
        reason: `no episode for this ${clues.noun}: Patient/${patientId} has no episode containing ${clues.date}`,
      },
    };
  }
  const ids = candidates.map((episode) => episode.sourceId).join(', ');
  return {
    problem: {
      field,
      reason: `no episode for this ${clues.noun}: ${candidates.length} episodes of Patient/${patientId} contain ${clues.date} (${ids}); name one with the episode-of-care extension`,
    },
  };
}
