import { AGE_90_OR_OVER, type DeIdentifiedEpisodeExportRow, type EpisodeExportRow } from '@iop/contracts';
import type { SignedInUser } from '../access/signed-in-user';
import type { DeIdentifiedQualityPatientExportRow, QualityPatientExportRow } from './quality-patients-export.columns';

/**
 * Quality exports are de-identified (docs/SECURITY.md: quality reviews measures, not patients); directors and
 * admins see pseudonymous keys and dates.
 */
export const isDeIdentifiedFor = (user: Pick<SignedInUser, 'role'>): boolean => user.role === 'quality';

/**
 * The three-digit ZIP prefixes that HIPAA Safe Harbor (45 CFR 164.514(b)(2)(i)(B)) does not allow, because the
 * area they cover held 20,000 people or fewer in the 2000 census (the list HHS publishes with its de-identification
 * guidance). Such a prefix is exported as "000"; every other prefix is kept as it is.
 */
export const RESTRICTED_ZIP3 = new Set([
  '036',
  '059',
  '063',
  '102',
  '203',
  '556',
  '692',
  '790',
  '821',
  '823',
  '830',
  '831',
  '878',
  '879',
  '884',
  '890',
  '893',
]);

/** What a restricted ZIP3 becomes. */
export const MASKED_ZIP3 = '000';

/** Safe Harbor: ages over 89 (and anything that would reveal them) are aggregated into one category. */
export function deIdentifiedAge(age: number): number | typeof AGE_90_OR_OVER {
  return age > 89 ? AGE_90_OR_OVER : age;
}

export function deIdentifiedZip3(zip3: string | null): string | null {
  if (zip3 === null) return null;
  return RESTRICTED_ZIP3.has(zip3) ? MASKED_ZIP3 : zip3;
}

/** The year of a YYYY-MM-DD date: no date finer than the year leaves a de-identified export. */
const yearOf = (isoDate: string): number => Number(isoDate.slice(0, 4));
const yearOrNull = (isoDate: string | null): number | null => (isoDate === null ? null : yearOf(isoDate));

/**
 * The row of a payer or quality export (docs/SECURITY.md): no patient key and no episode id (an id could be
 * joined back to the source), admit and discharge dates as years, ages over 89 as "90+", ZIP3 with restricted
 * areas masked. The length of stay is a duration, not a date, and stays.
 */
export function deIdentify(row: EpisodeExportRow): DeIdentifiedEpisodeExportRow {
  // Listed one by one, not spread, so that a column added to the identified row is not carried over unchecked.
  const { admitDate, dischargeDate, ...rest } = row;
  return {
    program: rest.program,
    levelOfCare: rest.levelOfCare,
    payer: rest.payer,
    primarySubstance: rest.primarySubstance,
    ageAtAdmission: deIdentifiedAge(rest.ageAtAdmission),
    ageBand: rest.ageBand,
    sex: rest.sex,
    zip3: deIdentifiedZip3(rest.zip3),
    admitYear: yearOf(admitDate),
    dischargeYear: yearOrNull(dischargeDate),
    lengthOfStayDays: rest.lengthOfStayDays,
    dischargeReason: rest.dischargeReason,
    attendanceRate: rest.attendanceRate,
    complianceScore: rest.complianceScore,
    retained90: rest.retained90,
    completed: rest.completed,
    abstinentFinal4Weeks: rest.abstinentFinal4Weeks,
  };
}

/**
 * A measure's patient-list row as the quality role exports it, by the same rule: no patient key and no episode
 * id, every date as its year; the days between two dates are a duration and stay.
 */
export function deIdentifyQualityPatient(row: QualityPatientExportRow): DeIdentifiedQualityPatientExportRow {
  return {
    program: row.program,
    admitYear: yearOf(row.admitDate),
    inNumerator: row.inNumerator,
    startYear: yearOrNull(row.startDate),
    eventYear: yearOrNull(row.eventDate),
    days: row.days,
    proportion: row.proportion,
  };
}
