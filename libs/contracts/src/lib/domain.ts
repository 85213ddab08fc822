/**
 * The vocabularies of the domain model (docs/ARCHITECTURE.md, Computation path). The database CHECK constraints, the
 * generator and the API's validation all read these lists, so a value is added in one place.
 */
export const LEVELS_OF_CARE = ['1', '2.1', '2.5', '3.5', '3.7', '4'] as const;
export type LevelOfCare = (typeof LEVELS_OF_CARE)[number];

export const STAFF_ROLES = ['counselor', 'therapist', 'prescriber'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

export const EMPLOYMENT_STATUSES = ['employed', 'student', 'unemployed', 'other'] as const;
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];

export const REFERRAL_SOURCES = [
  'self',
  'family',
  'court',
  'employer',
  'outpatient',
  'residential',
  'inpatient',
  'emergency',
  'other',
] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

export const SUBSTANCES = ['alcohol', 'opioids', 'stimulants', 'cannabis', 'other'] as const;
export type Substance = (typeof SUBSTANCES)[number];

export const PAYERS = ['medicaid', 'medicare', 'commercial', 'self_pay', 'other'] as const;
export type Payer = (typeof PAYERS)[number];

/** TEDS-D discharge reason codes (REASON). */
export const DISCHARGE_REASONS = {
  completed: 1,
  droppedOut: 2,
  terminatedByFacility: 3,
  transferred: 4,
  incarcerated: 5,
  death: 6,
  other: 7,
} as const;
export type DischargeReason = (typeof DISCHARGE_REASONS)[keyof typeof DISCHARGE_REASONS];

export const SESSION_TYPES = ['group', 'individual', 'family', 'mat', 'case_management'] as const;
export type SessionType = (typeof SESSION_TYPES)[number];

export const MODALITIES = ['in_person', 'telehealth'] as const;
export type Modality = (typeof MODALITIES)[number];

export const APPOINTMENT_STATUSES = [
  'attended',
  'no_show',
  'cancelled_patient',
  'cancelled_program',
  'scheduled',
] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export const SCREEN_RESULTS = ['negative', 'positive', 'missing', 'invalid'] as const;
export type ScreenResult = (typeof SCREEN_RESULTS)[number];

/** What a drug screen can be positive for; the MAT medications are listed so that prescribed use can be told apart. */
export const SCREEN_ANALYTES = [
  'alcohol',
  'opioids',
  'fentanyl',
  'buprenorphine',
  'methadone',
  'stimulants',
  'cannabis',
  'benzodiazepines',
  'other',
] as const;
export type ScreenAnalyte = (typeof SCREEN_ANALYTES)[number];

export const GOAL_STATUSES = ['met', 'in_progress', 'not_met', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export const INSTRUMENTS = ['wai_sr', 'readiness_ruler', 'bam'] as const;
export type Instrument = (typeof INSTRUMENTS)[number];

export const MEDICATIONS = [
  'buprenorphine',
  'methadone',
  'naltrexone_oral',
  'naltrexone_xr',
  'acamprosate',
  'disulfiram',
] as const;
export type Medication = (typeof MEDICATIONS)[number];

export const USER_ROLES = ['director', 'payer', 'quality', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];
