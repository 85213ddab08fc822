import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { parseLargeRows } from '../database/parse-large-rows';
import { parseRows } from '../database/parse-rows';
import { pg } from '../database/pg-columns';
import { HistoryTable } from './history-table';

/** Days after the scoring day within which a disengagement counts (docs/METRICS.md "Early warning"). */
export const HORIZON_DAYS = 14;
/** The validation period: scoring days in the last 26 weeks whose outcome is known (docs/METRICS.md). */
export const VALIDATION_DAYS = 182;

/** What is known of one episode on one scoring day: nothing in it is dated after that day. */
export interface EpisodeDayFeatures {
  episodeId: number;
  day: string;
  /** (day - admit date) / 7 + 1, whole weeks. */
  weekOfTreatment: number;
  /** Appointments attended, no-show or cancelled by the patient in days day-13 .. day, and of those attended. */
  counted14: number;
  attended14: number;
  /** The same over day-27 .. day. */
  counted28: number;
  attended28: number;
  /** No-shows since the last appointment the patient attended or cancelled (up to the day). */
  consecutiveNoShows: number;
  /** day - the last attended appointment's local date (the admit date when none yet). */
  daysSinceLastAttended: number;
  /** Expected screens of day-27 .. day that were missing or positive for more than the medications dispensed so far. */
  flaggedScreens28: number;
  /** A medication dispensed on or before the day. */
  mat: boolean;
  ageBand: string;
  sex: string;
  substance: string;
  severity: number;
  priorEpisodes: number;
  payer: string;
}

/** A weekly training row: its features, whether it disengaged within the horizon, and which period it is in. */
export interface HistoryRow extends EpisodeDayFeatures {
  disengaged: boolean;
  /** 'before': the outcome is known by the validation cut-off; 'after': scored for validation; 'gap': neither. */
  period: 'before' | 'after' | 'gap';
}

const featureColumns = {
  episodeId: pg.int,
  day: pg.isoDate,
  weekOfTreatment: pg.int,
  counted14: pg.int,
  attended14: pg.int,
  counted28: pg.int,
  attended28: pg.int,
  consecutiveNoShows: pg.int,
  daysSinceLastAttended: pg.int,
  flaggedScreens28: pg.int,
  mat: pg.bool,
  ageBand: pg.text,
  sex: pg.text,
  substance: pg.text,
  severity: pg.int,
  priorEpisodes: pg.int,
  payer: pg.text,
};
const featureRow = z.object(featureColumns);
const historyRow = z.object({ ...featureColumns, disengaged: pg.bool, period: z.enum(['before', 'after', 'gap']) });

/**
 * The features of (episode, day) pairs, read from the base tables, never from episode_facts (whose rows summarise
 * whole episodes, later days included). `pairs` is a SELECT of (episode_id, day); appointments are read up to each
 * episode's latest day and placed on a time line with its days, screens and dispenses are joined on a local date
 * (program time zone) on or before their pair's day, so no row dated after the day enters a figure. An
 * appointment's status is taken as recorded: the data has no time of the status change. Statuses that are no
 * outcome for the patient (cancelled by the program, still scheduled) are left out, as in the attendance rate.
 */
