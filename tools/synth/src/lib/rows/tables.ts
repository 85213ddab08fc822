import type {
  AppointmentStatus,
  EmploymentStatus,
  GoalStatus,
  Instrument,
  LevelOfCare,
  Medication,
  Modality,
  Payer,
  ReferralSource,
  ScreenResult,
  SessionType,
  Sex,
  StaffRole,
  Substance,
} from '@iop/contracts';

/**
 * The rows the generator produces, one tuple type per table, in the column order of the COPY statements
 * below (tuples rather than objects: 5M appointments are serialised as arrays without a key lookup).
 */

export const SOURCE_SYSTEM = 'synth';
export const ORGANIZATION_ID = 1;

export type StaffRow = [
  id: number,
  orgId: number,
  programId: number,
  displayName: string,
  role: StaffRole,
  sourceSystem: string,
  sourceId: string,
];
export type PatientRow = [
  id: number,
  orgId: number,
  patientKey: string,
  birthYear: number,
  sex: Sex,
  zip3: string,
  employment: EmploymentStatus,
  sourceSystem: string,
  sourceId: string,
];
export type EpisodeRow = [
  id: number,
  orgId: number,
  programId: number,
  patientId: number,
  levelOfCare: LevelOfCare,
  referralDate: string,
  referralSource: ReferralSource,
  priorDischargeDate: string | null,
  admitDate: string,
  dischargeDate: string | null,
  dischargeReason: number | null,
  dischargeReasonLocal: string | null,
  primarySubstance: Substance,
  oud: boolean,
  severity: number,
  priorEpisodes: number,
  payer: Payer,
  primaryCounselorId: number,
  familyInvolved: boolean,
  sourceSystem: string,
  sourceId: string,
];
export type AppointmentRow = [
  orgId: number,
  episodeId: number,
  sessionType: SessionType,
  scheduledStart: string,
  durationMin: number,
  modality: Modality,
  status: AppointmentStatus,
  staffId: number,
  sourceSystem: string,
  sourceId: string,
];
export type DrugScreenRow = [
  orgId: number,
  episodeId: number,
  collectedAt: string,
  expected: boolean,
  result: ScreenResult,
  /** A PostgreSQL array literal, e.g. {fentanyl,buprenorphine}. */
  positiveFor: string,
  sourceSystem: string,
  sourceId: string,
];
export type PlanGoalRow = [
  orgId: number,
  episodeId: number,
  createdOn: string,
  dueOn: string,
  status: GoalStatus,
  sourceSystem: string,
  sourceId: string,
];
export type AssessmentRow = [
  orgId: number,
  episodeId: number,
  instrument: Instrument,
  administeredAt: string,
  total: number,
  /** JSON text, or null. */
  subscales: string | null,
  sourceSystem: string,
  sourceId: string,
];
export type MedicationDispenseRow = [
  orgId: number,
  episodeId: number,
  medication: Medication,
  dispensedOn: string,
  daysSupply: number,
  sourceSystem: string,
  sourceId: string,
];
export type MutualHelpRow = [
  orgId: number,
  episodeId: number,
  weekStart: string,
  meetings: number,
  sourceSystem: string,
  sourceId: string,
];
export type ChargeRow = [
  orgId: number,
  episodeId: number,
  serviceDate: string,
  code: string,
  amountCents: number,
  payer: Payer,
  sourceSystem: string,
  sourceId: string,
];

/** Rows of every bulk-loaded table for a batch of episodes (parents before children). */
export interface TableRows {
  patients: PatientRow[];
  episodes: EpisodeRow[];
  appointments: AppointmentRow[];
  drug_screens: DrugScreenRow[];
  plan_goals: PlanGoalRow[];
  assessments: AssessmentRow[];
  medication_dispenses: MedicationDispenseRow[];
  mutual_help: MutualHelpRow[];
  charges: ChargeRow[];
}

export type BatchTable = keyof TableRows;

/** Column lists of the COPY statements, in the order of the tuples above. */
export const BATCH_TABLE_COLUMNS: Readonly<Record<BatchTable, readonly string[]>> = {
  patients: ['id', 'org_id', 'patient_key', 'birth_year', 'sex', 'zip3', 'employment', 'source_system', 'source_id'],
  episodes: [
    'id',
    'org_id',
    'program_id',
    'patient_id',
    'level_of_care',
    'referral_date',
    'referral_source',
    'prior_discharge_date',
    'admit_date',
    'discharge_date',
    'discharge_reason',
    'discharge_reason_local',
    'primary_substance',
    'oud',
    'severity',
    'prior_episodes',
    'payer',
    'primary_counselor_id',
    'family_involved',
    'source_system',
    'source_id',
  ],
  appointments: [
    'org_id',
    'episode_id',
    'session_type',
    'scheduled_start',
    'duration_min',
    'modality',
    'status',
    'staff_id',
    'source_system',
    'source_id',
  ],
  drug_screens: [
    'org_id',
    'episode_id',
    'collected_at',
    'expected',
    'result',
    'positive_for',
    'source_system',
    'source_id',
  ],
  plan_goals: ['org_id', 'episode_id', 'created_on', 'due_on', 'status', 'source_system', 'source_id'],
  assessments: [
    'org_id',
    'episode_id',
    'instrument',
    'administered_at',
    'total',
    'subscales',
    'source_system',
    'source_id',
  ],
  medication_dispenses: [
    'org_id',
    'episode_id',
    'medication',
    'dispensed_on',
    'days_supply',
    'source_system',
    'source_id',
  ],
  mutual_help: ['org_id', 'episode_id', 'week_start', 'meetings', 'source_system', 'source_id'],
  charges: ['org_id', 'episode_id', 'service_date', 'code', 'amount_cents', 'payer', 'source_system', 'source_id'],
};

export const BATCH_TABLES = Object.keys(BATCH_TABLE_COLUMNS) as BatchTable[];

export const STAFF_COLUMNS = [
  'id',
  'org_id',
  'program_id',
  'display_name',
  'role',
  'source_system',
  'source_id',
] as const;

/** Source ids of the generator's programs and staff, as an EHR would name them. */
export const programSourceId = (programId: number): string => `prog${programId}`;
export const staffSourceId = (staffId: number): string => `staff${staffId}`;

export function emptyTableRows(): TableRows {
  return {
    patients: [],
    episodes: [],
    appointments: [],
    drug_screens: [],
    plan_goals: [],
    assessments: [],
    medication_dispenses: [],
    mutual_help: [],
    charges: [],
  };
}
