import type { ImportEntity } from '@iop/contracts';

/**
 * What the data-quality page measures of each table (GET /api/v1/data/quality), after DHIS2's completeness
 * and timeliness. Every SQL fragment here is a constant of the code, never input.
 */

/**
 * The optional fields of each table whose absence the schema keeps (NULL), by column name. Fields with a
 * default (modality in_person, oud false, expected true, prior_episodes 0...) cannot tell "absent" from the
 * default once stored, so they are not listed.
 */
export const OPTIONAL_FIELDS: Readonly<Record<ImportEntity, readonly string[]>> = {
  programs: [],
  staff: [],
  patients: ['zip3'],
  episodes: [
    'referral_date',
    'prior_discharge_date',
    'discharge_date',
    'discharge_reason_local',
    'primary_counselor_id',
  ],
  appointments: ['staff_id'],
  drug_screens: [],
  plan_goals: [],
  assessments: [],
  medication_dispenses: [],
  mutual_help: [],
  charges: [],
};

/** A check stated in words, and the SQL that counts the table's rows failing it. */
export interface RowCheck {
  entity: ImportEntity;
  check: string;
  countSql: string;
}

/** The as-of date of a row's organisation (alias m), for rows of episodes e. */
const EPISODE_AS_OF = 'FROM episodes e LEFT JOIN dataset_meta m ON m.org_id = e.org_id';

/** A local calendar date of an instant column of a child of episodes (alias x), in its program's time zone. */
const localDate = (column: string) => `(x.${column} AT TIME ZONE p.timezone)::date`;
const VIA_PROGRAM = 'JOIN episodes e ON e.id = x.episode_id JOIN programs p ON p.id = e.program_id';

/** Values outside the expected range. Age is the admission year less the birth year (only the year is kept). */
export const OUT_OF_RANGE_CHECKS: readonly RowCheck[] = [
  {
    entity: 'patients',
    check: 'patient older than 90 or younger than 12 at admission',
    countSql: `SELECT count(*) FROM patients pt WHERE EXISTS (
      SELECT 1 FROM episodes e WHERE e.patient_id = pt.id
        AND extract(year FROM e.admit_date) - pt.birth_year NOT BETWEEN 12 AND 90)`,
  },
  {
    entity: 'episodes',
    check: 'episode longer than 365 days',
    countSql: `SELECT count(*) ${EPISODE_AS_OF} WHERE coalesce(e.discharge_date, m.as_of) - e.admit_date > 365`,
  },
  {
    entity: 'episodes',
    check: 'admission after the as-of date',
    countSql: `SELECT count(*) ${EPISODE_AS_OF} WHERE e.admit_date > m.as_of`,
  },
  {
    entity: 'appointments',
    check: 'appointment longer than 4 hours',
    countSql: `SELECT count(*) FROM appointments WHERE duration_min > 240`,
  },
  {
    entity: 'charges',
    check: 'charge of $0',
    countSql: `SELECT count(*) FROM charges WHERE amount_cents = 0`,
  },
];

/** Rows with nothing attached where something is expected, or attached past their parent's end. */
export const ORPHAN_CHECKS: readonly RowCheck[] = [
  {
    entity: 'programs',
    check: 'programs with no episode',
    countSql: `SELECT count(*) FROM programs p WHERE NOT EXISTS (SELECT 1 FROM episodes e WHERE e.program_id = p.id)`,
  },
  {
    entity: 'staff',
    check: 'staff never scheduled',
    countSql: `SELECT count(*) FROM staff s WHERE NOT EXISTS (SELECT 1 FROM appointments a WHERE a.staff_id = s.id)`,
  },
  {
    entity: 'patients',
    check: 'patients with no episode',
    countSql: `SELECT count(*) FROM patients pt WHERE NOT EXISTS (SELECT 1 FROM episodes e WHERE e.patient_id = pt.id)`,
  },
  {
    entity: 'episodes',
    check: 'episodes with no appointment',
    countSql: `SELECT count(*) FROM episodes e WHERE NOT EXISTS (SELECT 1 FROM appointments a WHERE a.episode_id = e.id)`,
  },
  {
    entity: 'appointments',
    check: 'appointments after discharge',
    countSql: `SELECT count(*) FROM appointments x ${VIA_PROGRAM} WHERE ${localDate('scheduled_start')} > e.discharge_date`,
  },
];

/**
 * The latest date of service of each table that has one, as a date expression over the table's rows
 * (`FROM` included): instants are read as local dates of the program; appointments count only attended ones,
 * screens only those collected (not those recorded as missing).
 */
export const SERVICE_DATES: Readonly<Partial<Record<ImportEntity, string>>> = {
  episodes: 'max(e.admit_date) FROM episodes e',
  appointments: `max(${localDate('scheduled_start')}) FROM appointments x ${VIA_PROGRAM} WHERE x.status = 'attended'`,
  drug_screens: `max(${localDate('collected_at')}) FROM drug_screens x ${VIA_PROGRAM} WHERE x.result <> 'missing'`,
  plan_goals: 'max(created_on) FROM plan_goals',
  assessments: `max(${localDate('administered_at')}) FROM assessments x ${VIA_PROGRAM}`,
  medication_dispenses: 'max(dispensed_on) FROM medication_dispenses',
  mutual_help: 'max(week_start) FROM mutual_help',
  charges: 'max(service_date) FROM charges',
};
