/**
 * The dashboard's questions for `npm run bench:compare`: every endpoint the dashboard calls (its paths as
 * apps/dashboard/src/app/data-access/api/*.ts build them) and, where the question can be put to the base tables
 * directly, the same question in SQL that PostgreSQL and DuckDB both run (no parameters; `count(*) FILTER`,
 * `extract(isodow ...)` and the rest mean the same in both). Only the appointment's local time is written per
 * engine (SqlDialect).
 */

/**
 * How an engine turns an appointment's start (`a.scheduled_start`) into local time in its program's zone
 * (`s.timezone`): the join it needs, if any, and the expression.
 */
export interface SqlDialect {
  engine: 'postgres' | 'duckdb';
  localJoin: string;
  localStart: string;
}

export const POSTGRES_DIALECT: SqlDialect = {
  engine: 'postgres',
  localJoin: '',
  localStart: 'a.scheduled_start AT TIME ZONE s.timezone',
};

/**
 * DuckDB converts time zones with ICU, about 7 microseconds a row with the zone taken from a column (3.4 s for
 * the standard preset's 450,000 appointments, against 0.3 s for PostgreSQL): the DuckDB way is a lookup of
 * each zone's UTC offset per UTC hour (local_hours, built once with ICU by compare-duckdb.ts; appointments
 * hold their start as a UTC timestamp there).
 */
export const DUCKDB_DIALECT: SqlDialect = {
  engine: 'duckdb',
  localJoin: `JOIN local_hours z ON z.timezone = s.timezone AND z.utc_hour = date_trunc('hour', a.scheduled_start)`,
  localStart: 'a.scheduled_start + z.utc_offset',
};

/** Which episodes a question reads: the caller's programs and the filter's, and the first admit date. */
export interface QuestionScope {
  /** null: every program. */
  programIds: number[] | null;
  /** ISO date, inclusive; null: no lower bound. */
  from: string | null;
}

