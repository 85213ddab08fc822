import type { Directory, HeldResource } from './directory';
import type { EpisodeSummary } from './episode-index';
import { EXTENSION, isOpioidUseDisorder, substanceOfIcd10, SYSTEM } from './fhir-codes';
import {
  asBoolean,
  asNumber,
  asString,
  codeInSystem,
  datePartOf,
  extensionValue,
  numberText,
  objectsOf,
  parseReference,
  referenceIdOf,
  stringAt,
  type JsonObject,
} from './json-access';
import {
  missing,
  rejected,
  resourcesCount,
  row,
  SKIPPED,
  type FhirReadContext,
  type Mapped,
  type Problem,
  type Tally,
} from './mapping';

/** Statuses of an episode that is not (or not yet) a treatment episode: skipped and counted. */
const SKIPPED_STATUSES = new Set(['planned', 'waitlist', 'cancelled', 'entered-in-error']);
/** Statuses of an open episode (`finished` is the discharged one). */
const OPEN_STATUSES = new Set(['active', 'onhold']);

export interface MappedEpisode {
  mapped: Mapped;
  /** For resolving other resources by period even when the episode itself is rejected (one reason, not many). */
  summary: EpisodeSummary | undefined;
}

/** EpisodeOfCare (+ its Conditions, ServiceRequest, Coverage, program) -> episodes. */
export function mapEpisode(
  held: HeldResource,
  directory: Directory,
  context: FhirReadContext,
  tally: Tally,
): MappedEpisode {
  const resource = held.resource;
  const status = asString(resource['status']);
  if (status && SKIPPED_STATUSES.has(status)) {
    tally.skipped(
      `episode-${status}`,
      (count) => `${resourcesCount(count, 'EpisodeOfCare')} with status ${status} skipped`,
    );
    return { mapped: SKIPPED, summary: undefined };
  }
  const problems: Problem[] = [];
  const sourceId = asString(resource['id']) as string;
  const patientId = referenceIdOf(resource['patient'], 'Patient');
  if (!patientId) problems.push(missing('EpisodeOfCare.patient'));
  const programId = referenceIdOf(resource['managingOrganization'], 'Organization', 'HealthcareService');
  if (!programId) problems.push(missing('EpisodeOfCare.managingOrganization'));
  const admitDate = datePartOf(stringAt(resource, 'period', 'start'));
  if (!admitDate) problems.push(missing('EpisodeOfCare.period.start'));
  if (!status) problems.push(missing('EpisodeOfCare.status'));
  else if (status !== 'finished' && !OPEN_STATUSES.has(status)) {
    problems.push({
      field: 'EpisodeOfCare.status',
      value: status,
      reason: `EpisodeOfCare.status ${status} is not read`,
    });
  }
  const finished = status === 'finished';
  const dischargeDate = finished ? datePartOf(stringAt(resource, 'period', 'end')) : undefined;
  const tedsReason = asNumber(extensionValue(resource, EXTENSION.tedsReason, 'valueInteger'));
  if (finished && !dischargeDate) problems.push(missing('EpisodeOfCare.period.end', 'status finished'));
  if (finished && tedsReason === undefined)
    problems.push(missing('EpisodeOfCare.extension[teds-reason]', 'status finished'));

  const levelOfCare = codeInSystem(resource['type'], SYSTEM.asamLevel) ?? programLevel(programId, directory, context);
  if (!levelOfCare && programId) {
    problems.push(
      missing(
        'EpisodeOfCare.type',
        `an asam-level coding, or a program Organization/${programId} with a level of care`,
      ),
    );
  }
  const diagnosis = diagnosisOf(resource, directory);
  problems.push(...diagnosis.problems);
  const referral = referralDateOf(resource, directory);
  if (referral.problem) problems.push(referral.problem);
  const counselor = counselorOf(resource, directory);
  if (counselor.problem) problems.push(counselor.problem);

  const payer = payerOf(resource, patientId, admitDate, directory);
  const summary =
    patientId && admitDate
      ? { sourceId, patientId, admitDate, dischargeDate: dischargeDate ?? null, payer: payer ?? 'other', programId }
      : undefined;
  if (problems.length > 0) return { mapped: rejected(problems), summary };

  if (diagnosis.uncoded) {
    tally.defaulted('episodes', 'primary_substance', 'other', 'primary Condition without an ICD-10-CM code');
  }
  if (payer === undefined) {
    tally.defaulted(
      'episodes',
      'payer',
      'other',
      'no payer extension and no Coverage of the patient covering the admission',
    );
  }
  const oud = asBoolean(extensionValue(resource, EXTENSION.oud, 'valueBoolean')) ?? diagnosis.oud;
  return {
    summary,
    mapped: row('episodes', {
      source_id: sourceId,
      program_source_id: programId,
      patient_source_id: patientId,
      level_of_care: levelOfCare,
      referral_date: referral.date,
      referral_source: withDefault(resource, EXTENSION.referralSource, 'valueCode', 'referral_source', 'other', tally),
      prior_discharge_date: asString(extensionValue(resource, EXTENSION.priorDischargeDate, 'valueDate')),
      admit_date: admitDate,
      discharge_date: dischargeDate,
      discharge_reason: finished && tedsReason !== undefined ? numberText(tedsReason) : undefined,
      discharge_reason_local: finished
        ? asString(extensionValue(resource, EXTENSION.dischargeReasonLocal, 'valueString'))
        : undefined,
      primary_substance: diagnosis.substance,
      oud: String(oud),
      severity: withDefault(resource, EXTENSION.severity, 'valueInteger', 'severity', '2', tally),
      prior_episodes: withDefault(resource, EXTENSION.priorEpisodes, 'valueInteger', 'prior_episodes', '0', tally),
      payer: payer ?? 'other',
      primary_counselor_source_id: counselor.staffId,
      family_involved: withDefault(
        resource,
        EXTENSION.familyInvolved,
        'valueBoolean',
        'family_involved',
        'false',
        tally,
      ),
    }),
  };
}

