import type { ImportEntity } from '@iop/contracts';
import { ENTITY_SPECS, type ColumnSpec } from '../entities';
import { rejection, type Rejection, type SourceRecord } from '../source-record';
import { dollarsToCents, parseField, type StagedInstant } from './field-parsers';

/** A record that passed: its values in the order of STAGE_COLUMNS[entity]. */
export type StagedValues = unknown[];

export type Validated = { ok: true; values: StagedValues } | { ok: false; rejections: Rejection[] };

export interface ValidationContext {
  /** The keyed hash of a source patient id (patient-key.ts). */
  patientKey(sourcePatientId: string): string;
}

type Fields = Record<string, unknown>;

/**
 * Checks one record against its entity's columns (presence, type, vocabulary, range) and the schema's CHECK rules
 * between columns, and turns it into the staged values. Every problem of the row is reported, not only the first.
 */
export function validateRecord(record: SourceRecord, context: ValidationContext): Validated {
  const spec = ENTITY_SPECS[record.entity];
  const problems: Rejection[] = [];
  const fields: Fields = {};
  for (const column of spec.columns) readColumn(record, column, fields, problems);
  for (const choice of spec.choices) {
    const [first, second] = choice.columns;
    if (
      choice.required &&
      fields[first] === undefined &&
      fields[second] === undefined &&
      !problemFor(problems, choice.columns)
    ) {
      problems.push(rejection(record, `${first} or ${second} is required`, first));
    }
  }
  if (problems.length === 0) crossFieldRules(record, fields, problems);
  if (problems.length > 0) return { ok: false, rejections: problems };
  return { ok: true, values: STAGERS[record.entity](fields, context) };
}

function readColumn(record: SourceRecord, column: ColumnSpec, fields: Fields, problems: Rejection[]): void {
  const raw = record.values[column.name];
  const text = raw?.trim() ?? '';
  if (text === '') {
    if (column.required) problems.push(rejection(record, `${column.name} is required`, column.name, raw ?? null));
    return;
  }
  const parsed = parseField(column.kind, text);
  if (parsed.ok) fields[column.name] = parsed.value;
  else problems.push(rejection(record, parsed.reason, column.name, text));
}

const problemFor = (problems: Rejection[], columns: readonly string[]): boolean =>
  problems.some((problem) => problem.field !== null && columns.includes(problem.field));

/** The schema's CHECK constraints that span columns, with the row's values in the reason. */
function crossFieldRules(record: SourceRecord, fields: Fields, problems: Rejection[]): void {
  const reject = (reason: string, field: string): void => {
    const value = fields[field];
    problems.push(rejection(record, reason, field, value === undefined ? null : stringOf(value)));
  };
  switch (record.entity) {
    case 'episodes': {
      const admit = fields['admit_date'] as string;
      const discharge = fields['discharge_date'] as string | undefined;
      if ((discharge === undefined) !== (fields['discharge_reason'] === undefined)) {
        reject(
          'discharge_date and discharge_reason go together: give both or neither',
          discharge ? 'discharge_reason' : 'discharge_date',
        );
      }
      if (discharge !== undefined && discharge < admit)
        reject(`discharge before admission (${admit})`, 'discharge_date');
      const referral = fields['referral_date'] as string | undefined;
      if (referral !== undefined && referral > admit) reject(`referral after admission (${admit})`, 'referral_date');
      const prior = fields['prior_discharge_date'] as string | undefined;
      if (prior !== undefined && prior > admit)
        reject(`prior discharge after admission (${admit})`, 'prior_discharge_date');
      break;
    }
    case 'plan_goals':
      if ((fields['due_on'] as string) < (fields['created_on'] as string))
        reject('due before it was created', 'due_on');
      break;
    case 'drug_screens': {
      const analytes = (fields['positive_for'] as string[] | undefined) ?? [];
      const positive = fields['result'] === 'positive';
      if (positive && analytes.length === 0)
        reject('a positive screen names at least one analyte in positive_for', 'positive_for');
      if (!positive && analytes.length > 0)
        reject(`positive_for is only for a positive screen (result ${String(fields['result'])})`, 'positive_for');
      break;
    }
    case 'assessments': {
      const total = Number(fields['total']);
      const instrument = fields['instrument'];
      const range = instrument === 'wai_sr' ? [12, 60] : instrument === 'readiness_ruler' ? [0, 10] : [0, 9999.99];
      if (total < range[0] || total > range[1])
        reject(`a ${String(instrument)} total is between ${range[0]} and ${range[1]}`, 'total');
      break;
    }
    case 'patients': {
      const zip = fields['zip3'] ?? fields['zip'];
      if (zip !== undefined && !/^\d{3}/.test(zip as string))
        reject('a ZIP code starts with three digits', fields['zip3'] !== undefined ? 'zip3' : 'zip');
      if (fields['zip3'] !== undefined && !/^\d{3}$/.test(fields['zip3'] as string))
        reject('zip3 is three digits', 'zip3');
      const birthYear = fields['birth_year'] ?? Number(String(fields['birth_date']).slice(0, 4));
      if ((birthYear as number) < 1900 || (birthYear as number) > 2030)
        reject('birth year out of range (1900 to 2030)', 'birth_date');
      break;
    }
    default:
      break;
  }
}

