import { Client, types } from 'pg';
import { createTestDatabase, type TestDatabase } from '@iop/db-server/testing';
import { collectFacts } from '../../analysis/collect-facts';
import { compliance, type EpisodeFacts } from '../../analysis/episode-facts';
import { DEFAULT_SEED } from '../generate';
import { seedDatabase } from './seed-database';

const BIGINT_OID = 20;

/**
 * The database's episode_facts view (libs/schema migration 1764300000000) and the generator's own
 * TypeScript computation of the same facts (analysis/episode-facts.ts) must agree on every episode of the
 * seeded demo network: two independent implementations of METRICS.md's definitions.
 */
describe('episode_facts view agrees with the generator computation (demo preset)', () => {
  let database: TestDatabase;
  let rows: Map<number, Record<string, unknown>>;
  let expected: EpisodeFacts[];

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDatabase(database.url, { preset: 'demo' });
    const client = new Client({
      connectionString: database.url,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === BIGINT_OID
            ? (value: string) => Number(value)
            : (types.getTypeParser(oid, format) as (value: string) => unknown)) as typeof types.getTypeParser,
      },
    });
    await client.connect();
    try {
      const result = await client.query<Record<string, unknown>>(
        `SELECT *, admit_date::text AS admit_date FROM episode_facts`,
      );
      rows = new Map(result.rows.map((row) => [row['episode_id'] as number, row]));
    } finally {
      await client.end();
    }
    expected = collectFacts({ preset: 'demo', seed: DEFAULT_SEED }).facts;
  });
  afterAll(() => database?.drop());

  it('holds one row per generated episode, refreshed by the seed', () => {
    expect(rows.size).toBe(1500);
    expect([...rows.keys()].sort((a, b) => a - b)).toEqual(expected.map((fact) => fact.id).sort((a, b) => a - b));
  });

  it('has the same facts for every episode', () => {
    const mismatches: unknown[] = [];
    for (const fact of expected) {
      const row = rows.get(fact.id) as Record<string, unknown>;
      const score = compliance(fact);
      const pairs: Array<[string, unknown, unknown]> = [
        ['program_id', row['program_id'], fact.programId],
        ['patient_id', row['patient_id'], fact.patientId],
        ['level_of_care', row['level_of_care'], fact.levelOfCare],
        ['admit_date', row['admit_date'], fact.admitDate],
        ['discharge_reason', row['discharge_reason'], fact.reason],
        ['active', row['active'], fact.active],
        ['length_of_stay_days', row['length_of_stay_days'], fact.los],
        ['age_at_admission', row['age_at_admission'], fact.age],
        ['sex', row['sex'], fact.sex],
        ['employment', row['employment'], fact.employment],
        ['primary_substance', row['primary_substance'], fact.substance],
        ['oud', row['oud'], fact.oud],
        ['severity', row['severity'], fact.severity],
        ['prior_episodes', row['prior_episodes'], fact.priorEpisodes],
        ['payer', row['payer'], fact.payer],
        ['referral_source', row['referral_source'], fact.referralSource],
        ['appointments', row['appointments'], fact.appointments],
        ['telehealth', row['telehealth'], fact.telehealth],
        ['attended', row['attended'], fact.attended],
        ['no_show', row['no_show'], fact.noShow],
        ['cancelled_patient', row['cancelled_patient'], fact.cancelledByPatient],
        ['cancelled_program', row['cancelled_program'], fact.cancelledByProgram],
        ['scheduled_minutes', row['scheduled_minutes'], fact.scheduledMinutes],
        ['evening_weekend_scheduled', row['evening_weekend_scheduled'], fact.eveningWeekendScheduled],
        ['window_days', row['window_days'], fact.windowDays],
        ['scheduled_minutes_28', row['scheduled_minutes_28'], fact.scheduledMinutes28],
        ['individual_sessions_28', row['individual_sessions_28'], fact.individualSessions28],
        ['groups_attended_28', row['groups_attended_28'], fact.groupsAttended28],
        ['family_attended_28', row['family_attended_28'], fact.familyAttended28],
        ['screens_expected', row['screens_expected'], fact.screensExpected],
        ['screens_collected', row['screens_collected'], fact.screensExpected - fact.screensMissing],
        ['screens_negative', row['screens_negative'], fact.screensNegative],
        ['screens_expected_28', row['screens_expected_28'], fact.screensExpected28],
        ['screens_negative_28', row['screens_negative_28'], fact.screensNegative28],
        ['screens_expected_final_28', row['screens_expected_final_28'], fact.screensExpectedFinal],
        ['screens_negative_final_28', row['screens_negative_final_28'], fact.screensNegativeFinal],
        ['goals_due', row['goals_due'], fact.goalsDue],
        ['goals_met', row['goals_met'], fact.goalsMet],
        ['alliance', row['alliance'], fact.alliance],
        ['readiness_first', row['readiness_first'], fact.readinessFirst],
        ['readiness_last', row['readiness_last'], fact.readinessLast],
        ['readiness_count', row['readiness_count'], fact.readinessCount],
        ['mat', row['mat'], fact.mat],
        ['mutual_help_reports', row['mutual_help_reports'], fact.meetingsReported],
        ['mutual_help_meetings', row['mutual_help_meetings'], fact.meetingsTotal],
        ['charges_cents', row['charges_cents'], fact.chargesCents],
        ['session_adherence', round(row['session_adherence']), round(score.attendance)],
        ['screen_adherence', round(row['screen_adherence']), round(score.screens)],
        ['goal_attainment', round(row['goal_attainment']), round(score.goals)],
        ['compliance_score', round(row['compliance_score']), round(score.score)],
      ];
      for (const [column, actual, wanted] of pairs) {
        if (actual !== wanted) mismatches.push({ episode: fact.id, column, view: actual, generator: wanted });
      }
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
  });
});

/** Fractions compared to 9 decimals (the view divides in numeric, the generator in binary floating point). */
function round(value: unknown): number | null {
  return typeof value === 'number' ? Math.round(value * 1e9) / 1e9 : null;
}
