import type {
  AppointmentStatus,
  EmploymentStatus,
  GoalStatus,
  ImportEntity,
  Instrument,
  LevelOfCare,
  Medication,
  Modality,
  Payer,
  ReferralSource,
  ScreenAnalyte,
  ScreenResult,
  SessionType,
  Sex,
  StaffRole,
  Substance,
} from '@iop/contracts';
import type { NetworkRows } from '../generate';
import { programSourceId, staffSourceId, type TableRows } from '../rows/tables';

/**
 * The generator's rows in the terms of the import contract (docs/DATA-IMPORT.md): one record per row, keyed by
 * the contract's column names, with every internal id replaced by the referenced row's source id. The CSV
 * files are these records as they are; the FHIR resources are built from them, so both forms carry the same rows.
 */

/** Every program the generator makes is on the ASAM criteria's third edition (the seed writes 3). */
const ASAM_EDITION = 3;

export interface ProgramRecord {
  source_id: string;
  name: string;
  level_of_care: LevelOfCare;
  asam_edition: number;
  timezone: string;
}
export interface StaffRecord {
  source_id: string;
  program_source_id: string;
  display_name: string;
  role: StaffRole;
}
export interface PatientRecord {
  source_id: string;
  birth_year: number;
  sex: Sex;
  zip3: string;
  employment: EmploymentStatus;
}
export interface EpisodeRecord {
  source_id: string;
  program_source_id: string;
  patient_source_id: string;
  level_of_care: LevelOfCare;
  referral_date: string | null;
  referral_source: ReferralSource;
  prior_discharge_date: string | null;
  admit_date: string;
  discharge_date: string | null;
  discharge_reason: number | null;
  discharge_reason_local: string | null;
  primary_substance: Substance;
  oud: boolean;
  severity: number;
  prior_episodes: number;
  payer: Payer;
  primary_counselor_source_id: string | null;
  family_involved: boolean;
}
export interface AppointmentRecord {
  source_id: string;
  episode_source_id: string;
  session_type: SessionType;
  scheduled_start: string;
  duration_min: number;
  modality: Modality;
  status: AppointmentStatus;
  staff_source_id: string | null;
}
export interface DrugScreenRecord {
  source_id: string;
  episode_source_id: string;
  collected_at: string;
  expected: boolean;
  result: ScreenResult;
  /** The analytes of a positive screen, in the generator's order (the CSV joins them with `;`). */
  positive_for: ScreenAnalyte[];
}
export interface PlanGoalRecord {
  source_id: string;
  episode_source_id: string;
  created_on: string;
  due_on: string;
  status: GoalStatus;
}
export interface AssessmentRecord {
  source_id: string;
  episode_source_id: string;
  instrument: Instrument;
  administered_at: string;
  total: number;
}
export interface MedicationDispenseRecord {
  source_id: string;
  episode_source_id: string;
  medication: Medication;
  dispensed_on: string;
  days_supply: number;
}
export interface MutualHelpRecord {
  source_id: string;
  episode_source_id: string;
  week_start: string;
  meetings: number;
}
export interface ChargeRecord {
  source_id: string;
  episode_source_id: string;
  service_date: string;
  code: string;
  /** Whole cents: exact, where dollars with a fraction would go through a binary float. */
  amount_cents: number;
  payer: Payer;
}

export interface ContractRecords {
  programs: ProgramRecord;
  staff: StaffRecord;
  patients: PatientRecord;
  episodes: EpisodeRecord;
  appointments: AppointmentRecord;
  drug_screens: DrugScreenRecord;
  plan_goals: PlanGoalRecord;
  assessments: AssessmentRecord;
  medication_dispenses: MedicationDispenseRecord;
  mutual_help: MutualHelpRecord;
  charges: ChargeRecord;
}

/** A batch of episodes as contract records (programs and staff come once, from the network). */
export type BatchRecords = { [Entity in Exclude<ImportEntity, 'programs' | 'staff'>]: ContractRecords[Entity][] };

export function programRecords(network: NetworkRows): ProgramRecord[] {
  return network.programs.map((program) => ({
    source_id: programSourceId(program.id),
    name: program.name,
    level_of_care: program.levelOfCare,
    asam_edition: ASAM_EDITION,
    timezone: program.timeZone,
  }));
}

