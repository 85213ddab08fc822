/**
 * The episode exports (docs/SECURITY.md): one row per selected episode. Directors and admins
 * get the identified row (a pseudonymous patient key, exact dates); quality gets the de-identified row (no keys
 * or ids, years instead of dates, ages over 89 as "90+", restricted ZIP3 areas as "000"); payers get no rows.
 */
export interface EpisodeExportRow {
  episodeId: number;
  /** The source system's pseudonymous patient key, never a name or a medical record number. */
  patientKey: string;
  program: string;
  levelOfCare: string;
  payer: string;
  primarySubstance: string;
  ageAtAdmission: number;
  ageBand: string;
  sex: string;
  zip3: string | null;
  /** YYYY-MM-DD. */
  admitDate: string;
  /** YYYY-MM-DD; null while active. */
  dischargeDate: string | null;
  lengthOfStayDays: number;
  /** TEDS-D discharge reason label; null while active. */
  dischargeReason: string | null;
  /** Attended / (attended + no-show + cancelled by the patient); null with no such appointment. */
  attendanceRate: number | null;
  complianceScore: number | null;
  /** Null while the episode is too recent to have been in treatment 90 days by the as-of date. */
  retained90: boolean | null;
  /** Null while active. */
  completed: boolean | null;
  abstinentFinal4Weeks: boolean;
}

/** An age over 89 is a HIPAA Safe Harbor identifier: it is exported as this. */
export const AGE_90_OR_OVER = '90+';

export interface DeIdentifiedEpisodeExportRow
  extends Omit<EpisodeExportRow, 'episodeId' | 'patientKey' | 'ageAtAdmission' | 'admitDate' | 'dischargeDate'> {
  ageAtAdmission: number | typeof AGE_90_OR_OVER;
  admitYear: number;
  dischargeYear: number | null;
}

const SHARED_COLUMNS = [
  'program',
  'levelOfCare',
  'payer',
  'primarySubstance',
  'ageAtAdmission',
  'ageBand',
  'sex',
  'zip3',
] as const;
const OUTCOME_COLUMNS = [
  'lengthOfStayDays',
  'dischargeReason',
  'attendanceRate',
  'complianceScore',
  'retained90',
  'completed',
  'abstinentFinal4Weeks',
] as const;

/** The columns of the identified export (director, admin), in order. */
export const EPISODE_EXPORT_COLUMNS = [
  'episodeId',
  'patientKey',
  ...SHARED_COLUMNS,
  'admitDate',
  'dischargeDate',
  ...OUTCOME_COLUMNS,
] as const satisfies ReadonlyArray<keyof EpisodeExportRow>;

/** The columns of the de-identified export (quality), in order. */
export const DEIDENTIFIED_EPISODE_EXPORT_COLUMNS = [
  ...SHARED_COLUMNS,
  'admitYear',
  'dischargeYear',
  ...OUTCOME_COLUMNS,
] as const satisfies ReadonlyArray<keyof DeIdentifiedEpisodeExportRow>;
