import { createTestDatabase, type TestDatabase } from '@iop/db-server/testing';
import { verify } from '@node-rs/argon2';
import { Client } from 'pg';
import { seedDatabase } from './seed-database';
import { seedDemoUsers } from './demo-users';

describe('seedDemoUsers', () => {
  let database: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDatabase(database.url, { preset: 'demo', episodes: 60 });
    client = new Client({ connectionString: database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  interface AccountRow {
    email: string;
    role: string;
    payer: string | null;
    password_hash: string;
    levels: string[];
  }
  const accounts = async () =>
    (
      await client.query<AccountRow>(
        `SELECT u.email, u.role, u.payer, u.password_hash,
                coalesce(array_agg(p.level_of_care ORDER BY p.id) FILTER (WHERE p.id IS NOT NULL), '{}') AS levels
         FROM users u LEFT JOIN user_programs up ON up.user_id = u.id LEFT JOIN programs p ON p.id = up.program_id
         GROUP BY u.id ORDER BY u.email`,
      )
    ).rows;

  it('creates one account per role with the given password; the director sees two IOP programs, not all', async () => {
    const logins = await seedDemoUsers(database.url, 'demo-pass-1');
    expect(logins.map((login) => [login.email, login.role])).toEqual([
      ['admin@demo.local', 'admin'],
      ['director@demo.local', 'director'],
      ['payer@demo.local', 'payer'],
      ['quality@demo.local', 'quality'],
    ]);
    const rows = await accounts();
    expect(rows.map((row) => [row.email, row.role, row.payer, row.levels])).toEqual([
      ['admin@demo.local', 'admin', null, []],
      ['director@demo.local', 'director', null, ['2.1', '2.1']],
      ['payer@demo.local', 'payer', 'medicaid', []],
      ['quality@demo.local', 'quality', null, []],
    ]);
    const iopPrograms = (
      await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM programs WHERE level_of_care = '2.1'`)
    ).rows[0].n;
    expect(iopPrograms).toBeGreaterThan(2);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
    expect(await verify(rows[0].password_hash, 'demo-pass-1')).toBe(true);
  });

  it('run again, it resets the password and scopes without duplicating accounts', async () => {
    await seedDemoUsers(database.url, 'demo-pass-2');
    const rows = await accounts();
    expect(rows).toHaveLength(4);
    expect(await verify(rows[1].password_hash, 'demo-pass-2')).toBe(true);
    expect(rows[1].levels).toEqual(['2.1', '2.1']);
  });
});
