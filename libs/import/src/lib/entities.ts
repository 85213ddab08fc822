import {
  APPOINTMENT_STATUSES,
  EMPLOYMENT_STATUSES,
  GOAL_STATUSES,
  INSTRUMENTS,
  LEVELS_OF_CARE,
  MEDICATIONS,
  MODALITIES,
  PAYERS,
  REFERRAL_SOURCES,
  SCREEN_ANALYTES,
  SCREEN_RESULTS,
  SESSION_TYPES,
  SEXES,
  STAFF_ROLES,
  SUBSTANCES,
  type ImportEntity,
} from '@iop/contracts';

/**
 * How a cell is read. Every kind states its own rule in its rejection reason; the rules are the schema's
 * CHECK constraints (migrations 1764288000000 and later), so that a row that passes here is one PostgreSQL accepts.
 */
export type FieldKind =
  | { type: 'text'; maxLength: number }
  | { type: 'vocabulary'; values: readonly string[] }
  | { type: 'integer'; min: number; max: number }
  | { type: 'decimal'; min: number; max: number; scale: number }
  | { type: 'date' }
  | { type: 'instant' }
  | { type: 'boolean' }
  | { type: 'timezone' }
  | { type: 'analytes' }
  /** A reference to another entity's source_id. */
  | { type: 'reference'; entity: ImportEntity };

/** A column of the CSV contract. */
export interface ColumnSpec {
  name: string;
  required: boolean;
  kind: FieldKind;
}

/** Two columns of which one is required (`birth_year` or `birth_date`); the first named wins when both are given. */
export interface ColumnChoice {
  columns: readonly [string, string];
  required: boolean;
}

export interface EntitySpec {
  entity: ImportEntity;
  /** programs.csv, staff.csv, ... */
  fileName: string;
  columns: readonly ColumnSpec[];
  choices: readonly ColumnChoice[];
  /** The column that holds the row's date of service, for the as-of date and the data-quality page. */
  serviceDate: string | null;
}

const text = (maxLength: number): FieldKind => ({ type: 'text', maxLength });
const vocabulary = (values: readonly string[]): FieldKind => ({ type: 'vocabulary', values });
const integer = (min: number, max: number): FieldKind => ({ type: 'integer', min, max });
const reference = (entity: ImportEntity): FieldKind => ({ type: 'reference', entity });
const required = (name: string, kind: FieldKind): ColumnSpec => ({ name, required: true, kind });
const optional = (name: string, kind: FieldKind): ColumnSpec => ({ name, required: false, kind });

/** Source ids are text of 1-200 characters; longer ones are almost certainly a misread column. */
const SOURCE_ID = text(200);
const DATE: FieldKind = { type: 'date' };
const INSTANT: FieldKind = { type: 'instant' };
const BOOLEAN: FieldKind = { type: 'boolean' };