export function staffRecords(network: NetworkRows): StaffRecord[] {
  return network.staff.map(([, , programId, displayName, role, , sourceId]) => ({
    source_id: sourceId,
    program_source_id: programSourceId(programId),
    display_name: displayName,
    role,
  }));
}

/**
 * A batch's rows as contract records. A batch holds whole patients, so every episode's patient and every
 * child row's episode is in the same batch: a missing one is a generator bug, and an error here.
 */
export function batchRecords(rows: TableRows): BatchRecords {
  const patientSourceIds = new Map(rows.patients.map((row) => [row[0], row[8]]));
  const episodeSourceIds = new Map(rows.episodes.map((row) => [row[0], row[20]]));
  const patientOf = (id: number): string => sourceIdOf(patientSourceIds, id, 'patient');
  const episodeOf = (id: number): string => sourceIdOf(episodeSourceIds, id, 'episode');
  return {
    patients: rows.patients.map(([, , , birthYear, sex, zip3, employment, , sourceId]) => ({
      source_id: sourceId,
      birth_year: birthYear,
      sex,
      zip3,
      employment,
    })),
    episodes: rows.episodes.map((row) => ({
      source_id: row[20],
      program_source_id: programSourceId(row[2]),
      patient_source_id: patientOf(row[3]),
      level_of_care: row[4],
      referral_date: row[5],
      referral_source: row[6],
      prior_discharge_date: row[7],
      admit_date: row[8],
      discharge_date: row[9],
      discharge_reason: row[10],
      discharge_reason_local: row[11],
      primary_substance: row[12],
      oud: row[13],
      severity: row[14],
      prior_episodes: row[15],
      payer: row[16],
      primary_counselor_source_id: optionalStaff(row[17]),
      family_involved: row[18],
    })),
    appointments: rows.appointments.map((row) => ({
      source_id: row[9],
      episode_source_id: episodeOf(row[1]),
      session_type: row[2],
      scheduled_start: row[3],
      duration_min: row[4],
      modality: row[5],
      status: row[6],
      staff_source_id: optionalStaff(row[7]),
    })),
    drug_screens: rows.drug_screens.map((row) => ({
      source_id: row[7],
      episode_source_id: episodeOf(row[1]),
      collected_at: row[2],
      expected: row[3],
      result: row[4],
      positive_for: analytesOfArrayLiteral(row[5]),
    })),
    plan_goals: rows.plan_goals.map((row) => ({
      source_id: row[6],
      episode_source_id: episodeOf(row[1]),
      created_on: row[2],
      due_on: row[3],
      status: row[4],
    })),
    assessments: rows.assessments.map((row) => ({
      source_id: row[7],
      episode_source_id: episodeOf(row[1]),
      instrument: row[2],
      administered_at: row[3],
      total: row[4],
    })),
    medication_dispenses: rows.medication_dispenses.map((row) => ({
      source_id: row[6],
      episode_source_id: episodeOf(row[1]),
      medication: row[2],
      dispensed_on: row[3],
      days_supply: row[4],
    })),
    mutual_help: rows.mutual_help.map((row) => ({
      source_id: row[5],
      episode_source_id: episodeOf(row[1]),
      week_start: row[2],
      meetings: row[3],
    })),
    charges: rows.charges.map((row) => ({
      source_id: row[7],
      episode_source_id: episodeOf(row[1]),
      service_date: row[2],
      code: row[3],
      amount_cents: row[4],
      payer: row[5],
    })),
  };
}

/** The analytes of a PostgreSQL array literal as the generator writes it: `{fentanyl,cannabis}`, `{}`. */
export function analytesOfArrayLiteral(literal: string): ScreenAnalyte[] {
  if (!literal.startsWith('{') || !literal.endsWith('}')) {
    throw new Error(`positive_for "${literal}" is not an array literal`);
  }
  const inner = literal.slice(1, -1);
  return inner === '' ? [] : (inner.split(',') as ScreenAnalyte[]);
}

function optionalStaff(staffId: number | null): string | null {
  return staffId === null ? null : staffSourceId(staffId);
}

function sourceIdOf(sourceIds: ReadonlyMap<number, string>, id: number, kind: string): string {
  const sourceId = sourceIds.get(id);
  if (sourceId === undefined) throw new Error(`${kind} ${id} is not in its children's batch`);
  return sourceId;
}
