import type { Payer, UserRole } from '@iop/contracts';
import { hash } from '@node-rs/argon2';
import { Client } from 'pg';
import { StartupError } from '../lib/startup-error';
import type { CreateUserArguments } from './users-arguments';

/** The organisation a first account lands in when the database has none and --org does not name one. */
export const DEFAULT_ORGANIZATION_NAME = 'My organization';

export interface AccountOutcome {
  action: 'created' | 'updated';
  userId: number;
  email: string;
  role: UserRole;
  displayName: string;
  organization: { id: number; name: string; created: boolean };
  programs: Array<{ id: number; name: string }>;
  /** Sessions of an updated account that its new password ended. */
  sessionsEnded: number;
}

interface ExistingAccount {
  id: number;
  email: string;
  orgId: number;
  role: UserRole;
  displayName: string;
  programIds: number[];
}

interface OrganizationChoice {
  /** null: to be created, with `name`. */
  id: number | null;
  name: string;
}

interface ProgramRow {
  id: number;
  name: string;
}

/**
 * Creates the account that `args` describes (or, with --update, changes the existing one): organisation and
 * programs are resolved and the e-mail checked before the password is asked for, so that a refused command
 * does not make anyone type one. The password is hashed as the API verifies it (argon2id, the library's
 * defaults: apps/api/src/auth/passwords.ts). Everything is written in one transaction, with an audit event.
 */
export async function createAccount(
  url: string,
  args: CreateUserArguments,
  readPassword: () => Promise<string>,
): Promise<AccountOutcome> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const existing = await findAccount(client, args.email);
    if (existing && !args.update) {
      throw new StartupError(
        `an account with the e-mail ${existing.email} already exists (role ${existing.role}); add --update to change it`,
      );
    }
    const organization = await chooseOrganization(client, args.organization, existing?.orgId ?? null);
    const programs = await choosePrograms(client, args, organization, existing);
    const displayName = args.displayName ?? existing?.displayName ?? args.email.slice(0, args.email.indexOf('@'));
    const passwordHash = await hash(await readPassword());

    await client.query('BEGIN');
    try {
      const orgId = organization.id ?? (await insertOrganization(client, organization.name));
      const account = { ...args, displayName, passwordHash, orgId };
      const userId = existing ? existing.id : await insertAccount(client, account);
      const sessionsEnded = existing ? await updateAccount(client, existing.id, account) : 0;
      await client.query('DELETE FROM user_programs WHERE user_id = $1', [userId]);
      for (const program of programs) {
        await client.query('INSERT INTO user_programs (user_id, program_id) VALUES ($1, $2)', [userId, program.id]);
      }
      const outcome: AccountOutcome = {
        action: existing ? 'updated' : 'created',
        userId,
        email: existing?.email ?? args.email,
        role: args.role,
        displayName,
        organization: { id: orgId, name: organization.name, created: organization.id === null },
        programs,
        sessionsEnded,
      };
      await recordAudit(client, outcome, args.payer);
      await client.query('COMMIT');
      return outcome;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    await client.end();
  }
}

async function findAccount(client: Client, email: string): Promise<ExistingAccount | null> {
  const { rows } = await client.query<ExistingAccount>(
    `SELECT u.id, u.email, u.org_id AS "orgId", u.role, u.display_name AS "displayName",
            coalesce(array_agg(up.program_id ORDER BY up.program_id) FILTER (WHERE up.program_id IS NOT NULL), '{}')
              AS "programIds"
     FROM users u LEFT JOIN user_programs up ON up.user_id = u.id
     WHERE lower(u.email) = lower($1)
     GROUP BY u.id`,
    [email],
  );
  return rows[0] ?? null;
}

/**
 * --org names the organisation (new when no organisation has that name). Without it: the account's own for an
 * update, else the only one, else a new "My organization" when there is none; several are an error.
 */
async function chooseOrganization(
  client: Client,
  requested: string | undefined,
  accountOrgId: number | null,
): Promise<OrganizationChoice> {
  const { rows: organizations } = await client.query<{ id: number; name: string }>(
    'SELECT id, name FROM organizations ORDER BY name',
  );
  if (requested !== undefined) {
    const exact = organizations.find((organization) => organization.name === requested);
    if (exact) return exact;
    // Names are unique as written; a near-duplicate is more likely a typo than a second organisation.
    const similar = organizations.find((organization) => organization.name.toLowerCase() === requested.toLowerCase());
    if (similar) {
      throw new StartupError(`there is no organisation "${requested}"; did you mean --org "${similar.name}"?`);
    }
    return { id: null, name: requested };
  }
  const own = organizations.find((organization) => organization.id === accountOrgId);
  if (own) return own;
  if (organizations.length === 0) return { id: null, name: DEFAULT_ORGANIZATION_NAME };
  if (organizations.length === 1) return organizations[0];
  throw new StartupError(
    `there are ${organizations.length} organisations (${organizations.map((o) => `"${o.name}"`).join(', ')}); ` +
      'name one with --org',
  );
}

