import { StartupError } from '@iop/db-server';
import { Client } from 'pg';

const YES = ['true', '1', 'yes'];
const NO = ['false', '0', 'no'];

/**
 * Whether `npm start` seeds the demo network into an empty database: IOP_DEMO when set (true/false), else not
 * after `npm run db:reset -- --empty` (its marker file exists), else yes.
 */
export function demoWanted(setting: string | undefined, startEmptyMarkerExists: boolean): boolean {
  const value = setting?.trim().toLowerCase();
  if (value === undefined || value === '') return !startEmptyMarkerExists;
  if (YES.includes(value)) return true;
  if (NO.includes(value)) return false;
  throw new StartupError(`IOP_DEMO must be true or false, not "${setting}"`);
}

/** What the database holds, as far as the first start cares. */
export interface DatabaseContents {
  /** The organisations by name: an account or an import made them, so the database is someone's, not empty. */
  organizations: string[];
  /** Any loaded data set (an import, or the demo network). */
  hasData: boolean;
  /** An admin who can sign in (not disabled). */
  hasAdmin: boolean;
}

export async function readDatabaseContents(url: string): Promise<DatabaseContents> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<DatabaseContents>(
      `SELECT ARRAY(SELECT name FROM organizations ORDER BY name) AS organizations,
              EXISTS (SELECT 1 FROM dataset_meta) AS "hasData",
              EXISTS (SELECT 1 FROM users WHERE role = 'admin' AND NOT disabled) AS "hasAdmin"`,
    );
    return rows[0];
  } finally {
    await client.end();
  }
}

/**
 * The demo network goes only into a database with nothing in it: not over data, and not into an organisation
 * that `npm run users` or an import created (seeding would rename it and replace its programs).
 */
export function isEmptyDatabase(contents: DatabaseContents): boolean {
  return contents.organizations.length === 0 && !contents.hasData;
}

/**
 * What to do next on a database without an admin or without data, in the words of the commands that do it,
 * both naming the same organisation (the only one there is, if any), so that the admin sees the imported data.
 * With the embedded database the commands need `npm start` stopped first: the database serves one process.
 */
export function firstStepsText(contents: DatabaseContents, embeddedDatabase: boolean): string {
  if (contents.hasAdmin && contents.hasData) return '';
  const organization = shellQuoted(
    contents.organizations.length === 1 ? contents.organizations[0] : 'Your organization',
  );
  const lines = [
    embeddedDatabase
      ? '  Next steps (stop this server with Ctrl-C first: the embedded database serves one process at a time):'
      : '  Next steps:',
  ];
  if (!contents.hasAdmin) {
    lines.push(
      '    create the first admin (the password is asked for):',
      `      npm run users -- create --email you@example.org --role admin --org ${organization}`,
    );
  }
  if (!contents.hasData) {
    lines.push(
      "    import your program's data (CSV or FHIR R4 files; docs/DATA-IMPORT.md):",
      `      npm run import -- --org ${organization} --source ehr-export ./export/`,
    );
  }
  lines.push('    then npm start again.');
  return `${lines.join('\n')}\n`;
}

/** The name as one shell word: in double quotes when that is safe, else in single quotes. */
function shellQuoted(text: string): string {
  return /^[\w .,&()-]*$/.test(text) ? `"${text}"` : `'${text.replace(/'/g, `'\\''`)}'`;
}
