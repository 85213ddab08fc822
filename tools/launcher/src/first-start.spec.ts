import { createTestDatabase, type TestDatabase } from '@iop/db-server/testing';
import { Client } from 'pg';
import {
  type DatabaseContents,
  demoWanted,
  firstStepsText,
  isEmptyDatabase,
  readDatabaseContents,
} from './first-start';

describe('whether npm start seeds the demo network', () => {
  it.each([
    [undefined, false, true],
    ['', false, true],
    [undefined, true, false],
    ['false', false, false],
    ['0', false, false],
    ['No', false, false],
    ['true', true, true],
    [' 1 ', true, true],
    ['yes', false, true],
  ])('IOP_DEMO=%j with the start-empty marker %j: %j', (setting, marker, expected) => {
    expect(demoWanted(setting, marker)).toBe(expected);
  });

  it('refuses an IOP_DEMO that is neither true nor false', () => {
    expect(() => demoWanted('flase', false)).toThrow('IOP_DEMO must be true or false, not "flase"');
  });

  it('seeds only a database without organisations and data', () => {
    const nothing: DatabaseContents = { organizations: [], hasData: false, hasAdmin: false };
    expect(isEmptyDatabase(nothing)).toBe(true);
    expect(isEmptyDatabase({ ...nothing, organizations: ['My organization'], hasAdmin: true })).toBe(false);
    expect(isEmptyDatabase({ ...nothing, organizations: ['Synthetic IOP Network'], hasData: true })).toBe(false);
  });
});

describe('the next steps npm start prints', () => {
  it('on an empty embedded database: stop, create the admin, import, start again', () => {
    expect(firstStepsText({ organizations: [], hasData: false, hasAdmin: false }, true)).toBe(
      [
        '  Next steps (stop this server with Ctrl-C first: the embedded database serves one process at a time):',
        '    create the first admin (the password is asked for):',
        '      npm run users -- create --email you@example.org --role admin --org "Your organization"',
        "    import your program's data (CSV or FHIR R4 files; docs/DATA-IMPORT.md):",
        '      npm run import -- --org "Your organization" --source ehr-export ./export/',
        '    then npm start again.',
        '',
      ].join('\n'),
    );
  });

  it("with an admin but no data, on DATABASE_URL: the import, into the only organisation's name", () => {
    expect(firstStepsText({ organizations: ["St. Mary's Recovery"], hasData: false, hasAdmin: true }, false)).toBe(
      [
        '  Next steps:',
        "    import your program's data (CSV or FHIR R4 files; docs/DATA-IMPORT.md):",
        `      npm run import -- --org 'St. Mary'\\''s Recovery' --source ehr-export ./export/`,
        '    then npm start again.',
        '',
      ].join('\n'),
    );
  });

  it('with data but no admin: the admin; with both: nothing', () => {
    const imported = { organizations: ['Riverside', 'Hillside'], hasData: true, hasAdmin: false };
    expect(firstStepsText(imported, false)).toBe(
      [
        '  Next steps:',
        '    create the first admin (the password is asked for):',
        '      npm run users -- create --email you@example.org --role admin --org "Your organization"',
        '    then npm start again.',
        '',
      ].join('\n'),
    );
    expect(firstStepsText({ ...imported, hasAdmin: true }, true)).toBe('');
  });
});

describe('readDatabaseContents', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  async function sql(text: string): Promise<void> {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  }

  it('sees organisations, data, and only an admin who is not disabled', async () => {
    await expect(readDatabaseContents(database.url)).resolves.toEqual({
      organizations: [],
      hasData: false,
      hasAdmin: false,
    });
    await sql(`INSERT INTO organizations (id, name) VALUES (1, 'Riverside'), (2, 'Hillside')`);
    await sql(`INSERT INTO users (org_id, email, password_hash, role, disabled) VALUES (1, 'a@r.example', 'x', 'admin', true),
                 (1, 'q@r.example', 'x', 'quality', false)`);
    await expect(readDatabaseContents(database.url)).resolves.toEqual({
      organizations: ['Hillside', 'Riverside'],
      hasData: false,
      hasAdmin: false,
    });
    await sql(`UPDATE users SET disabled = false`);
    await sql(`INSERT INTO dataset_meta (org_id, as_of, generated_by) VALUES (2, '2026-06-30', '{}')`);
    await expect(readDatabaseContents(database.url)).resolves.toEqual({
      organizations: ['Hillside', 'Riverside'],
      hasData: true,
      hasAdmin: true,
    });
  });
});