export interface Question {
  /** The row's name in the table. */
  name: string;
  /** The API path without the filter's parameters (the question's own parameters included). */
  path: string;
  /** Whether the endpoint takes the episode filter (filter options and data status do not). */
  filtered: boolean;
  /** The same question on the base tables, or undefined where only the API answers it. */
  sql?: (scope: QuestionScope, dialect: SqlDialect) => string;
  /** What the SQL leaves out of the endpoint's answer, for the table's footnotes. */
  sqlCovers?: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The scope as a condition on `episodes e`; values are checked, then written as literals (both engines). */
function episodeCondition(scope: QuestionScope): string {
  const conditions: string[] = [];
  if (scope.programIds !== null) {
    if (!scope.programIds.every(Number.isInteger)) throw new Error('program ids must be integers');
    conditions.push(scope.programIds.length ? `e.program_id IN (${scope.programIds.join(', ')})` : 'false');
  }
  if (scope.from !== null) {
    if (!ISO_DATE.test(scope.from)) throw new Error(`not an ISO date: ${scope.from}`);
    conditions.push(`e.admit_date >= DATE '${scope.from}'`);
  }
  return conditions.length ? conditions.join(' AND ') : 'true';
}

/**
 * The selected episodes with their program's time zone and their last day (the discharge date, or the data's
 * as-of date while active: docs/METRICS.md conventions), as episode_facts defines them.
 */
const selectedEpisodes = (scope: QuestionScope) => `
  selected AS (
    SELECT e.id, e.program_id, e.level_of_care, e.admit_date, e.discharge_date, e.discharge_reason, p.timezone,
           coalesce(e.discharge_date, m.as_of) AS last_day
    FROM episodes e
    JOIN programs p ON p.id = e.program_id
    LEFT JOIN dataset_meta m ON m.org_id = e.org_id
    WHERE ${episodeCondition(scope)}
  )`;

/** The appointments in the attendance rate's denominator: its three statuses, up to the episode's last day, local. */
const countedAppointments = (dialect: SqlDialect) => `
  counted AS (
    SELECT s.*, a.status, ${dialect.localStart} AS local_start
    FROM selected s
    JOIN appointments a ON a.episode_id = s.id
    ${dialect.localJoin}
    WHERE a.status IN ('attended', 'no_show', 'cancelled_patient')
      AND CAST(${dialect.localStart} AS date) <= s.last_day
  )`;

const attendedAndCounted = `count(*) FILTER (WHERE status = 'attended') AS attended, count(*) AS counted`;
const month = (column: string) => `extract(year FROM ${column}) * 100 + extract(month FROM ${column})`;

/** Episodes, completion (reason 1 / discharged) and attendance rate: three of the summary's headline figures. */
const summarySql = (scope: QuestionScope, dialect: SqlDialect) => `
  WITH ${selectedEpisodes(scope)}, ${countedAppointments(dialect)},
  episode_counts AS (
    SELECT count(*) AS episodes,
           count(*) FILTER (WHERE discharge_date IS NOT NULL) AS discharged,
           count(*) FILTER (WHERE discharge_reason = 1) AS completed
    FROM selected
  ),
  appointment_counts AS (SELECT ${attendedAndCounted} FROM counted)
  SELECT * FROM episode_counts CROSS JOIN appointment_counts`;

/** Attendance rate per month of admission (months with episodes but no counted appointment show 0 / 0). */
const trendAttendanceSql = (scope: QuestionScope, dialect: SqlDialect) => `
  WITH ${selectedEpisodes(scope)}, ${countedAppointments(dialect)},
  periods AS (SELECT DISTINCT ${month('admit_date')} AS period FROM selected),
  rates AS (SELECT ${month('admit_date')} AS period, ${attendedAndCounted} FROM counted GROUP BY 1)
  SELECT p.period, coalesce(r.attended, 0) AS attended, coalesce(r.counted, 0) AS counted
  FROM periods p LEFT JOIN rates r ON r.period = p.period`;

const completionByProgramSql = (scope: QuestionScope) => `
  WITH ${selectedEpisodes(scope)}
  SELECT program_id, count(*) FILTER (WHERE discharge_reason = 1) AS completed,
         count(*) FILTER (WHERE discharge_date IS NOT NULL) AS discharged, count(*) AS episodes
  FROM selected
  GROUP BY program_id`;

/** docs/METRICS.md slots, local: weekend (Saturday or Sunday) first, then morning < 12:00, afternoon < 17:00. */
const attendanceBySlotSql = (scope: QuestionScope, dialect: SqlDialect) => `
  WITH ${selectedEpisodes(scope)}, ${countedAppointments(dialect)}
  SELECT CASE WHEN extract(dow FROM local_start) IN (0, 6) THEN 'weekend'
              WHEN extract(hour FROM local_start) < 12 THEN 'morning'
              WHEN extract(hour FROM local_start) < 17 THEN 'afternoon'
              ELSE 'evening' END AS slot,
         ${attendedAndCounted}
  FROM counted
  GROUP BY 1`;

const flowSql = (scope: QuestionScope) => `
  WITH ${selectedEpisodes(scope)},
  events AS (
    SELECT ${month('admit_date')} AS period, 1 AS admitted, 0 AS discharged FROM selected
    UNION ALL
    SELECT ${month('discharge_date')}, 0, 1 FROM selected WHERE discharge_date IS NOT NULL
  )
  SELECT period, sum(admitted) AS admissions, sum(discharged) AS discharges FROM events GROUP BY period`;

/** Episodes per discharge reason; the active ones (no discharge) under reason 0. */
const dischargeReasonsSql = (scope: QuestionScope) => `
  WITH ${selectedEpisodes(scope)}
  SELECT CASE WHEN discharge_date IS NULL THEN 0 ELSE discharge_reason END AS reason, count(*) AS episodes
  FROM selected
  GROUP BY 1`;

const heatmapSql = (scope: QuestionScope, dialect: SqlDialect) => `
  WITH ${selectedEpisodes(scope)}, ${countedAppointments(dialect)}
  SELECT extract(isodow FROM local_start) AS iso_weekday,
         CASE WHEN extract(hour FROM local_start) < 12 THEN 'morning'
              WHEN extract(hour FROM local_start) < 17 THEN 'afternoon'
              ELSE 'evening' END AS day_part,
         ${attendedAndCounted}
  FROM counted
  GROUP BY 1, 2`;

/** The Kaplan-Meier curves' input: episodes per (level, length of stay, disengaged: discharge reason 2 or 3). */
const retentionByLevelSql = (scope: QuestionScope) => `
  WITH ${selectedEpisodes(scope)}
  SELECT level_of_care, last_day - admit_date + 1 AS time,
         CAST(coalesce(discharge_reason IN (2, 3), false) AS integer) AS event, count(*) AS episodes
  FROM selected
  GROUP BY 1, 2, 3`;

/** Per level of care: discharged and active episodes, the discharged ones' charges, days and completions. */
const costsByLevelSql = (scope: QuestionScope) => `
  WITH ${selectedEpisodes(scope)},
  episode_sums AS (
    SELECT level_of_care,
           count(*) FILTER (WHERE discharge_date IS NOT NULL) AS discharged,
           count(*) FILTER (WHERE discharge_date IS NULL) AS active,
           coalesce(sum(last_day - admit_date + 1) FILTER (WHERE discharge_date IS NOT NULL), 0) AS los_days,
           count(*) FILTER (WHERE discharge_date IS NOT NULL AND discharge_reason = 1) AS completed,
           count(*) FILTER (WHERE discharge_date IS NOT NULL AND last_day - admit_date + 1 >= 90) AS retained90
    FROM selected
    GROUP BY level_of_care
  ),
  charge_sums AS (
    SELECT s.level_of_care, sum(c.amount_cents) AS charges_cents
    FROM selected s JOIN charges c ON c.episode_id = s.id
    WHERE s.discharge_date IS NOT NULL
    GROUP BY s.level_of_care
  )
  SELECT e.level_of_care, e.discharged, e.active, coalesce(c.charges_cents, 0) AS charges_cents, e.los_days,
         e.completed, e.retained90
  FROM episode_sums e LEFT JOIN charge_sums c ON c.level_of_care = e.level_of_care`;

const v1 = '/api/v1';

/** The questions in the order of the dashboard's pages: overview, attendance, retention, costs, quality, evidence. */
export const QUESTIONS: readonly Question[] = [
  {
    name: 'metrics/summary',
    path: `${v1}/metrics/summary`,
    filtered: true,
    sql: summarySql,
    sqlCovers: 'episodes, completion and attendance rate only',
  },
  {
    name: 'metrics/trend attendance by month',
    path: `${v1}/metrics/trend?metric=attendanceRate&interval=month`,
    filtered: true,
    sql: trendAttendanceSql,
  },
  {
    name: 'metrics/trend completion by month',
    path: `${v1}/metrics/trend?metric=completionRate&interval=month`,
    filtered: true,
  },
  {
    name: 'metrics/breakdown completion by program',
    path: `${v1}/metrics/breakdown?metric=completionRate&by=program`,
    filtered: true,
    sql: completionByProgramSql,
  },
  {
    name: 'metrics/breakdown attendance by slot',
    path: `${v1}/metrics/breakdown?metric=attendanceRate&by=slot`,
    filtered: true,
    sql: attendanceBySlotSql,
  },
  { name: 'metrics/flow', path: `${v1}/metrics/flow`, filtered: true, sql: flowSql },
  {
    name: 'metrics/discharge-reasons',
    path: `${v1}/metrics/discharge-reasons`,
    filtered: true,
    sql: dischargeReasonsSql,
    sqlCovers: 'counts per reason (the API adds shares and intervals)',
  },
  { name: 'attendance/heatmap', path: `${v1}/attendance/heatmap`, filtered: true, sql: heatmapSql },
  { name: 'attendance/compliance', path: `${v1}/attendance/compliance`, filtered: true },
  { name: 'attendance/hours', path: `${v1}/attendance/hours`, filtered: true },
  { name: 'attendance/no-shows', path: `${v1}/attendance/no-shows`, filtered: true },
  {
    name: 'retention by level of care',
    path: `${v1}/retention?groupBy=levelOfCare`,
    filtered: true,
    sql: retentionByLevelSql,
    sqlCovers: "the curves' input counts only (the API fits the Kaplan-Meier curves)",
  },
  { name: 'retention by group tercile', path: `${v1}/retention?groupBy=groupTercile`, filtered: true },
  { name: 'retention by MAT', path: `${v1}/retention?groupBy=mat`, filtered: true },
  {
    name: 'costs/summary',
    path: `${v1}/costs/summary`,
    filtered: true,
    sql: costsByLevelSql,
    sqlCovers: 'charges, stays, completions and 90-day retention per level (not abstinence, rates or ICERs)',
  },
  { name: 'quality/measures', path: `${v1}/quality/measures`, filtered: true },
  { name: 'quality/measures/pod', path: `${v1}/quality/measures/pod`, filtered: true },
  { name: 'evidence board', path: `${v1}/evidence`, filtered: true },
  { name: 'filters/options', path: `${v1}/filters/options`, filtered: false },
  { name: 'data/status', path: `${v1}/data/status`, filtered: false },
];

/** The path with the filter's parameters, as the dashboard's toQueryParams writes them. */
export function pathWithFilter(question: Question, filter: QuestionScope): string {
  if (!question.filtered) return question.path;
  const params = new URLSearchParams();
  for (const id of filter.programIds ?? []) params.append('programId', String(id));
  if (filter.from) params.append('from', filter.from);
  const query = params.toString();
  if (!query) return question.path;
  return `${question.path}${question.path.includes('?') ? '&' : '?'}${query}`;
}
