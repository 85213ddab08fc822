import type { AdminUser, AdminUserList } from '@iop/contracts';
import { type ReplicatedDatabases, startReplicatedDatabases } from '@iop/db-server/testing';
import { PATH_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { createServer } from 'node:net';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AttendanceController } from '../attendance/attendance.controller';
import { CostsController } from '../costs/costs.controller';
import { DataController } from '../data/data.controller';
import { SUMMARY_FIXTURE_SQL } from '../episodes/testing/summary-fixture';
import { EvidenceController } from '../evidence/evidence.controller';
import { ExportsController } from '../exports/exports.controller';
import { QualityPatientsExportController } from '../exports/quality-patients-export.controller';
import { FiltersController } from '../filters/filters.controller';
import { MetricsController } from '../metrics/metrics.controller';
import { QualityController } from '../quality/quality.controller';
import { RetentionController } from '../retention/retention.controller';
import { createTestUser, startTestApp, type TestApp } from '../testing/test-app';
import { REPLICA_READ_CONTROLLERS } from './replica-reads.interceptor';
import { ReplicaRoutingDataSource, withReplicaReads } from './replica-routing';
import { checkReplicasAnswer, readOnlySessionUrl } from './replica-urls';

/** Starting two PostgreSQL servers and the API takes about half a minute on a busy 2-core machine. */
const START_TIMEOUT_MS = 120_000;

async function onServer<Row extends Record<string, unknown>>(url: string, sql: string, parameters: unknown[] = []) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql, parameters)).rows;
  } finally {
    await client.end();
  }
}

/** An episode more in program 2, loaded as an import loads: its facts refreshed and the data version moved. */
const addEpisodeSql = (id: number) => `
  BEGIN;
  INSERT INTO episodes (id, org_id, program_id, patient_id, level_of_care, referral_source, admit_date, discharge_date,
      discharge_reason, primary_substance, oud, severity, payer, primary_counselor_id, source_system, source_id)
  VALUES (${id}, 1, 2, 3, '1', 'outpatient', '2025-05-12', null, null, 'alcohol', false, 1, 'medicare', 2,
      'fixture', 'e${id}');
  SELECT refresh_episode_facts(ARRAY[${id}]);
  UPDATE dataset_meta SET loaded_at = now();
  COMMIT;`;

const ADMIN = { email: 'replica-admin@test.local', password: 'an admin password 1' };

/** A loopback port nothing listens on. */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

const countEpisodes = async (url: string) =>
  Number((await onServer<{ n: string }>(url, `SELECT count(*) AS n FROM episode_facts`))[0].n);