const stringOf = (value: unknown): string => (Array.isArray(value) ? value.join(';') : String(value));

const orNull = (value: unknown): unknown => (value === undefined ? null : value);
const instantText = (value: unknown): string => (value as StagedInstant).text;
const instantLocal = (value: unknown): boolean => (value as StagedInstant).local;

/** Builds the staged values of each entity from its read fields (order: STAGE_COLUMNS). */
const STAGERS: Readonly<Record<ImportEntity, (fields: Fields, context: ValidationContext) => StagedValues>> = {
  programs: (f) => [f['source_id'], f['name'], f['level_of_care'], f['asam_edition'] ?? '3', f['timezone']],
  staff: (f) => [f['source_id'], f['program_source_id'], f['display_name'], f['role']],
  patients: (f, context) => [
    f['source_id'],
    context.patientKey(f['source_id'] as string),
    f['birth_year'] ?? Number(String(f['birth_date']).slice(0, 4)),
    f['sex'],
    // Only the first three digits of a ZIP code are kept (IMPORT.md "Privacy on the way in").
    f['zip3'] ?? (f['zip'] === undefined ? null : (f['zip'] as string).slice(0, 3)),
    f['employment'],
  ],
  episodes: (f) => [
    f['source_id'],
    f['program_source_id'],
    f['patient_source_id'],
    f['level_of_care'],
    orNull(f['referral_date']),
    f['referral_source'],
    orNull(f['prior_discharge_date']),
    f['admit_date'],
    orNull(f['discharge_date']),
    orNull(f['discharge_reason']),
    orNull(f['discharge_reason_local']),
    f['primary_substance'],
    f['oud'] ?? false,
    f['severity'],
    f['prior_episodes'] ?? 0,
    f['payer'],
    orNull(f['primary_counselor_source_id']),
    f['family_involved'] ?? false,
  ],
  appointments: (f) => [
    f['source_id'],
    f['episode_source_id'],
    f['session_type'],
    instantText(f['scheduled_start']),
    instantLocal(f['scheduled_start']),
    f['duration_min'],
    f['modality'] ?? 'in_person',
    f['status'],
    orNull(f['staff_source_id']),
  ],
  drug_screens: (f) => [
    f['source_id'],
    f['episode_source_id'],
    instantText(f['collected_at']),
    instantLocal(f['collected_at']),
    f['expected'] ?? true,
    f['result'],
    `{${((f['positive_for'] as string[] | undefined) ?? []).join(',')}}`,
  ],
  plan_goals: (f) => [f['source_id'], f['episode_source_id'], f['created_on'], f['due_on'], f['status']],
  assessments: (f) => [
    f['source_id'],
    f['episode_source_id'],
    f['instrument'],
    instantText(f['administered_at']),
    instantLocal(f['administered_at']),
    f['total'],
  ],
  medication_dispenses: (f) => [
    f['source_id'],
    f['episode_source_id'],
    f['medication'],
    f['dispensed_on'],
    f['days_supply'],
  ],
  mutual_help: (f) => [f['source_id'], f['episode_source_id'], f['week_start'], f['meetings']],
  charges: (f) => [
    f['source_id'],
    f['episode_source_id'],
    f['service_date'],
    f['code'],
    f['amount_cents'] ?? dollarsToCents(f['amount'] as string),
    f['payer'],
  ],
};
