import type { Payer, UserRole } from '@iop/contracts';
import { Client } from 'pg';

export interface AccountListing {
  email: string;
  role: UserRole;
  displayName: string;
  organization: string;
  payer: Payer | null;
  programs: string[];
  disabled: boolean;
  locked: boolean;
}

/** Every account, by organisation then e-mail, with what it may see. */
export async function listAccounts(url: string): Promise<AccountListing[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<AccountListing>(
      `SELECT u.email, u.role, u.display_name AS "displayName", o.name AS organization, u.payer,
              coalesce(array_agg(p.name ORDER BY p.name) FILTER (WHERE p.id IS NOT NULL), '{}') AS programs,
              u.disabled, coalesce(u.locked_until > now(), false) AS locked
       FROM users u
       JOIN organizations o ON o.id = u.org_id
       LEFT JOIN user_programs up ON up.user_id = u.id
       LEFT JOIN programs p ON p.id = up.program_id
       GROUP BY u.id, o.name
       ORDER BY o.name, lower(u.email)`,
    );
    return rows;
  } finally {
    await client.end();
  }
}

/** What the role lets the account see, as the demo accounts are described. */
function scopeOf(account: AccountListing): string {
  switch (account.role) {
    case 'admin':
      return 'everything';
    case 'quality':
      return 'every program';
    case 'payer':
      return `${account.payer ?? '?'} episodes`;
    case 'director':
      return account.programs.length > 0 ? account.programs.join(', ') : 'no program yet';
  }
}

/** One line per account under a header, in aligned columns; or how to create the first one. */
export function formatAccountList(accounts: AccountListing[]): string {
  if (accounts.length === 0) {
    return 'No accounts yet. Create the first admin: npm run users -- create --email you@example.org --role admin\n';
  }
  const header = ['e-mail', 'role', 'name', 'organization', 'sees', 'status'];
  const lines = accounts.map((account) => [
    account.email,
    account.role,
    account.displayName,
    account.organization,
    scopeOf(account),
    [account.disabled ? 'disabled' : '', account.locked ? 'locked' : ''].filter(Boolean).join(', ') || 'active',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  return [header, ...lines]
    .map((cells) =>
      cells
        .map((cell, column) => cell.padEnd(widths[column]))
        .join('  ')
        .trimEnd(),
    )
    .map((line) => `${line}\n`)
    .join('');
}
