import type { AlertEvaluationResponse, AlertNotification, NotificationsResponse } from '@iop/contracts';
import { Logger } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { SUMMARY_FIXTURE_SQL } from '../episodes/testing/summary-fixture';
import { createTestUser, startFixtureApp, type TestApp } from '../testing/test-app';
import { alertEmailOf } from './alert-email';

const PUBLIC_URL = 'https://outcomes.example.org';

const NOTIFICATION: AlertNotification = {
  id: 7,
  ruleId: 3,
  metric: 'completionRate',
  scopeLabel: 'Evening IOP',
  firedAt: '2025-07-01T02:30:00.000Z',
  asOf: '2025-06-30',
  value: 0.5,
  ci95: [0.0945, 0.9055],
  n: 2,
  message: 'Completion rate for Evening IOP is 50.0% (95% CI 9.5%–90.5%, n = 2), below the threshold of 60.0%.',
  readAt: null,
};

describe('the alert e-mail', () => {
  it('states the finding with its interval and n, the as-of date and a link to the notification', () => {
    expect(alertEmailOf(NOTIFICATION, 'director@example.org', `${PUBLIC_URL}/`)).toEqual({
      to: 'director@example.org',
      subject: 'IOP Outcomes alert: Completion rate for Evening IOP',
      text: [
        NOTIFICATION.message,
        '',
        'Data as of 2025-06-30.',
        `See it in IOP Outcomes: ${PUBLIC_URL}/notifications?notification=7`,
        '',
        'You receive this because you keep this alert rule; change or remove it on the Alerts page.',
      ].join('\n'),
    });
  });
});

/** A quoted-printable body as text: soft line breaks joined, =XX escapes decoded as UTF-8. */
const decodeQuotedPrintable = (body: string) =>
  decodeURIComponent(
    body
      .replace(/=\r?\n/g, '')
      .replace(/%/g, '%25')
      .replace(/=([0-9A-F]{2})/g, '%$1'),
  );

describe('alert e-mails through a real SMTP server in this process', () => {
  let api: TestApp;
  let token: string;
  let server: SMTPServer;
  const received: string[] = [];
  let onMessage: (() => void) | null = null;

  const sql = async <Row extends object>(query: string, parameters: unknown[] = []) => {
    const client = new Client({ connectionString: api.databaseUrl });
    await client.connect();
    try {
      return (await client.query<Row>(query, parameters)).rows;
    } finally {
      await client.end();
    }
  };
  const as = (method: string, path: string, body?: unknown) =>
    api.request(method, path, { headers: { authorization: `Bearer ${token}` }, body });
  /** Resolves when `condition` holds, checking every 100 ms (no time limit of its own: jest's applies). */
  const eventually = async (condition: () => Promise<boolean>) => {
    while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 100));
  };

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, callback) {
        text(stream).then(
          (message) => {
            received.push(message);
            onMessage?.();
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.server.address() as AddressInfo;
    process.env['SMTP_URL'] = `smtp://127.0.0.1:${port}`;
    process.env['PUBLIC_URL'] = PUBLIC_URL;
    try {
      api = await startFixtureApp(SUMMARY_FIXTURE_SQL, [], { recordKeys: 'zero' });
    } finally {
      delete process.env['SMTP_URL'];
      delete process.env['PUBLIC_URL'];
    }
    await createTestUser(api.databaseUrl, {
      email: 'admin@alerts-mail.test',
      password: 'a long password',
      role: 'admin',
    });
    token = await api.signIn('admin@alerts-mail.test', 'a long password');
    const rule = { metric: 'completionRate', scope: 'network', programId: null, payer: null, kind: 'threshold' };
    expect(
      (await as('POST', '/api/v1/alerts/rules', { ...rule, comparison: 'below', threshold: 0.6, enabled: true }))
        .status,
    ).toBe(201);
  });
  afterAll(async () => {
    await api.close();
    await new Promise<void>((resolve) => server.close(resolve));
  });

  it('sends the owner an e-mail with the figure, its interval, n and a link', async () => {
    const arrived = new Promise<void>((resolve) => (onMessage = resolve));
    expect((await as('POST', '/api/v1/alerts/evaluate')).body).toEqual({ evaluated: 1, fired: 1 });
    await arrived;
    const [notification] = ((await as('GET', '/api/v1/notifications')).body as NotificationsResponse).notifications;

    expect(received).toHaveLength(1);
    const [headers, ...body] = received[0].split(/\r?\n\r?\n/);
    expect(headers).toMatch(/^To: admin@alerts-mail\.test$/m);
    expect(headers).toMatch(/^Subject: IOP Outcomes alert: Completion rate for all programs in your view$/m);
    const content = decodeQuotedPrintable(body.join('\n\n'));
    expect(content).toContain(
      'Completion rate for all programs in your view is 50.0% (95% CI 9.5%–90.5%, n = 2), below the threshold of 60.0%.',
    );
    expect(content).toContain('Data as of 2025-06-30.');
    expect(content).toContain(`${PUBLIC_URL}/notifications?notification=${notification.id}`);
    await eventually(async () => {
      const [row] = await sql<{ emailed: boolean }>(
        `SELECT emailed_at IS NOT NULL AS emailed FROM notifications WHERE id = $1`,
        [notification.id],
      );
      return row.emailed;
    });
  });

  it('with the SMTP server down, the rule run succeeds and the e-mail is logged and retried', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    await new Promise<void>((resolve) => server.close(resolve));
    await sql(`UPDATE dataset_meta SET loaded_at = loaded_at + interval '1 hour'`);

    const { status, body } = await as('POST', '/api/v1/alerts/evaluate');
    expect([status, body]).toEqual([200, { evaluated: 1, fired: 1 } satisfies AlertEvaluationResponse]);
    const [latest] = ((await as('GET', '/api/v1/notifications')).body as NotificationsResponse).notifications;

    // pg-boss puts a failed job with retries left in 'retry'.
    let job: { state: string } | undefined;
    await eventually(async () => {
      [job] = await sql<{ state: string }>(
        `SELECT state FROM pgboss.job WHERE name = 'alerts.email' AND (data->>'notificationId')::int = $1`,
        [latest.id],
      );
      return job?.state === 'retry';
    });
    expect(job).toEqual({ state: 'retry' });
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining(`alert e-mail of notification ${latest.id} not sent, to be retried`),
    );
    const [row] = await sql<{ emailed: boolean }>(
      `SELECT emailed_at IS NOT NULL AS emailed FROM notifications WHERE id = $1`,
      [latest.id],
    );
    expect(row.emailed).toBe(false);
    warn.mockRestore();
  });
});
