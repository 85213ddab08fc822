import type {
  AlertEvaluationResponse,
  AlertNotification,
  AlertRule,
  AlertRulesResponse,
  NotificationsResponse,
  SummaryResponse,
  UserRole,
} from '@iop/contracts';
import { Client } from 'pg';
import { SUMMARY_FIXTURE_SQL } from '../episodes/testing/summary-fixture';
import { createTestUser, startFixtureApp, type TestApp } from '../testing/test-app';

type Role = Extract<UserRole, 'admin' | 'director' | 'payer'>;

const RULE: Record<string, unknown> = {
  metric: 'completionRate',
  scope: 'network',
  programId: null,
  payer: null,
  kind: 'threshold',
  comparison: 'below',
  threshold: 0.6,
  enabled: true,
};

/**
 * Alert rules on the summary fixture (summary-fixture.ts, as of 2025-06-30): 4 episodes in two programs; the
 * director holds program 1, the payer is commercial (episodes 2 and 4: a small cell, withheld from them). The
 * figures the rules see, worked out by hand from the fixture:
 * - network completion rate 1 of 2 discharged (episode 1 completed, episode 4 dropped out) = 0.5;
 * - program 1's completion rate 1 of 1 = 1; program 1 has 2 episodes;
 * - network no-show rate: no-shows 1 + 1 + 2 = 4 over attended, no-show or cancelled by the patient
 *   4 + 2 + 2 + 2 = 10 appointments = 0.4; program 2's: (1 + 2) / (2 + 2) = 0.75.
 */