const featuresOf = (pairs: string, withOutcome: boolean): string => `
  WITH pair AS (${pairs}),
  episode AS (
    SELECT pair.episode_id, pair.day, e.admit_date, p.timezone, e.primary_substance, e.severity, e.prior_episodes,
      e.payer, pt.sex, extract(year FROM e.admit_date)::integer - pt.birth_year AS age
    FROM pair
    JOIN episodes e ON e.id = pair.episode_id
    JOIN programs p ON p.id = e.program_id
    JOIN patients pt ON pt.id = e.patient_id
    WHERE e.admit_date <= pair.day
  ),
  latest AS (
    SELECT episode_id, max(day) AS day, min(timezone) AS timezone FROM episode GROUP BY episode_id
  ),
  -- Appointments and scoring days on one time line per episode (an appointment before the day it falls on), so
  -- that each day's figures are running values read in one ordered pass rather than a join of every day with every
  -- earlier appointment, which grows with the square of the stay.
  timeline AS (
    SELECT a.episode_id, local.day, 0 AS kind, a.status, a.scheduled_start AS at, a.id
    FROM appointments a
    JOIN latest ON latest.episode_id = a.episode_id
    CROSS JOIN LATERAL (SELECT (a.scheduled_start AT TIME ZONE latest.timezone)::date AS day) local
    WHERE local.day <= latest.day AND a.status IN ('attended', 'no_show', 'cancelled_patient')
    UNION ALL
    SELECT episode_id, day, 1, NULL, NULL, NULL FROM episode
  ),
  running AS (
    SELECT t.*,
      count(*) FILTER (WHERE kind = 0 AND status = 'no_show') OVER so_far AS no_shows_so_far,
      max(day) FILTER (WHERE kind = 0 AND status = 'attended') OVER so_far AS last_attended,
      count(*) FILTER (WHERE kind = 0) OVER last14 AS counted14,
      count(*) FILTER (WHERE kind = 0 AND status = 'attended') OVER last14 AS attended14,
      count(*) FILTER (WHERE kind = 0) OVER last28 AS counted28,
      count(*) FILTER (WHERE kind = 0 AND status = 'attended') OVER last28 AS attended28
    FROM timeline t
    WINDOW so_far AS (PARTITION BY episode_id ORDER BY day, kind, at, id ROWS UNBOUNDED PRECEDING),
      last14 AS (PARTITION BY episode_id ORDER BY day RANGE BETWEEN INTERVAL '13 days' PRECEDING AND CURRENT ROW),
      last28 AS (PARTITION BY episode_id ORDER BY day RANGE BETWEEN INTERVAL '27 days' PRECEDING AND CURRENT ROW)
  ),
  -- The streak: no-shows so far less those before the last appointment attended or cancelled by the patient.
  appointment_features AS (
    SELECT episode_id, day, kind, counted14::integer, attended14::integer, counted28::integer, attended28::integer,
      last_attended,
      (no_shows_so_far - COALESCE(max(no_shows_so_far) FILTER (WHERE kind = 0 AND status <> 'no_show')
        OVER (PARTITION BY episode_id ORDER BY day, kind, at, id ROWS UNBOUNDED PRECEDING), 0))::integer
        AS consecutive_no_shows
    FROM running
  ),
  medication AS (
    SELECT ep.episode_id, ep.day, array_agg(DISTINCT m.medication) AS medications
    FROM episode ep
    JOIN medication_dispenses m ON m.episode_id = ep.episode_id AND m.dispensed_on <= ep.day
    GROUP BY ep.episode_id, ep.day
  ),
  screen_features AS (
    SELECT ep.episode_id, ep.day, count(*)::integer AS flagged28
    FROM episode ep
    JOIN drug_screens s ON s.episode_id = ep.episode_id AND s.expected
    CROSS JOIN LATERAL (SELECT (s.collected_at AT TIME ZONE ep.timezone)::date AS day) local
    LEFT JOIN medication med ON med.episode_id = ep.episode_id AND med.day = ep.day
    WHERE local.day BETWEEN ep.day - 27 AND ep.day
      AND (s.result = 'missing'
        OR (s.result = 'positive' AND NOT s.positive_for <@ COALESCE(med.medications, '{}'::text[])))
    GROUP BY ep.episode_id, ep.day
  )
  SELECT ep.episode_id AS "episodeId", to_char(ep.day, 'YYYY-MM-DD') AS day,
    (ep.day - ep.admit_date) / 7 + 1 AS "weekOfTreatment",
    COALESCE(af.counted14, 0) AS counted14, COALESCE(af.attended14, 0) AS attended14,
    COALESCE(af.counted28, 0) AS counted28, COALESCE(af.attended28, 0) AS attended28,
    COALESCE(af.consecutive_no_shows, 0) AS "consecutiveNoShows",
    ep.day - COALESCE(af.last_attended, ep.admit_date) AS "daysSinceLastAttended",
    COALESCE(sf.flagged28, 0) AS "flaggedScreens28",
    med.medications IS NOT NULL AS mat,
    CASE
      WHEN ep.age < 18 THEN '13-17' WHEN ep.age < 26 THEN '18-25' WHEN ep.age < 35 THEN '26-34'
      WHEN ep.age < 45 THEN '35-44' WHEN ep.age < 55 THEN '45-54' WHEN ep.age < 65 THEN '55-64' ELSE '65+'
    END AS "ageBand",
    ep.sex, ep.primary_substance AS substance, ep.severity, ep.prior_episodes AS "priorEpisodes", ep.payer
    ${withOutcome ? ', pair.disengaged, pair.period' : ''}
  FROM episode ep
  ${withOutcome ? 'JOIN pair ON pair.episode_id = ep.episode_id AND pair.day = ep.day' : ''}
  LEFT JOIN appointment_features af ON af.episode_id = ep.episode_id AND af.day = ep.day AND af.kind = 1
  LEFT JOIN medication med ON med.episode_id = ep.episode_id AND med.day = ep.day
  LEFT JOIN screen_features sf ON sf.episode_id = ep.episode_id AND sf.day = ep.day
  ORDER BY ep.episode_id, ep.day`;