describe('read replicas: analytics reads from the replica, everything else on the primary', () => {
  let databases: ReplicatedDatabases;
  let api: TestApp;
  let dataSource: DataSource;
  let adminToken: string;

  beforeAll(async () => {
    databases = await startReplicatedDatabases();
    await onServer(databases.primaryUrl, SUMMARY_FIXTURE_SQL);
    await databases.waitForReplica();
    process.env['DATABASE_REPLICA_URLS'] = databases.replicaUrl;
    api = await startTestApp(databases.primaryUrl);
    dataSource = api.app.get(DataSource);
    await createTestUser(databases.primaryUrl, { ...ADMIN, role: 'admin' });
    adminToken = await api.signIn(ADMIN.email, ADMIN.password);
  }, START_TIMEOUT_MS);
  afterAll(async () => {
    delete process.env['DATABASE_REPLICA_URLS'];
    await api?.close();
    await databases?.close();
  });

  const episodesInSummary = async () => {
    const { status, body } = await api.get('/api/v1/metrics/summary');
    expect(status).toBe(200);
    return (body as { episodes: number }).episodes;
  };
  const program2InBreakdown = async () => {
    const { status, body } = await api.get('/api/v1/metrics/breakdown?metric=completionRate&by=program');
    expect(status).toBe(200);
    return (body as { groups: Array<{ key: string; n: number }> }).groups.find((group) => group.key === '2')?.n;
  };
  const serverPort = async () =>
    Number((await dataSource.query<Array<{ port: number }>>(`SELECT inet_server_port() AS port`))[0].port);
  const portOf = (url: string) => Number(new URL(url).port);

  it('sends DataSource.query to the replica only inside withReplicaReads, outside any query runner', async () => {
    expect(dataSource).toBeInstanceOf(ReplicaRoutingDataSource);
    expect(await serverPort()).toBe(portOf(databases.primaryUrl));
    expect(await withReplicaReads(serverPort)).toBe(portOf(databases.replicaUrl));
    // A transaction (and any query runner) is the primary's, even inside withReplicaReads.
    const inTransaction = await withReplicaReads(() =>
      dataSource.transaction((manager) => manager.query<Array<{ port: number }>>(`SELECT inet_server_port() AS port`)),
    );
    expect(inTransaction[0].port).toBe(portOf(databases.primaryUrl));
  });

  it('refuses a write sent to the replica by mistake: its sessions are read-only', async () => {
    await expect(
      withReplicaReads(() => dataSource.query(`INSERT INTO organizations (name) VALUES ('Written to the replica')`)),
    ).rejects.toMatchObject({ driverError: { code: '25006' } });
    expect(
      await onServer(databases.replicaUrl, `SELECT 1 FROM organizations WHERE name = 'Written to the replica'`),
    ).toEqual([]);
  });

  it("answers the dashboard's metrics from the replica: a load it has not applied yet is not seen until it has", async () => {
    expect([await episodesInSummary(), await program2InBreakdown()]).toEqual([4, 2]);
    await databases.pauseReplication();
    await onServer(databases.primaryUrl, addEpisodeSql(5));
    expect([await countEpisodes(databases.primaryUrl), await countEpisodes(databases.replicaUrl)]).toEqual([5, 4]);

    expect([await episodesInSummary(), await program2InBreakdown()]).toEqual([4, 2]);

    await databases.resumeReplication();
    expect([await episodesInSummary(), await program2InBreakdown()]).toEqual([5, 3]);
  });

  it('keeps sign-in, sessions, admin changes, the audit log and the reads that must see them on the primary', async () => {
    await databases.pauseReplication();
    try {
      const created = await api.request('POST', '/api/v1/admin/users', {
        headers: { authorization: `Bearer ${adminToken}` },
        body: {
          email: 'lagging@clinic.test',
          displayName: 'Director while the replica lags',
          role: 'director',
          programIds: [2],
          password: 'a director password 1',
        },
      });
      expect(created.status).toBe(201);
      const { id } = created.body as AdminUser;

      // Read-your-writes: the list, sign-in (the user and its password) and the access check (the session just
      // written) all read the primary, where the replica has none of them yet.
      const listed = (await api.get('/api/v1/admin/users')).body as AdminUserList;
      expect(listed.users.map((user) => user.email)).toContain('lagging@clinic.test');
      const token = await api.signIn('lagging@clinic.test', 'a director password 1');
      const asDirector = await api.request('GET', '/api/v1/metrics/summary', {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(asDirector.status).toBe(200);
      expect((asDirector.body as { episodes: number }).episodes).toBe(3);

      const onPrimary = await onServer<{ sessions: string; audited: string }>(
        databases.primaryUrl,
        `SELECT (SELECT count(*) FROM sessions WHERE user_id = $1) AS sessions,
                (SELECT count(*) FROM audit_events WHERE action = 'admin.user.create' AND resource = $2) AS audited`,
        [id, `users/${id}`],
      );
      expect(onPrimary).toEqual([{ sessions: '1', audited: '1' }]);
      expect(await onServer(databases.replicaUrl, `SELECT 1 FROM users WHERE id = $1`, [id])).toEqual([]);
    } finally {
      await databases.resumeReplication();
    }
    expect(await onServer(databases.replicaUrl, `SELECT email FROM users WHERE email = 'lagging@clinic.test'`)).toEqual(
      [{ email: 'lagging@clinic.test' }],
    );
  });

  // Last: after a failed replica, reads stay on the primary for REPLICA_RETRY_AFTER_MS.
  it('answers from the primary while the replica is down', async () => {
    await databases.pauseReplication();
    await onServer(databases.primaryUrl, addEpisodeSql(6));
    await databases.stopReplica();
    try {
      expect([await episodesInSummary(), await program2InBreakdown()]).toEqual([6, 4]);
      expect(await withReplicaReads(serverPort)).toBe(portOf(databases.primaryUrl));
    } finally {
      await databases.startReplica();
      await databases.resumeReplication();
    }
  });
});

describe('which requests read from a replica', () => {
  it('names the paths of exactly the analytics controllers, so that renaming one cannot send it to the primary', () => {
    const analytics = [
      MetricsController,
      AttendanceController,
      RetentionController,
      CostsController,
      EvidenceController,
      QualityController,
      QualityPatientsExportController,
      FiltersController,
      ExportsController,
      DataController,
    ];
    const paths = new Set(analytics.map((controller) => new Reflector().get<string>(PATH_METADATA, controller)));
    expect([...paths].sort()).toEqual([...REPLICA_READ_CONTROLLERS].sort());
  });
});

describe('replica URLs', () => {
  it('asks every replica session to be read-only, keeping the options a URL already has', () => {
    expect(readOnlySessionUrl('postgres://iop:secret@replica:5432/iop')).toBe(
      'postgres://iop:secret@replica:5432/iop?options=-c+default_transaction_read_only%3Don',
    );
    expect(
      new URL(
        readOnlySessionUrl('postgres://iop@replica/iop?options=-c%20work_mem%3D64MB&sslmode=require'),
      ).searchParams.get('options'),
    ).toBe('-c work_mem=64MB -c default_transaction_read_only=on');
  });

  it('checks at start-up that every replica answers, naming the one that does not without its password', async () => {
    const port = await freePort();
    const refusal = await checkReplicasAnswer([`postgres://iop:secret@127.0.0.1:${port}/iop`], 2000).then(
      () => new Error('it answered'),
      (error: unknown) => error as Error,
    );
    expect(refusal.message).toMatch(
      new RegExp(`^DATABASE_REPLICA_URLS: the replica 127\\.0\\.0\\.1:${port}/iop did not answer \\(.*ECONNREFUSED`),
    );
    expect(refusal.message).not.toContain('secret');
  });
});
