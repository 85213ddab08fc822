import { timezoneOfEpisode, type BulkContext } from './bulk-context';
import type { ScreenOutcome, ScreenPart } from './drug-screen-groups';
import { resolveEpisode, type EpisodeResolution } from './episode-index';
import {
  analyteOf,
  DRUG_SCREEN_LOINC,
  EXTENSION,
  INTERPRETATION_NEGATIVE,
  INTERPRETATION_POSITIVE,
  SNOMED_NEGATIVE,
  SNOMED_POSITIVE,
  SYSTEM,
} from './fhir-codes';
import { instantMillis } from './instants';
import {
  allCodes,
  asBoolean,
  asNumber,
  asString,
  at,
  codeInSystem,
  datePartOf,
  extensionValue,
  hasCoding,
  numberText,
  objectsOf,
  stringAt,
  type JsonObject,
} from './json-access';
import {
  missing,
  rejected,
  resourcesCount,
  row,
  SKIPPED,
  type Mapped,
  type Problem,
  type ResourceLocation,
} from './mapping';

export type ObservationKind = 'drug_screen' | 'assessment' | 'mutual_help' | 'other';

/** Which table an Observation feeds, from its code (and, for drug screens, its `laboratory` category). */
export function observationKind(resource: JsonObject): ObservationKind {
  const code = resource['code'];
  if (codeInSystem(code, SYSTEM.instrument)) return 'assessment';
  if (codeInSystem(code, SYSTEM.mutualHelp) === 'meetings') return 'mutual_help';
  const laboratory = hasCoding(resource['category'], SYSTEM.observationCategory, 'laboratory');
  const screenCode = codeInSystem(code, SYSTEM.drugScreen) ?? DRUG_SCREEN_LOINC[codeInSystem(code, SYSTEM.loinc) ?? ''];
  return laboratory && screenCode ? 'drug_screen' : 'other';
}

const SKIPPED_STATUSES = new Set(['cancelled', 'entered-in-error']);

export type ObservationResult = { kind: 'mapped'; mapped: Mapped } | { kind: 'screen'; part: ScreenPart };

/** Observation -> a drug screen part (grouped by the caller), an assessment, a week of mutual help, or a skip. */
export function readObservation(
  resource: JsonObject,
  location: ResourceLocation,
  bulk: BulkContext,
): ObservationResult {
  const kind = observationKind(resource);
  if (kind === 'other') {
    bulk.tally.skipped(
      'observation-other',
      (count) => `${resourcesCount(count, 'Observation')} skipped: not a drug screen, assessment or mutual-help count`,
    );
    return { kind: 'mapped', mapped: SKIPPED };
  }
  const status = asString(resource['status']);
  if (status && SKIPPED_STATUSES.has(status)) {
    bulk.tally.skipped(
      'observation-cancelled',
      (count) => `${resourcesCount(count, 'Observation')} with status cancelled or entered-in-error skipped`,
    );
    return { kind: 'mapped', mapped: SKIPPED };
  }
  if (kind === 'assessment') return { kind: 'mapped', mapped: mapAssessment(resource, bulk) };
  if (kind === 'mutual_help') return { kind: 'mapped', mapped: mapMutualHelp(resource, bulk) };
  return screenPart(resource, location, bulk);
}

function effectiveOf(resource: JsonObject): string | undefined {
  return (
    asString(resource['effectiveDateTime']) ??
    stringAt(resource, 'effectivePeriod', 'start') ??
    asString(resource['effectiveInstant'])
  );
}

function episodeOf(resource: JsonObject, noun: string, date: string | undefined, bulk: BulkContext): EpisodeResolution {
  return resolveEpisode(
    { noun, type: 'Observation', resource, links: [resource['encounter']], patient: resource['subject'], date },
    bulk.directory,
    bulk.episodes,
  );
}

/** valueQuantity.value, else valueInteger. */
function numericValue(resource: JsonObject): number | undefined {
  return asNumber(at(resource, 'valueQuantity', 'value')) ?? asNumber(resource['valueInteger']);
}

