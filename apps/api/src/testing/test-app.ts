import type { UserRole } from '@iop/contracts';
import { createTestDatabase } from '@iop/db-server/testing';
import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Test, type TestingModuleBuilder } from '@nestjs/testing';
import { hash } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { configureApp } from '../configure-app';
import { CELL_KEY_MODULUS } from '../suppression/cell-key';

/** The token-signing secret of every test app (config requires one). */
export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';
/** The patient-key secret of every test app (config requires one; imports hash source patient ids with it). */
export const TEST_PATIENT_KEY_SECRET = 'test-patient-key-secret-of-32-characters-or-more';

export interface TestResponse {
  status: number;
  body: unknown;
  headers: Headers;
}

export interface TestApp {
  app: INestApplication;
  /** http://127.0.0.1:<port> of the listening app. */
  baseUrl: string;
  /** GET as the signed-in test user (an admin unless the app was started for another role). */
  get(path: string): Promise<TestResponse>;
  /** Any request, with the given headers and no credentials unless they are among them. */
  request(
    method: string,
    path: string,
    init?: { headers?: Record<string, string>; body?: unknown },
  ): Promise<TestResponse>;
  /** Signs in and returns the access token. */
  signIn(email: string, password: string): Promise<string>;
  /** The database the app runs on (for tests that add rows, such as users). */
  databaseUrl: string;
  close(): Promise<void>;
}

export interface TestUser {
  email: string;
  password: string;
  role: UserRole;
  payer?: string | null;
  programIds?: number[];
}

/** Creates an account (in the database's first organisation, created if there is none). */
export async function createTestUser(databaseUrl: string, user: TestUser): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO organizations (name) SELECT 'Test organisation' WHERE NOT EXISTS (SELECT 1 FROM organizations)`,
    );
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO users (org_id, email, password_hash, role, payer, display_name)
       VALUES ((SELECT min(id) FROM organizations), $1, $2, $3, $4, $5) RETURNING id`,
      [user.email, await hash(user.password), user.role, user.payer ?? null, `Test ${user.role}`],
    );
    for (const programId of user.programIds ?? []) {
      await client.query(`INSERT INTO user_programs (user_id, program_id) VALUES ($1, $2)`, [rows[0].id, programId]);
    }
    return rows[0].id;
  } finally {
    await client.end();
  }
}

/** A provider the test replaces, e.g. a renderer that fails on purpose. */
export interface ProviderOverride {
  provide: string | symbol | Type;
  useValue: unknown;
}

function withOverrides(builder: TestingModuleBuilder, overrides: ProviderOverride[]): TestingModuleBuilder {
  return overrides.reduce((next, { provide, useValue }) => next.overrideProvider(provide).useValue(useValue), builder);
}

/**
 * The real API, configured as main.ts configures it, listening on a free port against `databaseUrl`, with
 * `get` signed in as a fresh admin; `overrides` replace providers (a Nest testing module then builds it). The
 * app module is loaded after the environment is set, because configuration is validated when it loads.
 */
export async function startTestApp(databaseUrl: string, overrides: ProviderOverride[] = []): Promise<TestApp> {
  process.env['DATABASE_URL'] = databaseUrl;
  process.env['IOP_JWT_SECRET'] = TEST_JWT_SECRET;
  process.env['IOP_PATIENT_KEY_SECRET'] = TEST_PATIENT_KEY_SECRET;
  // No background refit of the early-warning model unless the test asks for one: it would read the test's tables
  // while the test changes them.
  process.env['IOP_EARLY_WARNING_REFRESH_SECONDS'] ??= '0';
  const { AppModule } = await import('../app.module');
  const app = configureApp(
    overrides.length === 0
      ? await NestFactory.create(AppModule, {
          logger: process.env['IOP_TEST_LOGS'] ? ['error'] : false,
          abortOnError: false,
        })
      : await withOverrides(Test.createTestingModule({ imports: [AppModule] }), overrides)
          .compile()
          .then((module) =>
            module.createNestApplication({
              logger: process.env['IOP_TEST_LOGS'] ? ['error'] : false,
              abortOnError: false,
            }),
          ),
  );
  await app.listen(0, '127.0.0.1');
  const baseUrl = await app.getUrl();

  const request: TestApp['request'] = async (method, path, init = {}) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON (e.g. an HTML error page): the text itself.
    }
    return { status: response.status, body, headers: response.headers };
  };
  const signIn = async (email: string, password: string) => {
    const { status, body } = await request('POST', '/api/v1/auth/login', { body: { email, password } });
    if (status !== 200) throw new Error(`sign-in as ${email} answered ${status}: ${JSON.stringify(body)}`);
    return (body as { accessToken: string }).accessToken;
  };

  const admin = {
    email: `admin-${randomBytes(4).toString('hex')}@test.local`,
    password: randomBytes(12).toString('hex'),
  };
  await createTestUser(databaseUrl, { ...admin, role: 'admin' });
  const adminToken = await signIn(admin.email, admin.password);
  return {
    app,
    baseUrl,
    databaseUrl,
    request,
    signIn,
    get: (path) => request('GET', path, { headers: { authorization: `Bearer ${adminToken}` } }),
    close: () => app.close(),
  };
}

/**
 * The episodes' record keys of a fixture, so that what a payer sees is the same on every run:
 * - 'hashed': a fixed pseudo-random key per episode id (the database draws a new random one per insert);
 * - 'zero': every key 0, so every cell key is 0 and nothing is perturbed (suppression/cell-key.ts), for the tests
 *   of small-cell suppression itself, which check shown counts by exact arithmetic.
 */
export type FixtureRecordKeys = 'hashed' | 'zero';

const recordKeysSql = (keys: FixtureRecordKeys) => `
  UPDATE episodes SET record_key = ${keys === 'zero' ? '0' : `hashtext('fixture record key ' || id) & ${CELL_KEY_MODULUS - 1}`};
  UPDATE episode_facts f SET record_key = e.record_key FROM episodes e WHERE e.id = f.episode_id;
`;

/**
 * A fresh migrated database loaded with a hand-built fixture (which refreshes the episode facts itself),
 * and the API on it; close() stops the API and drops the database.
 */
export async function startFixtureApp(
  fixtureSql: string,
  overrides: ProviderOverride[] = [],
  { recordKeys = 'hashed' }: { recordKeys?: FixtureRecordKeys } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query(fixtureSql);
    await client.query(recordKeysSql(recordKeys));
  } finally {
    await client.end();
  }
  const api = await startTestApp(database.url, overrides);
  return {
    ...api,
    close: async () => {
      await api.close();
      await database.drop();
    },
  };
}
