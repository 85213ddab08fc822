import { createTestDatabase, type TestDatabase } from '@iop/db-server/testing';
import { verify } from '@node-rs/argon2';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { createAccount } from './users-accounts';
import { type CreateUserArguments, parseUsersArguments } from './users-arguments';
import { formatAccountList, listAccounts } from './users-list';

const workspaceRoot = path.resolve(__dirname, '../../../..');

/** The password supplier for createAccount: as if typed at the prompt. */
const typed = (password: string) => () => Promise.resolve(password);

function createArguments(argv: string[]): CreateUserArguments {
  const args = parseUsersArguments(['create', ...argv]);
  if (args.command !== 'create') throw new Error('not a create command');
  return args;
}

async function query<Row extends object>(url: string, sql: string, values: unknown[] = []): Promise<Row[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

interface UserRow {
  id: number;
  email: string;
  role: string;
  payer: string | null;
  displayName: string;
  organization: string;
  passwordHash: string;
  disabled: boolean;
  failedLogins: number;
  lockedUntil: Date | null;
}

async function userRow(url: string, email: string): Promise<UserRow> {
  const rows = await query<UserRow>(
    url,
    `SELECT u.id, u.email, u.role, u.payer, u.display_name AS "displayName", o.name AS organization,
            u.password_hash AS "passwordHash", u.disabled, u.failed_logins AS "failedLogins",
            u.locked_until AS "lockedUntil"
     FROM users u JOIN organizations o ON o.id = u.org_id WHERE u.email = $1`,
    [email],
  );
  return rows[0];
}

describe('npm run users, on a real database', () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(() => database.drop());

  it('gives an empty database its organisation and first admin, hashed as the API verifies, and audits it', async () => {
    const outcome = await createAccount(
      database.url,
      createArguments(['--email', 'first.admin@clinic.example', '--role', 'admin']),
      typed('correct horse battery'),
    );

    const organizations = await query<{ id: number; name: string }>(database.url, 'SELECT id, name FROM organizations');
    expect(organizations).toEqual([{ id: outcome.organization.id, name: 'My organization' }]);
    expect(outcome).toMatchObject({
      action: 'created',
      email: 'first.admin@clinic.example',
      role: 'admin',
      displayName: 'first.admin',
      organization: { name: 'My organization', created: true },
      programs: [],
      sessionsEnded: 0,
    });
    const stored = await userRow(database.url, 'first.admin@clinic.example');
    expect(stored).toMatchObject({ role: 'admin', payer: null, displayName: 'first.admin', disabled: false });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await expect(verify(stored.passwordHash, 'correct horse battery')).resolves.toBe(true);
    await expect(verify(stored.passwordHash, 'correct horse batterY')).resolves.toBe(false);

    const audit = await query<{ userId: number | null; action: string; resource: string; details: object }>(
      database.url,
      'SELECT user_id AS "userId", action, resource, details FROM audit_events',
    );
    expect(audit).toEqual([
      {
        userId: null,
        action: 'admin.user.create',
        resource: `users/${stored.id}`,
        details: {
          via: 'cli',
          email: 'first.admin@clinic.example',
          displayName: 'first.admin',
          role: 'admin',
          payer: null,
          programIds: [],
          organization: 'My organization',
        },
      },
    ]);
  });

  it('refuses an e-mail that exists in any case before asking for a password, unless --update', async () => {
    await createAccount(
      database.url,
      createArguments(['--email', 'Pat@Clinic.example', '--role', 'admin']),
      typed('first password 1'),
    );
    const askedForPassword = jest.fn(typed('second password 2'));
    await expect(
      createAccount(
        database.url,
        createArguments(['--email', 'pat@clinic.example', '--role', 'payer', '--payer', 'medicaid']),
        askedForPassword,
      ),
    ).rejects.toThrow(
      'an account with the e-mail Pat@Clinic.example already exists (role admin); add --update to change it',
    );
    expect(askedForPassword).not.toHaveBeenCalled();
  });

  it('--update sets role, payer and password, unlocks and enables the account, and ends its sessions', async () => {
    await createAccount(
      database.url,
      createArguments(['--email', 'pat@clinic.example', '--role', 'quality', '--name', 'Pat Lee']),
      typed('first password 1'),
    );
    const { id } = await userRow(database.url, 'pat@clinic.example');
    await query(
      database.url,
      `UPDATE users SET disabled = true, failed_logins = 5, locked_until = now() + interval '1 hour' WHERE id = $1`,
      [id],
    );
    await query(
      database.url,
      `INSERT INTO sessions (user_id, refresh_token_hash, expires_at) VALUES ($1, 'a', now() + interval '1 hour'),
         ($1, 'b', now() + interval '1 hour')`,
      [id],
    );

    const outcome = await createAccount(
      database.url,
      createArguments(['--email', 'PAT@clinic.example', '--role', 'payer', '--payer', 'medicare', '--update']),
      typed('second password 2'),
    );

    expect(outcome).toMatchObject({ action: 'updated', userId: id, email: 'pat@clinic.example', sessionsEnded: 2 });
    const stored = await userRow(database.url, 'pat@clinic.example');
    expect(stored).toMatchObject({
      role: 'payer',
      payer: 'medicare',
      displayName: 'Pat Lee',
      disabled: false,
      failedLogins: 0,
      lockedUntil: null,
    });
    await expect(verify(stored.passwordHash, 'second password 2')).resolves.toBe(true);
    await expect(verify(stored.passwordHash, 'first password 1')).resolves.toBe(false);
    const live = await query(database.url, 'SELECT 1 FROM sessions WHERE revoked_at IS NULL');
    expect(live).toHaveLength(0);
    const actions = await query<{ action: string }>(database.url, 'SELECT action FROM audit_events ORDER BY id');
    expect(actions.map((row) => row.action)).toEqual(['admin.user.create', 'admin.user.update']);
  });

  it('creates a named organisation, and then asks which one when there are several', async () => {
    const password = typed('long enough password');
    await createAccount(database.url, createArguments(['--email', 'a@one.example', '--role', 'admin']), password);
    const second = await createAccount(
      database.url,
      createArguments(['--email', 'b@two.example', '--role', 'admin', '--org', 'Second Org']),
      password,
    );
    expect(second.organization).toMatchObject({ name: 'Second Org', created: true });

    await expect(
      createAccount(database.url, createArguments(['--email', 'c@x.example', '--role', 'quality']), password),
    ).rejects.toThrow('there are 2 organisations ("My organization", "Second Org"); name one with --org');
    await expect(
      createAccount(
        database.url,
        createArguments(['--email', 'c@x.example', '--role', 'quality', '--org', 'second org']),
        password,
      ),
    ).rejects.toThrow('there is no organisation "second org"; did you mean --org "Second Org"?');
    const third = await createAccount(
      database.url,
      createArguments(['--email', 'c@x.example', '--role', 'quality', '--org', 'Second Org']),
      password,
    );
    expect(third.organization).toEqual({ id: second.organization.id, name: 'Second Org', created: false });
    // An update without --org stays in the account's own organisation.
    const updated = await createAccount(
      database.url,
      createArguments(['--email', 'a@one.example', '--role', 'admin', '--update']),
      password,
    );
    expect(updated.organization).toMatchObject({ name: 'My organization', created: false });
  });

  it("gives a director the organisation's programs named by name or id, and lists what each account sees", async () => {
    const [org] = await query<{ id: number }>(
      database.url,
      `INSERT INTO organizations (name) VALUES ('Riverside Recovery') RETURNING id`,
    );
    const programs = await query<{ id: number; name: string }>(
      database.url,
      `INSERT INTO programs (org_id, name, level_of_care) VALUES ($1, 'Riverside IOP', '2.1'), ($1, 'Hillside IOP', '2.1'),
         ($1, 'Riverside OP', '1') RETURNING id, name`,
      [org.id],
    );
    const password = typed('long enough password');
    const hillsideId = programs.find((program) => program.name === 'Hillside IOP')?.id;
    const director = await createAccount(
      database.url,
      createArguments([
        '--email',
        'dana@rr.example',
        '--role',
        'director',
        '--program',
        'riverside iop',
        '--program',
        `${hillsideId}`,
      ]),
      password,
    );
    expect(director.programs.map((program) => program.name)).toEqual(['Riverside IOP', 'Hillside IOP']);

    await expect(
      createAccount(
        database.url,
        createArguments(['--email', 'dee@rr.example', '--role', 'director', '--program', 'Lakeside IOP']),
        password,
      ),
    ).rejects.toThrow(
      `no program "Lakeside IOP" in "Riverside Recovery"; its programs: Hillside IOP (id ${hillsideId}), ` +
        `Riverside IOP (id ${programs[0].id}), Riverside OP (id ${programs[2].id})`,
    );
    await expect(
      createAccount(
        database.url,
        createArguments(['--email', 'dee@new.example', '--role', 'director', '--org', 'New Org', '--program', 'IOP']),
        password,
      ),
    ).rejects.toThrow('the organisation "New Org" has no programs yet');
    // A refused command wrote nothing, not even the organisation it would have created.
    expect(await query(database.url, `SELECT 1 FROM organizations WHERE name = 'New Org'`)).toHaveLength(0);

    await createAccount(
      database.url,
      createArguments(['--email', 'pat@rr.example', '--role', 'payer', '--payer', 'medicaid', '--name', 'Pat Payer']),
      password,
    );
    await createAccount(database.url, createArguments(['--email', 'ada@rr.example', '--role', 'admin']), password);
    await query(database.url, `UPDATE users SET disabled = true WHERE email = 'pat@rr.example'`);
    expect(formatAccountList(await listAccounts(database.url))).toBe(
      [
        'e-mail           role      name       organization        sees                         status',
        'ada@rr.example   admin     ada        Riverside Recovery  everything                   active',
        'dana@rr.example  director  dana       Riverside Recovery  Hillside IOP, Riverside IOP  active',
        'pat@rr.example   payer     Pat Payer  Riverside Recovery  medicaid episodes            disabled',
        '',
      ].join('\n'),
    );
  });
});