function mapAssessment(resource: JsonObject, bulk: BulkContext): Mapped {
  const problems: Problem[] = [];
  const administeredAt = effectiveOf(resource);
  if (!administeredAt) problems.push(missing('Observation.effective[x]'));
  const total = numericValue(resource);
  if (total === undefined) problems.push(missing('Observation.value[x]', 'valueQuantity or valueInteger: the total'));
  const episode = episodeOf(resource, 'assessment', datePartOf(administeredAt), bulk);
  if ('problem' in episode) problems.push(episode.problem);
  if (problems.length > 0 || !('episodeId' in episode) || total === undefined) return rejected(problems);
  return row('assessments', {
    source_id: asString(resource['id']),
    episode_source_id: episode.episodeId,
    instrument: codeInSystem(resource['code'], SYSTEM.instrument),
    administered_at: administeredAt,
    total: numberText(total),
  });
}

function mapMutualHelp(resource: JsonObject, bulk: BulkContext): Mapped {
  const problems: Problem[] = [];
  const weekStart = datePartOf(effectiveOf(resource));
  if (!weekStart) problems.push(missing('Observation.effective[x]', 'the first day of the week'));
  const meetings = numericValue(resource);
  if (meetings === undefined) problems.push(missing('Observation.value[x]', 'valueInteger: the meetings of the week'));
  const episode = episodeOf(resource, 'mutual-help count', weekStart, bulk);
  if ('problem' in episode) problems.push(episode.problem);
  if (problems.length > 0 || !('episodeId' in episode) || meetings === undefined) return rejected(problems);
  return row('mutual_help', {
    source_id: asString(resource['id']),
    episode_source_id: episode.episodeId,
    week_start: weekStart,
    meetings: numberText(meetings),
  });
}

/**
 * The result of one element (the observation or one component): its valueCodeableConcept (SNOMED CT), else its
 * interpretation (POS/NEG), else its dataAbsentReason (`error` = invalid, any other = missing).
 */
function outcomeOf(element: JsonObject): ScreenOutcome['result'] | undefined {
  const value = element['valueCodeableConcept'];
  if (hasCoding(value, SYSTEM.snomed, SNOMED_POSITIVE)) return 'positive';
  if (hasCoding(value, SYSTEM.snomed, SNOMED_NEGATIVE)) return 'negative';
  const interpretation = allCodes(objectsOf(element['interpretation']));
  if (interpretation.includes(INTERPRETATION_POSITIVE)) return 'positive';
  if (interpretation.includes(INTERPRETATION_NEGATIVE)) return 'negative';
  const absent = allCodes(element['dataAbsentReason']);
  if (absent.length > 0 || element['dataAbsentReason'] !== undefined)
    return absent.includes('error') ? 'invalid' : 'missing';
  return undefined;
}

/** One urine drug screen observation (a panel with components, or one analyte), ready to be grouped. */
function screenPart(resource: JsonObject, location: ResourceLocation, bulk: BulkContext): ObservationResult {
  const problems: Problem[] = [];
  const collectedAt = effectiveOf(resource);
  if (!collectedAt) problems.push(missing('Observation.effective[x]'));
  const episode = episodeOf(resource, 'drug screen', datePartOf(collectedAt), bulk);
  if ('problem' in episode) problems.push(episode.problem);
  const episodeId = 'episodeId' in episode ? episode.episodeId : undefined;
  const millis = instantMillis(collectedAt, timezoneOfEpisode(episodeId, bulk));
  if (collectedAt && millis === undefined) {
    problems.push({
      field: 'Observation.effective[x]',
      value: collectedAt,
      reason: 'Observation.effective[x] is not a date with a time of day',
    });
  }
  const outcomes: ScreenOutcome[] = [];
  const own = outcomeOf(resource);
  if (own) outcomes.push({ result: own, analyte: analyteOf(resource['code']) });
  for (const component of objectsOf(resource['component'])) {
    const result = outcomeOf(component);
    if (result) outcomes.push({ result, analyte: analyteOf(component['code']) });
  }
  if (outcomes.length === 0) {
    const hint = 'valueCodeableConcept, interpretation or dataAbsentReason, on the observation or a component';
    problems.push(missing('Observation.value[x]', hint));
  }
  if (problems.length > 0 || !episodeId || !collectedAt || millis === undefined) {
    return { kind: 'mapped', mapped: rejected(problems) };
  }
  return {
    kind: 'screen',
    part: {
      id: asString(resource['id']) as string,
      location,
      episodeId,
      collectedAt,
      collectedMillis: millis,
      expected: asBoolean(extensionValue(resource, EXTENSION.screenExpected, 'valueBoolean')),
      outcomes,
    },
  };
}
