import { MigrationInterface, QueryRunner } from 'typeorm';
import { GROUPED_REFRESH_FUNCTION } from './1765400000000-grouped-appointments';

/**
 * The local date of the episode's first attended appointment on or after the local day `day` (a date expression)
 * and no later than its last day, found by the (episode_id, scheduled_start) index from that day's local midnight:
 * a few index entries per episode instead of every appointment.
 */
const firstAttendedFrom = (day: string): string => `
    SELECT (a.scheduled_start AT TIME ZONE p.timezone)::date AS day
    FROM appointments a
    WHERE a.episode_id = f.episode_id AND a.status = 'attended'
      AND a.scheduled_start >= ((${day})::timestamp AT TIME ZONE p.timezone)
    ORDER BY a.scheduled_start
    LIMIT 1`;

/**
 * The quality-measure inputs of the episodes whose facts are selected by `where` (over `episode_facts f`): the
 * attended local dates the measures decide on (the first three on or after the referral date, the first on or
 * after the prior discharge; distinct, ascending) and every dispense, by date, as a json array (null for none).
 * Every measure asks only for the first attended date on or after one of those two days, or the two after the
 * first, so these dates decide as all the attended dates would (a test compares the two on the demo network).
 */
const QUALITY_DATES_WHERE = (where: string) => `
  INSERT INTO episode_quality_dates (episode_id, attended_dates, fills)
  SELECT f.episode_id,
    ARRAY(
      SELECT DISTINCT day FROM unnest(ARRAY[d1.day, d2.day, d3.day, p1.day]) AS day
      WHERE day IS NOT NULL ORDER BY day
    ),
    (
      SELECT jsonb_agg(jsonb_build_object('on', to_char(d.dispensed_on, 'YYYY-MM-DD'), 'days', d.days_supply,
        'medication', d.medication) ORDER BY d.dispensed_on, d.id)
      FROM medication_dispenses d
      WHERE d.episode_id = f.episode_id
    )
  FROM episode_facts f
  JOIN programs p ON p.id = f.program_id
  LEFT JOIN LATERAL (${firstAttendedFrom('f.referral_date')}) d1 ON d1.day <= f.last_day
  LEFT JOIN LATERAL (${firstAttendedFrom('d1.day + 1')}) d2 ON d2.day <= f.last_day
  LEFT JOIN LATERAL (${firstAttendedFrom('d2.day + 1')}) d3 ON d3.day <= f.last_day
  LEFT JOIN LATERAL (${firstAttendedFrom('f.prior_discharge_date')}) p1 ON p1.day <= f.last_day
  WHERE ${where};`;

const DELETE_WEEKDAYS = /^( *)(DELETE FROM episode_weekday_attendance[^;]*;)$/gm;
const FUNCTION_END = /\n {2}END\n {2}\$\$;\n$/;

/** 1765400000000's refresh, which now also deletes and rewrites the episodes' quality dates, after their facts. */
const QUALITY_DATES_REFRESH_FUNCTION = (() => {
  if (
    (GROUPED_REFRESH_FUNCTION.match(DELETE_WEEKDAYS) ?? []).length !== 2 ||
    !FUNCTION_END.test(GROUPED_REFRESH_FUNCTION)
  ) {
    throw new Error('the refresh of 1765400000000 no longer has the two deletes and the end this migration extends');
  }
  return GROUPED_REFRESH_FUNCTION.replace(
    DELETE_WEEKDAYS,
    (_line, indent: string, statement: string) =>
      `${indent}${statement}\n${indent}${statement.replace('episode_weekday_attendance', 'episode_quality_dates')}`,
  ).replace(
    FUNCTION_END,
    // A function, not a replacement string, which would read the body's "$$" as one "$".
    () => `\n${QUALITY_DATES_WHERE('only_episodes IS NULL OR f.episode_id = ANY(only_episodes)')}\n  END\n  $$;\n`,
  );
})();

/**
 * The quality measures found each episode's decisive attended dates by four index probes per episode on every
 * request (480,000 probes and a correlated read of the dispenses for the large network's whole selection: about
 * 4 s). The dates and the fills are kept per episode in `episode_quality_dates`, a derived table written by
 * `refresh_episode_facts` like the other three, so a request reads them by a join. Its rows depend on the
 * episode's appointments, program (time zone), dispenses and facts (referral date, prior discharge, last day),
 * all of which already make an import refresh the episode.
 */
export class QualityDates1765800000000 implements MigrationInterface {
  name = 'QualityDates1765800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE episode_quality_dates (
        episode_id integer PRIMARY KEY REFERENCES episodes (id) ON DELETE CASCADE,
        attended_dates date[] NOT NULL,
        fills jsonb
      );
      ${QUALITY_DATES_WHERE('true')}
      ${QUALITY_DATES_REFRESH_FUNCTION}
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ${GROUPED_REFRESH_FUNCTION}
      DROP TABLE episode_quality_dates;
    `);
  }
}
