import type { Client } from 'pg';
import { openRefreshedFixture, type RefreshedFixture } from './episode-facts-fixture';

// episode_appointment_counts (appointments per episode, slot, session type and status) and the refresh function,
// on the hand-built fixture of episode-facts-fixture.ts.
describe('episode_appointment_counts and refresh_episode_facts()', () => {
  let fixture: RefreshedFixture | undefined;
  let client: Client;

  beforeAll(async () => {
    fixture = await openRefreshedFixture();
    client = fixture.client;
  });
  afterAll(() => fixture?.close());

  it("counts each episode's appointments by slot, session type and status in episode_appointment_counts", async () => {
    const rows = (
      await client.query<{
        episode_id: number;
        slot: string;
        session_type: string;
        status: string;
        appointments: number;
        minutes: number;
      }>(
        `SELECT episode_id, slot, session_type, status, appointments, minutes FROM episode_appointment_counts
         ORDER BY episode_id, slot, session_type, status`,
      )
    ).rows;
    // Slots in Chicago time: weekend (Saturday or Sunday) first, morning before 12:00, afternoon 12:00-16:59,
    // evening from 17:00. Appointments after the last day (b6, c3) are left out; episode 4 has none.
    // [episode, slot, session type, status, appointments, minutes]
    expect(rows.map((r) => [r.episode_id, r.slot, r.session_type, r.status, r.appointments, r.minutes])).toEqual([
      [1, 'evening', 'group', 'cancelled_program', 1, 180], // a4 Thu 18:00
      [1, 'evening', 'individual', 'attended', 2, 120], // a2 Tue 17:30, a8 Thu 19:00 (Feb 21 01:00 UTC)
      [1, 'morning', 'group', 'attended', 2, 360], // a1 Mon 09:00, a7 Mon 09:00
      [1, 'morning', 'group', 'no_show', 1, 180], // a3 Wed 09:00
      [1, 'morning', 'individual', 'cancelled_patient', 1, 60], // a6 Tue 10:00
      [1, 'weekend', 'family', 'attended', 1, 60], // a5 Sat 10:00
      [2, 'afternoon', 'individual', 'attended', 1, 60], // b3 Mon 16:30 local (21:30 UTC)
      [2, 'afternoon', 'mat', 'attended', 1, 30], // b2 Mon 13:00
      [2, 'evening', 'group', 'attended', 1, 180], // b5 Mon 18:00
      [2, 'evening', 'individual', 'scheduled', 1, 60], // b8 Mon 19:30 on the as-of day
      [2, 'morning', 'family', 'cancelled_program', 1, 60], // b7 Fri 10:00
      [2, 'morning', 'group', 'attended', 1, 180], // b1 Mon 09:00
      [2, 'weekend', 'group', 'no_show', 1, 180], // b4 Sat 10:00
      [3, 'morning', 'group', 'attended', 1, 180], // c1 Mon 09:00
      [3, 'morning', 'group', 'no_show', 1, 180], // c2 Wed 09:00
    ]);
    // The same appointments as episode_facts: per episode, the counts add up to its appointments.
    const totals = (
      await client.query<{ episode_id: number; appointments: number; counted: number }>(
        `SELECT f.episode_id, f.appointments, COALESCE(sum(c.appointments), 0)::integer AS counted
         FROM episode_facts f LEFT JOIN episode_appointment_counts c ON c.episode_id = f.episode_id
         GROUP BY f.episode_id, f.appointments ORDER BY f.episode_id`,
      )
    ).rows;
    expect(totals.map((row) => row.counted)).toEqual(totals.map((row) => row.appointments));
  });

  it('follows new rows through refresh_episode_facts()', async () => {
    await client.query(
      `INSERT INTO appointments (org_id, episode_id, session_type, scheduled_start, duration_min, status, source_system, source_id)
       VALUES (1, 4, 'individual', '2025-03-11 10:00-05', 60, 'attended', 'fx', 'd1')`,
    );
    await client.query('SELECT refresh_episode_facts()');
    const row = (
      await client.query<Record<string, unknown>>(
        'SELECT attended, session_adherence FROM episode_facts WHERE episode_id = 4',
      )
    ).rows[0];
    expect(row).toEqual({ attended: 1, session_adherence: 1 });
    // The function refreshes the appointment counts too: d1 is Tuesday 10:00 in Chicago.
    const counts = (
      await client.query(
        `SELECT slot, session_type, status, appointments, minutes FROM episode_appointment_counts WHERE episode_id = 4`,
      )
    ).rows;
    expect(counts).toEqual([
      { slot: 'morning', session_type: 'individual', status: 'attended', appointments: 1, minutes: 60 },
    ]);
    // And the heatmap's weekday counts (ISO weekday 2 = Tuesday).
    const weekday = (
      await client.query(
        `SELECT iso_weekday, day_part, attended, counted FROM episode_weekday_attendance WHERE episode_id = 4`,
      )
    ).rows;
    expect(weekday).toEqual([{ iso_weekday: 2, day_part: 'morning', attended: 1, counted: 1 }]);
  });
});