/**
 * A director's programs, each named by id or name within the organisation. Without --program, an updated
 * director keeps the programs they had there.
 */
async function choosePrograms(
  client: Client,
  args: CreateUserArguments,
  organization: OrganizationChoice,
  existing: ExistingAccount | null,
): Promise<ProgramRow[]> {
  if (args.role !== 'director') return [];
  const { rows: available } =
    organization.id === null
      ? { rows: [] as ProgramRow[] }
      : await client.query<ProgramRow>('SELECT id, name FROM programs WHERE org_id = $1 ORDER BY name, id', [
          organization.id,
        ]);
  if (args.programs.length === 0) {
    const kept = existing?.role === 'director' && existing.orgId === organization.id ? existing.programIds : [];
    return available.filter((program) => kept.includes(program.id));
  }
  if (available.length === 0) {
    throw new StartupError(
      `the organisation "${organization.name}" has no programs yet: import its data first, ` +
        'or create the director without --program and give them programs later',
    );
  }
  const chosen = args.programs.map((wanted) => {
    const program =
      available.find((candidate) => /^\d+$/.test(wanted) && candidate.id === Number(wanted)) ??
      available.find((candidate) => candidate.name === wanted) ??
      uniqueMatch(available.filter((candidate) => candidate.name.toLowerCase() === wanted.toLowerCase()));
    if (!program) {
      const names = available.map((candidate) => `${candidate.name} (id ${candidate.id})`).join(', ');
      throw new StartupError(`no program "${wanted}" in "${organization.name}"; its programs: ${names}`);
    }
    return program;
  });
  return [...new Map(chosen.map((program) => [program.id, program])).values()].sort((a, b) => a.id - b.id);
}

function uniqueMatch<T>(matches: T[]): T | undefined {
  return matches.length === 1 ? matches[0] : undefined;
}

async function insertOrganization(client: Client, name: string): Promise<number> {
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO organizations (name) VALUES ($1)
     ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name
     RETURNING id`,
    [name],
  );
  return rows[0].id;
}

interface AccountValues {
  email: string;
  role: UserRole;
  payer: Payer | null;
  displayName: string;
  passwordHash: string;
  orgId: number;
}

async function insertAccount(client: Client, account: AccountValues): Promise<number> {
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO users (org_id, email, password_hash, role, payer, display_name)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT ((lower(email))) DO NOTHING
     RETURNING id`,
    [account.orgId, account.email, account.passwordHash, account.role, account.payer, account.displayName],
  );
  // Another command created it since findAccount looked.
  if (!rows[0]) throw new StartupError(`an account with the e-mail ${account.email} already exists`);
  return rows[0].id;
}

/**
 * The account takes the new values and password, is enabled and unlocked (this is how a locked-out admin gets
 * back in), and its sessions end, as when an admin resets a password through the API.
 */
async function updateAccount(client: Client, userId: number, account: AccountValues): Promise<number> {
  await client.query(
    `UPDATE users SET org_id = $2, password_hash = $3, role = $4, payer = $5, display_name = $6,
       disabled = false, failed_logins = 0, locked_until = NULL, updated_at = now()
     WHERE id = $1`,
    [userId, account.orgId, account.passwordHash, account.role, account.payer, account.displayName],
  );
  const { rowCount } = await client.query(
    'UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL',
    [userId],
  );
  return rowCount ?? 0;
}

/** The same actions the API records for accounts, with no user behind them: the command line did it. */
async function recordAudit(client: Client, outcome: AccountOutcome, payer: Payer | null): Promise<void> {
  const account = {
    email: outcome.email,
    displayName: outcome.displayName,
    role: outcome.role,
    payer,
    programIds: outcome.programs.map((program) => program.id),
    organization: outcome.organization.name,
  };
  const details =
    outcome.action === 'created'
      ? { via: 'cli', ...account }
      : { via: 'cli', ...account, passwordReset: true, sessionsRevoked: outcome.sessionsEnded };
  await client.query(`INSERT INTO audit_events (action, resource, outcome, details) VALUES ($1, $2, 'ok', $3)`, [
    outcome.action === 'created' ? 'admin.user.create' : 'admin.user.update',
    `users/${outcome.userId}`,
    details,
  ]);
}