function programLevel(
  programId: string | undefined,
  directory: Directory,
  context: FhirReadContext,
): string | undefined {
  if (!programId) return undefined;
  return (
    directory.programs.get(programId)?.levelOfCare ??
    context.knownPrograms.find((program) => program.sourceId === programId)?.levelOfCare
  );
}

/** An extension's value as cell text, or the stated default (counted). */
function withDefault(
  resource: JsonObject,
  url: string,
  valueKey: 'valueCode' | 'valueInteger' | 'valueBoolean',
  column: string,
  fallback: string,
  tally: Tally,
): string {
  const value = extensionValue(resource, url, valueKey);
  const number = asNumber(value);
  const boolean = asBoolean(value);
  const text = number !== undefined ? numberText(number) : boolean !== undefined ? String(boolean) : asString(value);
  if (text !== undefined) return text;
  tally.defaulted('episodes', column, fallback, `no ${url.replace(/^.*\//, '')} extension`);
  return fallback;
}

interface Diagnosis {
  substance: string;
  /** The primary Condition has no ICD-10-CM code: `other` by default. */
  uncoded: boolean;
  oud: boolean;
  problems: Problem[];
}

/** The primary substance from the diagnosis of rank 1 (else the first); oud when any diagnosis is F11. */
function diagnosisOf(resource: JsonObject, directory: Directory): Diagnosis {
  const diagnoses = objectsOf(resource['diagnosis']);
  if (diagnoses.length === 0) {
    const hint = 'a Condition with an ICD-10-CM code gives the primary substance';
    return { substance: 'other', uncoded: false, oud: false, problems: [missing('EpisodeOfCare.diagnosis', hint)] };
  }
  const problems: Problem[] = [];
  const codesOf = (diagnosis: JsonObject): string[] => {
    const reference = parseReference(diagnosis['condition']);
    const codes = reference?.type === 'Condition' ? directory.conditionCodes.get(reference.id) : undefined;
    if (codes) return codes;
    const target = reference ? `${reference.type}/${reference.id}` : 'a Condition without a reference';
    problems.push({
      field: 'EpisodeOfCare.diagnosis.condition',
      value: reference ? `${reference.type}/${reference.id}` : null,
      reason: `EpisodeOfCare.diagnosis.condition names ${target}, which is not in the import`,
    });
    return [];
  };
  const primary = diagnoses.find((diagnosis) => asNumber(diagnosis['rank']) === 1) ?? diagnoses[0];
  const primaryCodes = codesOf(primary);
  const allCodes = [primaryCodes, ...diagnoses.filter((item) => item !== primary).map(codesOf)].flat();
  return {
    substance: primaryCodes.length > 0 ? substanceOfIcd10(primaryCodes[0]) : 'other',
    uncoded: primaryCodes.length === 0,
    oud: allCodes.some(isOpioidUseDisorder),
    problems,
  };
}

function referralDateOf(resource: JsonObject, directory: Directory): { date?: string; problem?: Problem } {
  const reference = parseReference(objectsOf(resource['referralRequest'])[0]);
  if (!reference) return {};
  if (reference.type === 'ServiceRequest' && directory.referralDates.has(reference.id)) {
    return { date: directory.referralDates.get(reference.id) };
  }
  const target = `${reference.type}/${reference.id}`;
  return {
    problem: {
      field: 'EpisodeOfCare.referralRequest',
      value: target,
      reason: `EpisodeOfCare.referralRequest names ${target}, which is not in the import`,
    },
  };
}

function counselorOf(resource: JsonObject, directory: Directory): { staffId?: string; problem?: Problem } {
  const reference = parseReference(resource['careManager']);
  if (!reference) return {};
  const staffId = directory.staffIdOf(resource['careManager']);
  if (staffId) return { staffId };
  const target = `${reference.type}/${reference.id}`;
  return {
    problem: {
      field: 'EpisodeOfCare.careManager',
      value: target,
      reason: `EpisodeOfCare.careManager names ${target}: a Practitioner, or a PractitionerRole of the import`,
    },
  };
}

/** The payer extension, else the patient's Coverage whose period covers the admission; undefined = default. */
function payerOf(
  resource: JsonObject,
  patientId: string | undefined,
  admitDate: string | undefined,
  directory: Directory,
): string | undefined {
  const extension = asString(extensionValue(resource, EXTENSION.payer, 'valueCode'));
  if (extension) return extension;
  const coverage = (patientId ? (directory.coveragesByPatient.get(patientId) ?? []) : []).find(
    (candidate) =>
      candidate.payer !== undefined &&
      admitDate !== undefined &&
      (candidate.start === undefined || candidate.start <= admitDate) &&
      (candidate.end === undefined || admitDate <= candidate.end),
  );
  return coverage?.payer;
}
