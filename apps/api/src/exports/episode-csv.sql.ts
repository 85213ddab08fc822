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
 * - Booleans as true/false (bool::text), rates as float8 (shortest exact digits, as JavaScript prints them, with
 *   extra_float_digits 1), dates in the date type's own ISO output (YYYY-MM-DD with DateStyle ISO), years as
 *   integers. EPISODE_CSV_SETTINGS pins both settings for the COPY's transaction.
 * - De-identification in SQL: years only, ages over 89 as "90+", the HHS ZIP3 list as "000", no key or id.
 *
 * What keeps PostgreSQL's CPU per row low (docs/PERFORMANCE.md, "Episode exports"): no to_char (a date's own
 * output is cheaper), the attendance rate rounded in integers rather than by a numeric division, the formula test
 * on the first character's code rather than on a substring, and the program's and patient's columns written once
 * per program and per patient, before the join, rather than once per episode.
 */

/** The first characters that neutralizeFormula quotes (=, +, -, @, tab, CR), as the code points ascii() returns. */
const FORMULA_START_CODES = `(${['=', '+', '-', '@', '\t', '\r'].map((start) => start.codePointAt(0)).join(', ')})`;

/**
 * A text column as the CSV writer writes a string: formula-neutralised, and an empty string as an empty field.
 * ascii() is the first character's code point (0 for an empty string), so a multibyte first character never
 * matches.
 */
const csvText = (expression: string): string =>
  `CASE WHEN ascii(${expression}) IN ${FORMULA_START_CODES} THEN '''' || ${expression} ELSE NULLIF(${expression}, '') END`;

const textList = (values: Iterable<string>): string =>
  `ARRAY[${[...values].map((value) => escapeLiteral(value)).join(', ')}]`;

/** The TEDS-D code's label (DISCHARGE_REASON_LABELS, "Other" for an unknown code), null while active. */
const DISCHARGE_REASON_LABEL = `CASE WHEN f.discharge_reason IS NOT NULL THEN CASE f.discharge_reason ${Object.entries(
  DISCHARGE_REASON_LABELS,
)
  .map(([code, label]) => `WHEN ${Number(code)} THEN ${escapeLiteral(neutralizeFormula(label))}`)
  .join(' ')} ELSE ${escapeLiteral(neutralizeFormula('Other'))} END END`;

/**
 * The attendance rate rounded to 4 places, half away from zero: round(numerator::numeric / denominator, 4)::float8,
 * in integers. For counts n >= 0 and d > 0, (20000 n + d) / (2 d) truncated is round(10000 n / d) exactly, and
 * dividing that integer by 10000 in float8 is correctly rounded, as numeric's conversion to float8 is: the same
 * double, without a numeric division per row. Null without a denominator.
 */
export const ATTENDANCE_RATE =
  '((20000::bigint * f.attendance_numerator + f.attendance_denominator) / NULLIF(2::bigint * f.attendance_denominator, 0))::float8 / 10000';

/** The columns both exports share; rates rounded to 4 places and retained90 as in EpisodeExportQuery. */
const SHARED = {
  program: 'p.name',
  levelOfCare: csvText('f.level_of_care'),
  payer: csvText('f.payer'),
  primarySubstance: csvText('f.primary_substance'),
  ageBand: csvText('f.age_band'),
  sex: csvText('f.sex'),
  lengthOfStayDays: 'f.length_of_stay_days',
  dischargeReason: DISCHARGE_REASON_LABEL,
  attendanceRate: ATTENDANCE_RATE,
  // A float8 rounded through numeric (its 15 significant digits first): no integer shortcut gives the same digits.
  complianceScore: 'round(f.compliance_score::numeric, 4)::float8',
  retained90: '(CASE WHEN f.as_of - f.admit_date >= 90 THEN f.length_of_stay_days >= 90 END)::text',
  completed: '(CASE WHEN f.discharge_date IS NOT NULL THEN f.discharge_reason = 1 END)::text',
  abstinentFinal4Weeks: 'f.abstinent_final_4_weeks::text',
};

/** The identified export (director, admin): the pseudonymous key, the episode id, exact dates. */
const IDENTIFIED: Record<keyof EpisodeExportRow, string> = {
  ...SHARED,
  episodeId: 'f.episode_id',
  patientKey: 'pt.patient_key',
  ageAtAdmission: 'f.age_at_admission',
  zip3: 'pt.zip3',
  admitDate: 'f.admit_date',
  dischargeDate: 'f.discharge_date',
};

/** The de-identified export (quality): as deIdentify() makes it. */
const DEIDENTIFIED: Record<keyof DeIdentifiedEpisodeExportRow, string> = {
  ...SHARED,
  ageAtAdmission: `CASE WHEN f.age_at_admission > 89 THEN ${escapeLiteral(AGE_90_OR_OVER)} ELSE f.age_at_admission::text END`,
  zip3: 'pt.zip3',
  // date_part is float8 (extract is numeric): a whole year either way, the float one cheaper to cast.
  admitYear: `date_part('year', f.admit_date)::int`,
  dischargeYear: `date_part('year', f.discharge_date)::int`,
};

/**
 * The program's name and the patient's columns as the CSV writes them, computed once per program and per patient
 * (OFFSET 0 keeps the planner from pulling the expressions up into the join, where they would run per episode).
 */
const PROGRAMS = `(SELECT id, ${csvText('name')} AS name FROM programs OFFSET 0)`;
const IDENTIFIED_PATIENTS = `(SELECT id, ${csvText('patient_key')} AS patient_key, ${csvText('zip3')} AS zip3 FROM patients OFFSET 0)`;
const DEIDENTIFIED_PATIENTS = `(SELECT id, ${csvText(
  `CASE WHEN zip3 = ANY(${textList(RESTRICTED_ZIP3)}) THEN ${escapeLiteral(MASKED_ZIP3)} ELSE zip3 END`,
)} AS zip3 FROM patients OFFSET 0)`;

/**
 * What the COPY's bytes depend on beyond its SQL, set for its transaction: dates in ISO (YYYY-MM-DD), and float8
 * in shortest exact digits (extra_float_digits >= 1, PostgreSQL's default; 0 or less would round them).
 */
export const EPISODE_CSV_SETTINGS: readonly string[] = [
  `SET LOCAL DateStyle = 'ISO'`,
  'SET LOCAL extra_float_digits = 1',
];

/**
 * The COPY statement of the selected episodes in episode id order: `columns` (IDENTIFIED_COLUMNS, or
 * DEIDENTIFIED_COLUMNS with `deIdentified`) in their order, their headers as the header row. It is run after
 * EPISODE_CSV_SETTINGS in the same transaction.
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
  JOIN ${PROGRAMS} p ON p.id = f.program_id
  JOIN ${deIdentified ? DEIDENTIFIED_PATIENTS : IDENTIFIED_PATIENTS} pt ON pt.id = f.patient_id
  WHERE ${inlineParameters(episodeSelection(scope, filters))}
  ORDER BY f.episode_id
) TO STDOUT WITH (FORMAT csv, HEADER true)`;
}
