import {
  AGE_90_OR_OVER,
  DISCHARGE_REASON_LABELS,
  type DeIdentifiedEpisodeExportRow,
  type EpisodeExportRow,
  type EpisodeFilters,
} from '@iop/contracts';
import { escapeIdentifier, escapeLiteral } from 'pg';
import type { AccessScope } from '../access/access-scope';
import { neutralizeFormula } from '../admin/audit-log.service';
import { episodeSelection } from '../episodes/episode-selection.sql';
import { MASKED_ZIP3, RESTRICTED_ZIP3 } from './de-identify';
import type { ExportColumn } from './tabular-export';
import { inlineParameters } from './sql-literal';

/**
 * The episode CSV as one `COPY (SELECT ...) TO STDOUT`, so that PostgreSQL writes the CSV and the API only passes
 * it on. Every column is the text the CSV writer (writeCsvExport, csv-stringify) would have written for the row
 * of EpisodeExportQuery, de-identified by de-identify.ts for quality; episode-csv.spec.ts builds both on edge
 * cases and compares the bytes. What makes them equal:
 * - COPY's CSV quotes a value holding a comma, a quote, CR or LF, doubling quotes, as csv-stringify does; it
 *   writes NULL as an empty field, as csv-stringify writes null. It quotes an empty string (csv-stringify does
 *   not), hence NULLIF(..., '') on text.
 * - Text a spreadsheet would run as a formula gets a leading quote (neutralizeFormula), in SQL.
 * - Booleans as true/false (bool::text), rates as float8 (shortest exact digits, as JavaScript prints them),
 *   dates as to_char YYYY-MM-DD, years as integers.
 * - De-identification in SQL: years only, ages over 89 as "90+", the HHS ZIP3 list as "000", no key or id.
 */

/** The first characters that neutralizeFormula quotes (=, +, -, @, tab, CR). */
const FORMULA_STARTS = `('=', '+', '-', '@', chr(9), chr(13))`;

/** A text column as the CSV writer writes a string: formula-neutralised, and an empty string as an empty field. */
const csvText = (expression: string): string =>
  `CASE WHEN left(${expression}, 1) IN ${FORMULA_STARTS} THEN '''' || ${expression} ELSE NULLIF(${expression}, '') END`;

const textList = (values: Iterable<string>): string =>
  `ARRAY[${[...values].map((value) => escapeLiteral(value)).join(', ')}]`;

/** The TEDS-D code's label (DISCHARGE_REASON_LABELS, "Other" for an unknown code), null while active. */
const DISCHARGE_REASON_LABEL = `CASE WHEN f.discharge_reason IS NOT NULL THEN CASE f.discharge_reason ${Object.entries(
  DISCHARGE_REASON_LABELS,
)
  .map(([code, label]) => `WHEN ${Number(code)} THEN ${escapeLiteral(neutralizeFormula(label))}`)
  .join(' ')} ELSE ${escapeLiteral(neutralizeFormula('Other'))} END END`;

/** The columns both exports share; rates rounded to 4 places and retained90 as in EpisodeExportQuery. */
const SHARED = {
  program: csvText('p.name'),
  levelOfCare: csvText('f.level_of_care'),
  payer: csvText('f.payer'),
  primarySubstance: csvText('f.primary_substance'),
  ageBand: csvText('f.age_band'),
  sex: csvText('f.sex'),
  lengthOfStayDays: 'f.length_of_stay_days',
  dischargeReason: DISCHARGE_REASON_LABEL,
  attendanceRate: 'round((f.attendance_numerator::numeric / NULLIF(f.attendance_denominator, 0)), 4)::float8',
  complianceScore: 'round(f.compliance_score::numeric, 4)::float8',
  retained90: '(CASE WHEN f.as_of - f.admit_date >= 90 THEN f.length_of_stay_days >= 90 END)::text',
  completed: '(CASE WHEN f.discharge_date IS NOT NULL THEN f.discharge_reason = 1 END)::text',
  abstinentFinal4Weeks: 'f.abstinent_final_4_weeks::text',
};

/** The identified export (director, admin): the pseudonymous key, the episode id, exact dates. */
const IDENTIFIED: Record<keyof EpisodeExportRow, string> = {
  ...SHARED,
  episodeId: 'f.episode_id',
  patientKey: csvText('pt.patient_key'),
  ageAtAdmission: 'f.age_at_admission',
  zip3: csvText('pt.zip3'),
  admitDate: `to_char(f.admit_date, 'YYYY-MM-DD')`,
  dischargeDate: `to_char(f.discharge_date, 'YYYY-MM-DD')`,
};

/** The de-identified export (quality): as deIdentify() makes it. */
const DEIDENTIFIED: Record<keyof DeIdentifiedEpisodeExportRow, string> = {
  ...SHARED,
  ageAtAdmission: `CASE WHEN f.age_at_admission > 89 THEN ${escapeLiteral(AGE_90_OR_OVER)} ELSE f.age_at_admission::text END`,
  zip3: csvText(
    `CASE WHEN pt.zip3 = ANY(${textList(RESTRICTED_ZIP3)}) THEN ${escapeLiteral(MASKED_ZIP3)} ELSE pt.zip3 END`,
  ),
  admitYear: 'extract(year FROM f.admit_date)::int',
  dischargeYear: 'extract(year FROM f.discharge_date)::int',
};

/**
 * The COPY statement of the selected episodes in episode id order: `columns` (IDENTIFIED_COLUMNS, or
 * DEIDENTIFIED_COLUMNS with `deIdentified`) in their order, their headers as the header row.
 */
export function episodeCsvCopySql(
  deIdentified: boolean,
  columns: readonly ExportColumn[],
  scope: AccessScope,
  filters: EpisodeFilters,
): string {
  const expressions: Record<string, string> = deIdentified ? DEIDENTIFIED : IDENTIFIED;
  const select = columns
    .map((column) => {
      const expression = expressions[column.key];
      if (expression === undefined) throw new Error(`the episode CSV has no SQL for column ${column.key}`);
      return `${expression} AS ${escapeIdentifier(column.header ?? column.key)}`;
    })
    .join(',\n    ');
  return `COPY (
  SELECT ${select}
  FROM episode_facts f
  JOIN programs p ON p.id = f.program_id
  JOIN patients pt ON pt.id = f.patient_id
  WHERE ${inlineParameters(episodeSelection(scope, filters))}
  ORDER BY f.episode_id
) TO STDOUT WITH (FORMAT csv, HEADER true)`;
}