/**
 * Weekly scoring days of every episode while it was in treatment (admit date + 0, 7, 14... days, before its
 * discharge), whose outcome is known: day + 14 on or before the as-of date. The label reads the discharge, which
 * is dated after the day: that is the outcome, never a feature.
 */
const WEEKLY_HISTORY = `
  SELECT e.id AS episode_id, d.day,
    COALESCE(e.discharge_reason IN (2, 3) AND e.discharge_date <= d.day + ${HORIZON_DAYS}, false) AS disengaged,
    CASE WHEN d.day + ${HORIZON_DAYS} <= m.as_of - ${VALIDATION_DAYS} THEN 'before'
         WHEN d.day >= m.as_of - ${VALIDATION_DAYS} THEN 'after' ELSE 'gap' END AS period
  FROM episodes e
  JOIN dataset_meta m ON m.org_id = e.org_id
  CROSS JOIN LATERAL generate_series(0, GREATEST(m.as_of - e.admit_date, 0) / 7) AS k(week)
  CROSS JOIN LATERAL (SELECT e.admit_date + 7 * k.week AS day) d
  WHERE e.id = ANY($1::int[])
    AND d.day + ${HORIZON_DAYS} <= m.as_of AND (e.discharge_date IS NULL OR d.day < e.discharge_date)`;

/**
 * Episodes per statement of the history: each statement stays far inside the server's statement timeout and its
 * working memory small. Smaller batches cost more than they save: at the large preset (quiet machine) 20,000
 * episodes took 22.5 s in batches of 1,000, 8.8 s in batches of 5,000 and 6.9 s in one statement (docs/PERFORMANCE.md).
 */
const HISTORY_BATCH = 5000;
const idRow = z.object({ id: pg.int });

/** Early-warning features per (episode, day), as of the day (docs/METRICS.md "Early warning"). */
@Injectable()
export class EarlyWarningFeaturesQuery {
  constructor(private readonly dataSource: DataSource) {}

  /** The features of `episodeIds` as of `day` (episodes admitted after the day are left out). */
  async asOf(day: string, episodeIds: readonly number[]): Promise<EpisodeDayFeatures[]> {
    if (episodeIds.length === 0) return [];
    const pairs = `SELECT id AS episode_id, $2::date AS day FROM unnest($1::int[]) AS ids(id)`;
    const result = await this.dataSource.query<unknown>(featuresOf(pairs, false), [episodeIds, day]);
    return parseLargeRows('EarlyWarningFeaturesQuery.asOf', featureRow, result);
  }

  /**
   * Every weekly scoring day of the network's history with its outcome: the model's training rows. An aborted
   * `signal` (the app stopping) ends the reading between two statements.
   */
  async history(signal?: AbortSignal): Promise<HistoryTable> {
    const ids = parseRows(
      'EarlyWarningFeaturesQuery.episodes',
      idRow,
      await this.dataSource.query<unknown>('SELECT id FROM episodes ORDER BY id'),
    ).map((row) => row.id);
    // Each statement's row objects are dropped once copied into the table's columns.
    const table = HistoryTable.builder();
    for (let start = 0; start < ids.length; start += HISTORY_BATCH) {
      signal?.throwIfAborted();
      const batch = ids.slice(start, start + HISTORY_BATCH);
      const result = await this.dataSource.query<unknown>(featuresOf(WEEKLY_HISTORY, true), [batch]);
      for (const row of parseLargeRows('EarlyWarningFeaturesQuery.history', historyRow, result)) table.add(row);
    }
    return table.build();
  }
}