describe('npm run users, as a command', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
  });
  afterAll(() => database.drop());

  const run = (argv: string[], stdin = '') => {
    const result = spawnSync(
      path.join(workspaceRoot, 'node_modules/.bin/tsx'),
      ['--tsconfig', 'tsconfig.base.json', 'tools/db/src/cli/users.ts', ...argv],
      { cwd: workspaceRoot, env: { ...process.env, DATABASE_URL: database.url }, input: stdin, encoding: 'utf8' },
    );
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it('migrates, creates from a piped password, lists, and exits 1 when refused and 2 on a bad command line', () => {
    const created = run(['create', '--email', 'admin@clinic.example', '--role', 'admin'], 'piped password 1\n');
    expect(created).toEqual({
      status: 0,
      stdout: 'created admin admin@clinic.example in "My organization" (new)\n',
      stderr: '',
    });

    const again = run(['create', '--email', 'admin@clinic.example', '--role', 'admin'], 'piped password 1\n');
    expect(again.status).toBe(1);
    expect(again.stderr).toBe(
      'error: an account with the e-mail admin@clinic.example already exists (role admin); add --update to change it\n',
    );

    const withPassword = run(['create', '--email', 'q@clinic.example', '--role', 'quality', '--password', 'x']);
    expect(withPassword.status).toBe(2);
    expect(withPassword.stderr).toMatch(/^error: --password is not accepted: .*\nusage: npm run users -- create/);

    const listed = run(['list']);
    expect(listed.status).toBe(0);
    expect(listed.stdout).toBe(
      'e-mail                role   name   organization     sees        status\n' +
        'admin@clinic.example  admin  admin  My organization  everything  active\n',
    );
  });
});
