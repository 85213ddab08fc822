import type { UserRole } from '@iop/contracts';
import { hash } from '@node-rs/argon2';
import { Client } from 'pg';

/** A demo account as `npm start` prints it. */
export interface DemoLogin {
  email: string;
  role: UserRole;
  /** What the account sees, in words. */
  scope: string;
}

/**
 * The demo accounts, one per role: the director sees two of the IOP programs (not all), the payer
 * the Medicaid episodes. Seeded with the demo data only, never by a migration; their password is the caller's.
 */
export async function seedDemoUsers(url: string, password: string): Promise<DemoLogin[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    const programs = await client.query<{ id: number; name: string }>(
      `SELECT id, name FROM programs WHERE level_of_care = '2.1' ORDER BY id LIMIT 2`,
    );
    const directorPrograms = programs.rows;
    const passwordHash = await hash(password);
    const accounts: Array<DemoLogin & { displayName: string; payer: string | null; programIds: number[] }> = [
      {
        email: 'admin@demo.local',
        role: 'admin',
        displayName: 'Avery Admin',
        payer: null,
        programIds: [],
        scope: 'everything; users and the audit log',
      },
      {
        email: 'director@demo.local',
        role: 'director',
        displayName: 'Dana Director',
        payer: null,
        programIds: directorPrograms.map((program) => program.id),
        scope: `programs ${directorPrograms.map((program) => program.name).join(' and ')}`,
      },
      {
        email: 'payer@demo.local',
        role: 'payer',
        displayName: 'Pat Payer',
        payer: 'medicaid',
        programIds: [],
        scope: 'Medicaid episodes, aggregates only',
      },
      {
        email: 'quality@demo.local',
        role: 'quality',
        displayName: 'Quinn Quality',
        payer: null,
        programIds: [],
        scope: 'every program, aggregates',
      },
    ];
    for (const account of accounts) {
      const { rows } = await client.query<{ id: number }>(
        `INSERT INTO users (org_id, email, password_hash, role, payer, display_name)
         VALUES ((SELECT min(id) FROM organizations), $1, $2, $3, $4, $5)
         ON CONFLICT ((lower(email))) DO UPDATE SET password_hash = EXCLUDED.password_hash, role = EXCLUDED.role,
           payer = EXCLUDED.payer, display_name = EXCLUDED.display_name, failed_logins = 0, locked_until = NULL
         RETURNING id`,
        [account.email, passwordHash, account.role, account.payer, account.displayName],
      );
      await client.query(`DELETE FROM user_programs WHERE user_id = $1`, [rows[0].id]);
      for (const programId of account.programIds) {
        await client.query(`INSERT INTO user_programs (user_id, program_id) VALUES ($1, $2)`, [rows[0].id, programId]);
      }
    }
    await client.query('COMMIT');
    return accounts.map(({ email, role, scope }) => ({ email, role, scope }));
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    await client.end();
  }
}