describe('alert rules and notifications', () => {
  let api: TestApp;
  const tokens = {} as Record<Role, string>;

  const as = (role: Role, method: string, path: string, body?: unknown) =>
    api.request(method, path, { headers: { authorization: `Bearer ${tokens[role]}` }, body });
  const createRule = async (role: Role, rule: Record<string, unknown>) => {
    const response = await as(role, 'POST', '/api/v1/alerts/rules', { ...RULE, ...rule });
    if (response.status !== 201) throw new Error(`rule refused: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as AlertRule;
  };
  const evaluate = async () => {
    const { status, body } = await as('admin', 'POST', '/api/v1/alerts/evaluate');
    expect(status).toBe(200);
    return body as AlertEvaluationResponse;
  };
  const notificationsOf = async (role: Role) =>
    (await as(role, 'GET', '/api/v1/notifications')).body as NotificationsResponse;
  const sql = async (text: string) => {
    const client = new Client({ connectionString: api.databaseUrl });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  const clearRules = () => sql('DELETE FROM notifications; DELETE FROM alert_rules;');

  beforeAll(async () => {
    api = await startFixtureApp(SUMMARY_FIXTURE_SQL, [], { recordKeys: 'zero' });
    for (const role of ['admin', 'director', 'payer'] as const) {
      const user = { email: `${role}@alerts.test`, password: `${role} password long enough`, role };
      await createTestUser(api.databaseUrl, {
        ...user,
        payer: role === 'payer' ? 'commercial' : null,
        programIds: role === 'director' ? [1] : undefined,
      });
      tokens[role] = await api.signIn(user.email, user.password);
    }
  });
  afterAll(() => api.close());
  beforeEach(clearRules);

  describe('rules', () => {
    it('creates, lists, changes and removes a rule, each user seeing only their own', async () => {
      const created = await createRule('director', { scope: 'program', programId: 1 });
      expect(created).toMatchObject({ ...RULE, scope: 'program', programId: 1, scopeLabel: 'Evening IOP' });

      const changed = await as('director', 'PUT', `/api/v1/alerts/rules/${created.id}`, {
        ...RULE,
        scope: 'program',
        programId: 1,
        comparison: 'above',
        threshold: 0.9,
        enabled: false,
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ id: created.id, comparison: 'above', threshold: 0.9, enabled: false });
      expect(((await as('director', 'GET', '/api/v1/alerts/rules')).body as AlertRulesResponse).rules).toEqual([
        changed.body,
      ]);
      expect(((await as('admin', 'GET', '/api/v1/alerts/rules')).body as AlertRulesResponse).rules).toEqual([]);

      // Another user's rule does not exist for them.
      expect((await as('admin', 'PUT', `/api/v1/alerts/rules/${created.id}`, RULE)).status).toBe(404);
      expect((await as('admin', 'DELETE', `/api/v1/alerts/rules/${created.id}`)).status).toBe(404);
      expect((await as('director', 'DELETE', `/api/v1/alerts/rules/${created.id}`)).status).toBe(204);
      expect(((await as('director', 'GET', '/api/v1/alerts/rules')).body as AlertRulesResponse).rules).toEqual([]);
    });

    it.each([
      [{ metric: 'happiness' }, 'metric must be one of'],
      [{ threshold: 1.5 }, 'threshold must be a proportion from 0 to 1 for completionRate'],
      [{ metric: 'episodes', threshold: -1 }, 'threshold must be 0 or more for episodes'],
      [{ scope: 'program', programId: 999 }, 'programId 999 is not a program of your organisation'],
      [{ scope: 'program' }, 'programId is required for a program rule'],
      [{ payer: 'commercial' }, 'payer must be null unless scope is payer'],
      [
        { kind: 'funnel', metric: 'episodes', scope: 'program', programId: 1, comparison: null, threshold: null },
        'metric episodes has no funnel',
      ],
      [{ kind: 'funnel', comparison: null, threshold: null }, 'scope must be program or payer for a funnel rule'],
      [{ comparison: 'sideways' }, 'comparison must be one of above, below'],
      [{ threshold: 'high' }, 'threshold must be a finite number'],
    ])('refuses %j with a 400 naming the field', async (change, message) => {
      const { status, body } = await as('admin', 'POST', '/api/v1/alerts/rules', { ...RULE, ...change });
      expect(status).toBe(400);
      expect(JSON.stringify(body)).toContain(message);
    });

    it('keeps a payer to rules on their own payer and a director to their own programs (403)', async () => {
      expect((await as('payer', 'POST', '/api/v1/alerts/rules', RULE)).status).toBe(403);
      expect(
        (await as('payer', 'POST', '/api/v1/alerts/rules', { ...RULE, scope: 'payer', payer: 'medicaid' })).status,
      ).toBe(403);
      expect(
        (await as('payer', 'POST', '/api/v1/alerts/rules', { ...RULE, scope: 'payer', payer: 'commercial' })).status,
      ).toBe(201);
      expect(
        (await as('director', 'POST', '/api/v1/alerts/rules', { ...RULE, scope: 'program', programId: 2 })).status,
      ).toBe(403);
    });
  });

  describe('evaluation', () => {
    it('fires for a threshold crossed and not otherwise, with the figure, its interval and its n', async () => {
      const below = await createRule('admin', { comparison: 'below', threshold: 0.6 });
      await createRule('admin', { comparison: 'above', threshold: 0.6 });
      // Program 1's completion rate is 1: not below 0.6.
      await createRule('director', { scope: 'program', programId: 1 });
      const episodes = await createRule('director', {
        metric: 'episodes',
        scope: 'program',
        programId: 1,
        comparison: 'above',
        threshold: 1,
      });
      await createRule('admin', { enabled: false });

      expect(await evaluate()).toEqual({ evaluated: 4, fired: 2 });

      const summary = (await as('admin', 'GET', '/api/v1/metrics/summary')).body as SummaryResponse;
      const admin = await notificationsOf('admin');
      expect(admin.unread).toBe(1);
      expect(admin.notifications).toEqual([
        expect.objectContaining({
          ruleId: below.id,
          metric: 'completionRate',
          scopeLabel: 'all programs in your view',
          asOf: '2025-06-30',
          value: 0.5,
          n: 2,
          ci95: (summary.completionRate as { ci95: [number, number] }).ci95,
          readAt: null,
        }),
      ]);
      expect(admin.notifications[0].message).toBe(
        'Completion rate for all programs in your view is 50.0% (95% CI 9.5%–90.5%, n = 2), below the threshold of 60.0%.',
      );
      const director = await notificationsOf('director');
      expect(director.notifications).toEqual([
        expect.objectContaining({ ruleId: episodes.id, value: 2, n: 2, ci95: null, scopeLabel: 'Evening IOP' }),
      ]);
    });

    it('reads the no-show rate, which the summary does not carry, from the breakdown', async () => {
      const network = await createRule('admin', { metric: 'noShowRate', comparison: 'above', threshold: 0.3 });
      const program = await createRule('admin', {
        metric: 'noShowRate',
        scope: 'program',
        programId: 2,
        comparison: 'above',
        threshold: 0.7,
      });
      expect(await evaluate()).toEqual({ evaluated: 2, fired: 2 });
      const byRule = new Map((await notificationsOf('admin')).notifications.map((n) => [n.ruleId, n]));
      expect(byRule.get(network.id)).toMatchObject({ value: 0.4, n: 10 });
      expect(byRule.get(program.id)).toMatchObject({ value: 0.75, n: 4, scopeLabel: 'Outpatient' });
    });

    it('fires once per data load: evaluating again makes no second notification, a new load does', async () => {
      await createRule('admin', {});
      expect(await evaluate()).toEqual({ evaluated: 1, fired: 1 });
      expect(await evaluate()).toEqual({ evaluated: 1, fired: 0 });
      expect((await notificationsOf('admin')).notifications).toHaveLength(1);

      await sql(`UPDATE dataset_meta SET loaded_at = loaded_at + interval '1 hour'`);
      expect(await evaluate()).toEqual({ evaluated: 1, fired: 1 });
      expect((await notificationsOf('admin')).notifications).toHaveLength(2);
    });

    it("never fires a payer's rule on a withheld cell, where the same rule of an admin fires", async () => {
      // Two commercial episodes: a small cell, withheld from the payer.
      const payerSummary = (await as('payer', 'GET', '/api/v1/metrics/summary')).body as SummaryResponse;
      expect(payerSummary.episodes).toMatchObject({ suppressed: true });
      const commercialEpisodes = {
        metric: 'episodes',
        scope: 'payer',
        payer: 'commercial',
        comparison: 'above',
        threshold: 0,
      };
      await createRule('payer', commercialEpisodes);
      await createRule('payer', { ...commercialEpisodes, metric: 'completionRate', comparison: 'below', threshold: 1 });
      const adminRule = await createRule('admin', commercialEpisodes);

      expect(await evaluate()).toEqual({ evaluated: 3, fired: 1 });
      expect(await notificationsOf('payer')).toEqual({ unread: 0, notifications: [] });
      expect((await notificationsOf('admin')).notifications).toEqual([
        expect.objectContaining({ ruleId: adminRule.id, value: 2, scopeLabel: 'Commercial' }),
      ]);
    });

    it('skips a rule its owner may no longer see', async () => {
      await createRule('director', {
        scope: 'program',
        programId: 1,
        metric: 'episodes',
        comparison: 'above',
        threshold: 0,
      });
      await sql(
        `DELETE FROM user_programs WHERE user_id = (SELECT id FROM users WHERE email = 'director@alerts.test')`,
      );
      try {
        expect(await evaluate()).toEqual({ evaluated: 0, fired: 0 });
      } finally {
        await sql(`INSERT INTO user_programs (user_id, program_id)
                   SELECT id, 1 FROM users WHERE email = 'director@alerts.test'`);
      }
    });
  });

  describe('notifications', () => {
    it('marks one and then all read, for their own user only', async () => {
      await createRule('admin', {});
      await createRule('admin', { metric: 'episodes', comparison: 'above', threshold: 3 });
      await evaluate();
      const [first] = (await notificationsOf('admin')).notifications;
      expect((await as('admin', 'GET', '/api/v1/notifications/unread-count')).body).toEqual({ unread: 2 });

      expect((await as('director', 'POST', `/api/v1/notifications/${first.id}/read`)).status).toBe(404);
      expect((await as('admin', 'POST', `/api/v1/notifications/${first.id}/read`)).status).toBe(204);
      const afterOne = await notificationsOf('admin');
      expect(afterOne.unread).toBe(1);
      expect(afterOne.notifications.find((n: AlertNotification) => n.id === first.id)?.readAt).toEqual(
        expect.any(String),
      );

      expect((await as('admin', 'POST', '/api/v1/notifications/read-all')).status).toBe(204);
      expect((await as('admin', 'GET', '/api/v1/notifications/unread-count')).body).toEqual({ unread: 0 });
    });

    it('keeps a notification when its rule is removed', async () => {
      const rule = await createRule('admin', {});
      await evaluate();
      expect((await as('admin', 'DELETE', `/api/v1/alerts/rules/${rule.id}`)).status).toBe(204);
      expect((await notificationsOf('admin')).notifications).toEqual([expect.objectContaining({ ruleId: null })]);
    });
  });
});
