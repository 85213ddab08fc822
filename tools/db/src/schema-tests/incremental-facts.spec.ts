import type { Client } from 'pg';
import { openRefreshedFixture, type RefreshedFixture } from './episode-facts-fixture';

const DERIVED = {
  episode_facts: 'episode_id',
  episode_appointment_counts: 'episode_id, slot, session_type, status',
  episode_weekday_attendance: 'episode_id, iso_weekday, day_part',
  episode_quality_dates: 'episode_id',
} as const;

// refresh_episode_facts(episodes) recomputes only the given episodes' rows; on the hand-built fixture, changed
// rows refreshed episode by episode must give exactly the tables of a full refresh.
describe('refresh_episode_facts(episodes)', () => {
  let fixture: RefreshedFixture | undefined;
  let client: Client;

  const contents = async (): Promise<Record<string, unknown[]>> => {
    const tables: Record<string, unknown[]> = {};
    for (const [table, key] of Object.entries(DERIVED)) {
      // Every write of a facts row gets a new revision, so a full refresh's revisions differ by design.
      tables[table] = (await client.query(`SELECT * FROM ${table} ORDER BY ${key}`)).rows.map(
        ({ revision: _revision, ...row }: Record<string, unknown>) => row,
      );
    }
    return tables;
  };
  const revisions = async () =>
    (
      await client.query<{ episode_id: number; revision: string }>(
        'SELECT episode_id, revision FROM episode_facts ORDER BY episode_id',
      )
    ).rows;
  const attendedOf = async (episodeId: number) =>
    (await client.query<{ attended: number }>('SELECT attended FROM episode_facts WHERE episode_id = $1', [episodeId]))
      .rows[0]?.attended;

  beforeAll(async () => {
    fixture = await openRefreshedFixture();
    client = fixture.client;
  });
  afterAll(() => fixture?.close());

  it('recomputes the given episodes and leaves the others as they were', async () => {
    const before = await contents();
    expect(before['episode_facts']).toHaveLength(4);
    const revisionsBefore = await revisions();
    expect(await attendedOf(4)).toBe(0);
    await client.query(
      `INSERT INTO appointments (org_id, episode_id, session_type, scheduled_start, duration_min, status, source_system, source_id)
       VALUES (1, 4, 'individual', '2025-03-11 10:00-05', 60, 'attended', 'fx', 'inc1'),
              (1, 2, 'group', '2025-03-12 18:00-05', 180, 'attended', 'fx', 'inc2')`,
    );
    await client.query('SELECT refresh_episode_facts(ARRAY[4])');
    // Episode 4 sees its new appointment; episode 2 was not asked for, so its row is still the old one.
    expect(await attendedOf(4)).toBe(1);
    const partly = await contents();
    expect(partly['episode_facts'].filter((row) => (row as { episode_id: number }).episode_id !== 4)).toEqual(
      before['episode_facts'].filter((row) => (row as { episode_id: number }).episode_id !== 4),
    );

    // The rows recomputed (episode 4 and its patient's other episodes, for readmission) have new revisions, the
    // others keep theirs: the API reads an episode's case again when its revision changed.
    const recomputed = (
      await client.query<{ id: number }>(
        'SELECT id FROM episodes WHERE patient_id = (SELECT patient_id FROM episodes WHERE id = 4)',
      )
    ).rows.map((row) => row.id);
    const revisionsAfter = await revisions();
    expect(recomputed).toContain(4);
    expect(
      revisionsAfter.map((row, index) => [row.episode_id, row.revision !== revisionsBefore[index].revision]),
    ).toEqual(revisionsBefore.map((row) => [row.episode_id, recomputed.includes(row.episode_id)]));

    await client.query('SELECT refresh_episode_facts(ARRAY[2])');
    const incremental = await contents();
    await client.query('SELECT refresh_episode_facts()');
    expect(await contents()).toEqual(incremental);
  });

  it("follows a patient's, a program's and the as-of date's changes for the episodes given", async () => {
    await client.query(`UPDATE patients SET birth_year = 1950 WHERE id = 1`);
    await client.query(`UPDATE programs SET timezone = 'America/New_York' WHERE id = 1`);
    await client.query(`UPDATE dataset_meta SET as_of = '2025-04-15' WHERE org_id = 1`);
    // Patient 1 has episodes 1 and 4; program 1 has 1, 2 and 3: together every episode.
    await client.query('SELECT refresh_episode_facts(ARRAY[1, 2, 3, 4])');
    const incremental = await contents();
    // Episode 4 (active, admitted 2025-03-10): born 1950, its last day the new as-of date, 37 days in.
    expect(incremental['episode_facts']).toContainEqual(
      expect.objectContaining({ episode_id: 4, age_at_admission: 75, as_of: '2025-04-15', length_of_stay_days: 37 }),
    );
    await client.query('SELECT refresh_episode_facts()');
    expect(await contents()).toEqual(incremental);
  });

  it("drops a deleted episode's rows with it, before any refresh", async () => {
    expect(await attendedOf(3)).toBe(1);
    await client.query('DELETE FROM episodes WHERE id = 3');
    // ON DELETE CASCADE: nothing derived from episode 3 is left, and a refresh naming it finds nothing to add.
    expect(await attendedOf(3)).toBeUndefined();
    await client.query('SELECT refresh_episode_facts(ARRAY[3])');
    const incremental = await contents();
    expect(incremental['episode_facts'].map((row) => (row as { episode_id: number }).episode_id)).toEqual([1, 2, 4]);
    expect(incremental['episode_appointment_counts']).not.toContainEqual(expect.objectContaining({ episode_id: 3 }));
    await client.query('SELECT refresh_episode_facts()');
    expect(await contents()).toEqual(incremental);
  });

  it("recomputes the readmission of a patient's earlier episodes when only a new admission is refreshed", async () => {
    const readmission = async (episodeId: number) =>
      (
        await client.query<{ days: number | null }>(
          'SELECT days_to_readmission AS days FROM episode_facts WHERE episode_id = $1',
          [episodeId],
        )
      ).rows[0]?.days;
    // Episode 1 (patient 1, discharged 2025-02-20) is readmitted by episode 4 on 2025-03-10.
    expect(await readmission(1)).toBe(18);
    await client.query(
      `INSERT INTO episodes (id, org_id, program_id, patient_id, level_of_care, referral_source, admit_date,
          discharge_date, discharge_reason, primary_substance, oud, severity, payer, source_system, source_id)
       VALUES (6, 1, 2, 1, '1', 'self', '2025-02-25', '2025-03-05', 1, 'alcohol', false, 1, 'medicaid', 'fx', 'e6')`,
    );
    await client.query('SELECT refresh_episode_facts(ARRAY[6])');
    // Only the new episode was named; its patient's episode 1 now has an earlier readmission, 5 days after.
    expect(await readmission(1)).toBe(5);
    expect(await readmission(6)).toBe(5);
    const incremental = await contents();
    await client.query('SELECT refresh_episode_facts()');
    expect(await contents()).toEqual(incremental);
  });
});