export const ENTITY_SPECS: Readonly<Record<ImportEntity, EntitySpec>> = {
  programs: {
    entity: 'programs',
    fileName: 'programs.csv',
    columns: [
      required('source_id', SOURCE_ID),
      required('name', text(200)),
      required('level_of_care', vocabulary(LEVELS_OF_CARE)),
      optional('asam_edition', vocabulary(['3', '4'])),
      required('timezone', { type: 'timezone' }),
    ],
    choices: [],
    serviceDate: null,
  },
  staff: {
    entity: 'staff',
    fileName: 'staff.csv',
    columns: [
      required('source_id', SOURCE_ID),
      required('program_source_id', reference('programs')),
      required('display_name', text(200)),
      required('role', vocabulary(STAFF_ROLES)),
    ],
    choices: [],
    serviceDate: null,
  },
  patients: {
    entity: 'patients',
    fileName: 'patients.csv',
    columns: [
      required('source_id', SOURCE_ID),
      optional('birth_year', integer(1900, 2030)),
      optional('birth_date', DATE),
      required('sex', vocabulary(SEXES)),
      optional('zip', text(10)),
      optional('zip3', text(3)),
      required('employment', vocabulary(EMPLOYMENT_STATUSES)),
    ],
    choices: [
      { columns: ['birth_year', 'birth_date'], required: true },
      { columns: ['zip3', 'zip'], required: false },
    ],
    serviceDate: null,
  },
  episodes: {
    entity: 'episodes',
    fileName: 'episodes.csv',
    columns: [
      required('source_id', SOURCE_ID),
      required('program_source_id', reference('programs')),
      required('patient_source_id', reference('patients')),
      required('level_of_care', vocabulary(LEVELS_OF_CARE)),
      optional('referral_date', DATE),
      required('referral_source', vocabulary(REFERRAL_SOURCES)),
      optional('prior_discharge_date', DATE),
      required('admit_date', DATE),
      optional('discharge_date', DATE),
      optional('discharge_reason', integer(1, 7)),
      optional('discharge_reason_local', text(200)),
      required('primary_substance', vocabulary(SUBSTANCES)),
      optional('oud', BOOLEAN),
      required('severity', integer(1, 3)),
      optional('prior_episodes', integer(0, 100)),
      required('payer', vocabulary(PAYERS)),
      optional('primary_counselor_source_id', reference('staff')),
      optional('family_involved', BOOLEAN),
    ],
    choices: [],
    serviceDate: 'admit_date',
  },
  appointments: {
    entity: 'appointments',
    fileName: 'appointments.csv',
    columns: [
      required('source_id', SOURCE_ID),
      required('episode_source_id', reference('episodes')),
      required('session_type', vocabulary(SESSION_TYPES)),
      required('scheduled_start', INSTANT),
      required('duration_min', integer(1, 720)),
      optional('modality', vocabulary(MODALITIES)),
      required('status', vocabulary(APPOINTMENT_STATUSES)),
      optional('staff_source_id', reference('staff')),
    ],
    choices: [],
    serviceDate: 'scheduled_start',
  },
  drug_screens: {
    entity: 'drug_screens',
    fileName: 'drug_screens.csv',
    columns: [
      required('source_id', SOURCE_ID),
      required('episode_source_id', reference('episodes')),
      required('collected_at', INSTANT),
      optional('expected', BOOLEAN),
      required('result', vocabulary(SCREEN_RESULTS)),
      optional('positive_for', { type: 'analytes' }),
    ],
    choices: [],
    serviceDate: 'collected_at',
  },
  plan_goals: {
    entity: 'plan_goals',
    fileName: 'plan_goals.csv',
    columns: [
      required('source_id', SOURCE_ID),
      required('episode_source_id', reference('episodes')),
      required('created_on', DATE),
      required('due_on', DATE),
      required('status', vocabulary(GOAL_STATUSES)),
    ],
    choices: [],
    serviceDate: 'created_on',
  },
  assessments: {
    entity: 'assessments',
    fileName: 'assessments.csv',
    columns: [
      required('source_id', SOURCE_ID),
      required('episode_source_id', reference('episodes')),
      required('instrument', vocabulary(INSTRUMENTS)),
      required('administered_at', INSTANT),
      required('total', { type: 'decimal', min: 0, max: 9999.99, scale: 2 }),
    ],
    choices: [],
    serviceDate: 'administered_at',
  },
  medication_dispenses: {
    entity: 'medication_dispenses',
    fileName: 'medication_dispenses.csv',
    columns: [
      required('source_id', SOURCE_ID),
      required('episode_source_id', reference('episodes')),
      required('medication', vocabulary(MEDICATIONS)),
      required('dispensed_on', DATE),
      required('days_supply', integer(1, 365)),
    ],
    choices: [],
    serviceDate: 'dispensed_on',
  },
  mutual_help: {
    entity: 'mutual_help',
    fileName: 'mutual_help.csv',
    columns: [
      required('source_id', SOURCE_ID),
      required('episode_source_id', reference('episodes')),
      required('week_start', DATE),
      required('meetings', integer(0, 50)),
    ],
    choices: [],
    serviceDate: 'week_start',
  },
  charges: {
    entity: 'charges',
    fileName: 'charges.csv',
    columns: [
      required('source_id', SOURCE_ID),
      required('episode_source_id', reference('episodes')),
      required('service_date', DATE),
      required('code', text(20)),
      optional('amount', { type: 'decimal', min: 0, max: 21_474_836.47, scale: 2 }),
      optional('amount_cents', integer(0, 2_147_483_647)),
      required('payer', vocabulary(PAYERS)),
    ],
    choices: [{ columns: ['amount_cents', 'amount'], required: true }],
    serviceDate: 'service_date',
  },
};

/** The analytes a positive screen may name (the schema's positive_for list). */
export const ANALYTES: readonly string[] = SCREEN_ANALYTES;

/** programs.csv -> programs; null for a file name the contract does not know. */
export function entityOfFileName(fileName: string): ImportEntity | null {
  const base = fileName.replace(/^.*[\\/]/, '').toLowerCase();
  const spec = Object.values(ENTITY_SPECS).find((candidate) => candidate.fileName === base);
  return spec?.entity ?? null;
}

/**
 * The columns an exporter writes for an entity: every column of the contract, but of two alternatives
 * (birth_year or birth_date, ...) only the first, which wins on import.
 */
export function exportColumns(entity: ImportEntity): string[] {
  const { columns, choices } = ENTITY_SPECS[entity];
  const secondChoices = new Set(choices.map((choice) => choice.columns[1]));
  return columns.map((column) => column.name).filter((name) => !secondChoices.has(name));
}
