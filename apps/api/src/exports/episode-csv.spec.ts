import type { EpisodeFilters, UserRole } from '@iop/contracts';
import fc from 'fast-check';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { AccessScope } from '../access/access-scope';
import { createTestUser, startFixtureApp, type TestApp } from '../testing/test-app';
import { CsvRecordCounter } from './csv-record-counter';
import { deIdentify } from './de-identify';
import { EpisodeCsvCopy } from './episode-csv.copy';
import { ATTENDANCE_RATE, EPISODE_CSV_SETTINGS, episodeCsvCopySql } from './episode-csv.sql';
import { DEIDENTIFIED_COLUMNS, IDENTIFIED_COLUMNS } from './episode-export.columns';
import { EpisodeExportQuery } from './episode-export.query';
import { sqlLiteral } from './sql-literal';
import { writeCsvExport } from './tabular-export';
import { EXPORT_EDGE_FIXTURE_SQL } from './testing/export-edge-fixture';

const EVERYTHING: AccessScope = { programIds: null, payer: null, smallCells: 'exact' };

/** A Writable that keeps what it is given, as text. */
function sink(): { output: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  return { output, text: () => Buffer.concat(chunks).toString('utf8') };
}

describe('episode CSV written by PostgreSQL (COPY) against PostgreSQL', () => {
  let api: TestApp;
  const tokens = {} as Record<UserRole, string>;

  beforeAll(async () => {
    api = await startFixtureApp(EXPORT_EDGE_FIXTURE_SQL);
    const users: Array<{ role: UserRole; programIds?: number[] }> = [
      { role: 'director', programIds: [2, 3, 4] },
      { role: 'quality' },
      { role: 'admin' },
    ];
    for (const user of users) {
      const email = `${user.role}@episode-csv.test`;
      await createTestUser(api.databaseUrl, { ...user, email, password: `${user.role}-password` });
      tokens[user.role] = await api.signIn(email, `${user.role}-password`);
    }
  });
  afterAll(() => api.close());

  const download = (role: UserRole, path: string, signal?: AbortSignal) =>
    fetch(`${api.baseUrl}${path}`, { headers: { authorization: `Bearer ${tokens[role]}` }, signal });

  async function withClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: api.databaseUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  /** The CSV as the API wrote it before COPY: keyset batches, zod, deIdentify for quality, csv-stringify. */
  async function csvWrittenInJavaScript(deIdentified: boolean, scope: AccessScope, filters: EpisodeFilters) {
    const source = api.app.get(EpisodeExportQuery).rows(scope, filters, 3);
    async function* rows() {
      for await (const row of source) yield deIdentified ? deIdentify(row) : row;
    }
    const { output, text } = sink();
    await writeCsvExport(deIdentified ? DEIDENTIFIED_COLUMNS : IDENTIFIED_COLUMNS, rows(), output);
    return text();
  }

  async function csvWrittenByCopy(deIdentified: boolean, scope: AccessScope, filters: EpisodeFilters) {
    const { output, text } = sink();
    const columns = deIdentified ? DEIDENTIFIED_COLUMNS : IDENTIFIED_COLUMNS;
    const counter = new CsvRecordCounter();
    await api.app.get(EpisodeCsvCopy).write(deIdentified, columns, scope, filters, output, counter);
    return { csv: text(), records: counter.records };
  }

  it('writes, byte for byte, what the JavaScript writer wrote, identified and de-identified, on every edge case', async () => {
    const selections: Array<[AccessScope, EpisodeFilters]> = [
      [EVERYTHING, {}],
      [{ ...EVERYTHING, programIds: [2, 3, 4] }, {}],
      [EVERYTHING, { programId: [1, 4, 10], payer: ['commercial', 'medicaid'] }],
      [EVERYTHING, { from: '2025-01-01', to: '2025-03-10', ageBand: ['65+', '35-44'] }],
      [{ ...EVERYTHING, payer: 'medicare' }, { substance: ['stimulants', 'alcohol'] }],
      [EVERYTHING, { levelOfCare: ['4'] }],
    ];
    for (const [scope, filters] of selections) {
      for (const deIdentified of [false, true]) {
        const expected = await csvWrittenInJavaScript(deIdentified, scope, filters);
        const { csv, records } = await csvWrittenByCopy(deIdentified, scope, filters);
        expect({ scope, filters, deIdentified, csv }).toEqual({ scope, filters, deIdentified, csv: expected });
        expect(records).toBe(expected.split('\n').length - 1 - (expected.match(/Two\nlines/g)?.length ?? 0));
      }
    }
  });

  it("over HTTP: what each role downloads is the JavaScript writer's CSV, with the edge cases as expected", async () => {
    const admin = await (await download('admin', '/api/v1/exports/episodes.csv')).text();
    expect(admin).toBe(await csvWrittenInJavaScript(false, EVERYTHING, {}));
    const director = await (await download('director', '/api/v1/exports/episodes.csv?payer=commercial')).text();
    expect(director).toBe(
      await csvWrittenInJavaScript(false, { ...EVERYTHING, programIds: [2, 3, 4] }, { payer: ['commercial'] }),
    );
    const quality = await (await download('quality', '/api/v1/exports/episodes.csv')).text();
    expect(quality).toBe(await csvWrittenInJavaScript(true, EVERYTHING, {}));

    // Written out by hand, so that the comparison does not rest on the old writer alone.
    expect(admin.split('\n').slice(0, 3)).toEqual([
      'episodeId,patientKey,program,levelOfCare,payer,primarySubstance,ageAtAdmission,ageBand,sex,zip3,admitDate,' +
        'dischargeDate,lengthOfStayDays,dischargeReason,attendanceRate,complianceScore,retained90,completed,' +
        'abstinentFinal4Weeks',
      '1,P1,Evening IOP,2.1,medicaid,alcohol,35,35-44,female,036,2025-01-06,2025-02-20,46,Completed,0.3333,0,false,true,false',
      `2,'+P2,"Day ""Plus"", Outpatient",1,commercial,opioids,89,65+,male,606,2025-01-10,2025-04-20,101,Dropped out,0.6667,1,true,false,false`,
    ]);
    expect(quality).toContain('\n"Day ""Plus"", Outpatient",1,commercial,opioids,89,65+,male,606,2025,2025,101,');
    expect(quality).toContain(`\n"'=HYPERLINK(""http://x"")",2.5,medicare,stimulants,90+,65+,other,,2025,2025,2,`);
    expect(quality).toContain('\n"Two\nlines",2.1,self_pay,cannabis,90+,65+,unknown,000,2024,2025,2,Transferred,,');
    expect(quality).toContain(`\n'-Minus,2.1,other,other,35,'=1,,100,2025,2025,120,Incarcerated,`);
    expect(quality).toContain(`\n"'\rCarriage",2.1,medicare,alcohol,90+,65+,unknown,000,2025,,`);
    expect(quality).not.toMatch(/P1|P2|K,|036|893|2025-01-06/);
  });

  it('keeps hostile filter values inside their literals: nothing selects more than the value itself', async () => {
    const hostile = [
      "medicaid' OR 'a'='a",
      "x'); DROP TABLE episodes; --",
      "\\'; SELECT 1; --",
      'medicaid\\',
      '$1',
      "E'\\x27",
    ];
    const header = (await csvWrittenByCopy(false, EVERYTHING, {})).csv.split('\n')[0];
    for (const value of hostile) {
      const scope = { ...EVERYTHING, payer: value } as unknown as AccessScope;
      const filters = { payer: [value], substance: [value], from: undefined } as unknown as EpisodeFilters;
      expect((await csvWrittenByCopy(false, scope, {})).csv).toBe(`${header}\n`);
      expect((await csvWrittenByCopy(true, EVERYTHING, filters)).records).toBe(1);
    }
    // The same path selects when the value is a real one, and the episodes are all still there.
    const medicaid = await csvWrittenByCopy(false, { ...EVERYTHING, payer: 'medicaid' }, {});
    expect(medicaid.records).toBe(4);
    expect(
      await withClient(
        async (client) => (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM episodes')).rows,
      ),
    ).toEqual([{ n: 10 }]);
    // Over HTTP such values never get this far: the filters are validated (400) and nothing is exported.
    const refused = await download('admin', `/api/v1/exports/episodes.csv?payer=${encodeURIComponent(hostile[0])}`);
    expect(refused.status).toBe(400);
    const nul = await download('admin', '/api/v1/exports/episodes.csv?substance=alcohol%00');
    expect(nul.status).toBe(400);
  });

  it('writes any text or list of texts as a literal that PostgreSQL reads back unchanged, whatever its quoting mode', async () => {
    expect(() => sqlLiteral('a\0b')).toThrow('NUL');
    expect(() => sqlLiteral(Number.NaN)).toThrow();
    expect(() => sqlLiteral({ toString: () => "'" })).toThrow();
    const text = fc.string({ unit: 'grapheme' }).filter((value) => !value.includes('\0'));
    const tricky = fc.stringMatching(/^['\\$E"; \-\n]*$/);
    await withClient(async (client) => {
      for (const conforming of ['on', 'off']) {
        await client.query(`SET standard_conforming_strings = ${conforming}`);
        await fc.assert(
          fc.asyncProperty(
            fc.oneof(text, tricky),
            fc.array(fc.oneof(text, tricky), { maxLength: 4 }),
            async (one, many) => {
              const { rows } = await client.query<{ one: string; many: string[]; n: string }>(
                `SELECT ${sqlLiteral(one)}::text AS one, ${sqlLiteral(many)}::text[] AS many, ${sqlLiteral(42)}::int AS n`,
              );
              expect(rows).toEqual([{ one, many, n: 42 }]);
            },
          ),
          { numRuns: 150 },
        );
      }
    });
  });

  it("writes the same bytes whatever the session's DateStyle and extra_float_digits, and reads first characters as characters", async () => {
    const expected = await csvWrittenInJavaScript(false, EVERYTHING, {});
    const csv = await withClient(async (client) => {
      // What a pool or a role could have set: dates as 31/12/2025, floats to 15 digits (0.3333 would stay, but
      // a float8 such as 0.1 + 0.2 would print differently).
      await client.query(`SET DateStyle = 'SQL, DMY'`);
      await client.query('SET extra_float_digits = 0');
      await client.query('BEGIN');
      for (const setting of EPISODE_CSV_SETTINGS) await client.query(setting);
      const { output, text } = sink();
      await pipeline(client.query(copyTo(episodeCsvCopySql(false, IDENTIFIED_COLUMNS, EVERYTHING, {}))), output);
      // A first character outside ASCII (even a fullwidth equals sign) is not a formula start: no quote added.
      await client.query(`UPDATE programs SET name = 'Évening IOP' WHERE id = 1`);
      await client.query(`UPDATE patients SET patient_key = '＝P1' WHERE id = 1`);
      const lines = sink();
      const sql = episodeCsvCopySql(false, IDENTIFIED_COLUMNS, EVERYTHING, { programId: [1] });
      await pipeline(client.query(copyTo(sql)), lines.output);
      await client.query('ROLLBACK');
      return { whole: text(), renamed: lines.text().split('\n')[1] };
    });
    expect(csv.whole).toBe(expected);
    expect(csv.renamed).toBe(
      '1,＝P1,Évening IOP,2.1,medicaid,alcohol,35,35-44,female,036,2025-01-06,2025-02-20,46,Completed,0.3333,0,false,true,false',
    );
  });

  it('rounds the attendance rate in integers exactly as round(numerator::numeric / denominator, 4)::float8', async () => {
    // Every pair up to 1,000 appointments, ties such as 1/32 = 0.03125 included (half away from zero: 0.0313), and
    // a few large ones.
    const mismatches = await withClient(async (client) => {
      const { rows } = await client.query<{ pairs: number; mismatches: number; tie: string }>(
        `SELECT count(*)::int AS pairs,
           count(*) FILTER (WHERE (${ATTENDANCE_RATE})::text
             IS DISTINCT FROM round(f.attendance_numerator::numeric / NULLIF(f.attendance_denominator, 0), 4)::float8::text)::int
             AS mismatches,
           max(CASE WHEN f.attendance_numerator = 1 AND f.attendance_denominator = 32 THEN (${ATTENDANCE_RATE})::text END)
             AS tie
         FROM (
           SELECT n AS attendance_numerator, d AS attendance_denominator
           FROM generate_series(0, 1000) AS d, generate_series(0, 1000) AS n WHERE n <= d
           UNION ALL
           SELECT n, d FROM (VALUES (0, 0), (1, 0), (99999, 100000), (1234567, 2469134), (2147483647, 2147483647)) AS v (n, d)
         ) AS f`,
      );
      return rows;
    });
    expect(mismatches).toEqual([{ pairs: 501506, mismatches: 0, tie: '0.0313' }]);
  });

  it('audits an export the client abandons as failed, with the rows that went out, and frees its connection', async () => {
    // 60,000 more episodes (about 9 MB of CSV), so that the download is still running when the client leaves.
    await withClient(async (client) => {
      await client.query(
        `INSERT INTO episodes (id, org_id, program_id, patient_id, level_of_care, referral_source, admit_date,
           discharge_date, discharge_reason, primary_substance, severity, payer, source_system, source_id)
         SELECT 100 + n, 1, 1, 1, '2.1', 'self', '2025-01-06', NULL, NULL, 'alcohol', 1, 'medicaid', 'clone', n::text
         FROM generate_series(1, 60000) AS n;
         SELECT refresh_episode_facts(ARRAY(SELECT generate_series(101, 60100)));`,
      );
    });
    const events = () =>
      withClient(async (client) => {
        const { rows } = await client.query<{ row_count: number; outcome: string }>(
          `SELECT row_count, outcome FROM audit_events WHERE action = 'export.episodes' ORDER BY id`,
        );
        return rows;
      });
    const before = (await events()).length;

    const abort = new AbortController();
    const response = await download('admin', '/api/v1/exports/episodes.csv', abort.signal);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    abort.abort();
    await reader.read().catch(() => undefined);

    let event: { row_count: number; outcome: string } | undefined;
    while (!event) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      event = (await events())[before];
    }
    expect(event.outcome).toBe('failed');
    expect(event.row_count).toBeGreaterThan(0);
    expect(event.row_count).toBeLessThan(60010);

    // The server is no longer sending that COPY, and the pool serves the next export in full.
    let copying = 1;
    while (copying > 0) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      copying = await withClient(async (client) => {
        const { rows } = await client.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE 'COPY (%' AND pid <> pg_backend_pid()`,
        );
        return rows[0].n;
      });
    }
    const full = await (await download('admin', '/api/v1/exports/episodes.csv')).text();
    expect(full.split('\n').length - 2 - 1).toBe(60010);
    expect((await events()).slice(before + 1)).toEqual([{ row_count: 60010, outcome: 'ok' }]);
  });
});
