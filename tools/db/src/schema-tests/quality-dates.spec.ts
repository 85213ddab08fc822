import type { Client } from 'pg';
import { openRefreshedFixture, type RefreshedFixture } from './episode-facts-fixture';

type QualityDates = { episode_id: number; attended_dates: string[]; fills: unknown };

// episode_quality_dates on the hand-built fixture: per episode, the first three attended local dates on or after
// the referral and the first on or after the prior discharge (distinct, ascending, none after the last day), and
// the dispenses by date.
describe('episode_quality_dates', () => {
  let fixture: RefreshedFixture | undefined;
  let client: Client;

  const qualityDates = async (): Promise<QualityDates[]> =>
    (
      await client.query<QualityDates>(
        `SELECT episode_id, ARRAY(SELECT to_char(d, 'YYYY-MM-DD') FROM unnest(attended_dates) d) AS attended_dates,
           fills
         FROM episode_quality_dates ORDER BY episode_id`,
      )
    ).rows;

  beforeAll(async () => {
    fixture = await openRefreshedFixture();
    client = fixture.client;
  });
  afterAll(() => fixture?.close());

  it('holds the decisive attended dates and the fills of every episode', async () => {
    expect(await qualityDates()).toEqual([
      // Referred Jan 2; attended Jan 6, 7, 11, Feb 10 and 20: the first three.
      { episode_id: 1, attended_dates: ['2025-01-06', '2025-01-07', '2025-01-11'], fills: null },
      // Two attended on Mar 3 count as one date; Mar 31 is the last day (the as-of date), so it counts.
      {
        episode_id: 2,
        attended_dates: ['2025-03-03', '2025-03-10', '2025-03-31'],
        fills: [
          { on: '2025-03-03', days: 7, medication: 'buprenorphine' },
          { on: '2025-03-10', days: 7, medication: 'buprenorphine' },
        ],
      },
      { episode_id: 3, attended_dates: ['2025-02-03'], fills: null },
      // No appointments at all.
      { episode_id: 4, attended_dates: [], fills: null },
    ]);
  });

  it('adds the first attended date after a prior discharge, and nothing after the last day', async () => {
    // Episode 4 (referred Mar 7, admitted Mar 10): an intake on Mar 7, a prior discharge on Mar 8.
    await client.query(`UPDATE episodes SET prior_discharge_date = '2025-03-08' WHERE id = 4`);
    await client.query(
      `INSERT INTO appointments (org_id, episode_id, session_type, scheduled_start, duration_min, status, source_system, source_id)
       VALUES (1, 4, 'individual', '2025-03-07 10:00-06', 60, 'attended', 'fx', 'q1'),
              (1, 4, 'group', '2025-03-10 09:00-05', 180, 'attended', 'fx', 'q2'),
              (1, 4, 'group', '2025-03-11 09:00-05', 180, 'no_show', 'fx', 'q3'),
              (1, 4, 'group', '2025-03-12 09:00-05', 180, 'attended', 'fx', 'q4'),
              (1, 4, 'group', '2025-03-14 09:00-05', 180, 'attended', 'fx', 'q5'),
              (1, 3, 'individual', '2025-02-14 10:00-06', 60, 'attended', 'fx', 'q6')`,
    );
    await client.query('SELECT refresh_episode_facts(ARRAY[3, 4])');
    const rows = await qualityDates();
    // The referral's three: Mar 7, 10 and 12 (the no-show skipped); the prior discharge's first: Mar 10 again.
    expect(rows.find((row) => row.episode_id === 4)?.attended_dates).toEqual([
      '2025-03-07',
      '2025-03-10',
      '2025-03-12',
    ]);
    // Episode 3 was discharged Feb 12: an attended Feb 14 is after its last day.
    expect(rows.find((row) => row.episode_id === 3)?.attended_dates).toEqual(['2025-02-03']);

    // Episode 4 admitted on Mar 13 after a discharge that day: the first attended date from Mar 13 joins the
    // referral's three.
    await client.query(
      `UPDATE episodes SET referral_date = '2025-03-01', admit_date = '2025-03-13', prior_discharge_date = '2025-03-13'
       WHERE id = 4`,
    );
    await client.query('SELECT refresh_episode_facts(ARRAY[4])');
    expect((await qualityDates()).find((row) => row.episode_id === 4)?.attended_dates).toEqual([
      '2025-03-07',
      '2025-03-10',
      '2025-03-12',
      '2025-03-14',
    ]);
  });
});
