import { z } from 'zod';
import { parseOneRow, parseOptionalRow, parseRows, parseUpdateResult, QueryRowError, resultRows } from './parse-rows';
import { pg } from './pg-columns';

/** Rows as node-postgres hands them over for `SELECT to_char(...) AS period, count(*) AS admissions, ...`. */
const flowRow = z.object({ period: pg.isoMonth, admissions: pg.int8, discharges: pg.int8 });
const FLOW_ROWS = [
  { period: '2025-01', admissions: '3', discharges: '0' },
  { period: '2025-02', admissions: '1', discharges: '2' },
];

describe('parseRows', () => {
  it('turns what node-postgres returns into what the code reads: int8 text into numbers', () => {
    expect(parseRows('FlowQuery', flowRow, FLOW_ROWS)).toEqual([
      { period: '2025-01', admissions: 3, discharges: 0 },
      { period: '2025-02', admissions: 1, discharges: 2 },
    ]);
  });

  it('fails on a renamed column, naming the query, the row and the column', () => {
    const renamed = FLOW_ROWS.map(({ admissions, ...rest }) => ({ ...rest, admitted: admissions }));
    expect(() => parseRows('FlowQuery', flowRow, renamed)).toThrow(QueryRowError);
    expect(() => parseRows('FlowQuery', flowRow, renamed)).toThrow(
      'FlowQuery: row 1 of 2: column "admissions": Invalid input: expected string, received undefined',
    );
  });

  it('fails on a column of another type: an int8 cast to int arrives as a number, not as digits', () => {
    const cast = [{ period: '2025-01', admissions: 3, discharges: '0' }];
    expect(() => parseRows('FlowQuery', flowRow, cast)).toThrow(
      'FlowQuery: row 1 of 1: column "admissions": Invalid input: expected string, received number',
    );
  });

  it('fails on text that is not what the column promises', () => {
    expect(() => parseRows('FlowQuery', flowRow, [{ period: '2025-1', admissions: '3', discharges: '0' }])).toThrow(
      'column "period": expected a month as YYYY-MM',
    );
    expect(() => parseRows('FlowQuery', flowRow, [{ period: '2025-01', admissions: '3.5', discharges: '0' }])).toThrow(
      'column "admissions": expected an int8 as a string of digits',
    );
  });

  it('names the row in which the first bad value is, and at most three of its columns', () => {
    const rows = [...FLOW_ROWS, {}];
    const error = (() => {
      try {
        parseRows('FlowQuery', flowRow, rows);
      } catch (caught) {
        return caught as Error;
      }
      throw new Error('parseRows accepted a row without columns');
    })();
    expect(error.message).toBe(
      'FlowQuery: row 3 of 3: column "period": Invalid input: expected string, received undefined; ' +
        'column "admissions": Invalid input: expected string, received undefined; ' +
        'column "discharges": Invalid input: expected string, received undefined',
    );
  });

  it('refuses a result that is not a list of rows', () => {
    expect(() => parseRows('FlowQuery', flowRow, undefined)).toThrow(
      'FlowQuery returned undefined, not a list of rows',
    );
    expect(() => resultRows('RetentionQuery', { rows: [] })).toThrow(
      'RetentionQuery returned object, not a list of rows',
    );
  });
});

describe('parseOneRow', () => {
  const asOfRow = z.object({ as_of: pg.isoDate.nullable() });

  it('reads the one row of an aggregate', () => {
    expect(parseOneRow('AsOfQuery', asOfRow, [{ as_of: '2025-06-30' }])).toEqual({ as_of: '2025-06-30' });
    expect(parseOneRow('AsOfQuery', asOfRow, [{ as_of: null }])).toEqual({ as_of: null });
  });

  it('fails on a renamed column, naming the query and the column', () => {
    expect(() => parseOneRow('AsOfQuery', asOfRow, [{ asof: '2025-06-30' }])).toThrow(
      'AsOfQuery: row 1 of 1: column "as_of": Invalid input: expected string, received undefined',
    );
  });

  it('fails when there is not exactly one row', () => {
    expect(() => parseOneRow('AsOfQuery', asOfRow, [])).toThrow('AsOfQuery: expected exactly one row, got 0');
    expect(() => parseOneRow('AsOfQuery', asOfRow, [{ as_of: null }, { as_of: null }])).toThrow(
      'AsOfQuery: expected exactly one row, got 2',
    );
  });
});

describe('parseOptionalRow', () => {
  const idRow = z.object({ id: pg.int });

  it('reads the row found, or null when there is none', () => {
    expect(parseOptionalRow('AdminUsersQuery.insert', idRow, [{ id: 7 }])).toEqual({ id: 7 });
    expect(parseOptionalRow('AdminUsersQuery.insert', idRow, [])).toBeNull();
  });

  it('fails on a renamed column, naming the query and the column', () => {
    expect(() => parseOptionalRow('AdminUsersQuery.insert', idRow, [{ user_id: 7 }])).toThrow(
      'AdminUsersQuery.insert: row 1 of 1: column "id": Invalid input: expected number, received undefined',
    );
  });

  it('fails when a lookup by key finds two rows', () => {
    expect(() => parseOptionalRow('AdminUsersQuery.byId', idRow, [{ id: 1 }, { id: 2 }])).toThrow(
      'AdminUsersQuery.byId: expected at most one row, got 2',
    );
  });
});

describe('parseUpdateResult', () => {
  const workRow = z.object({ id: pg.uuid, requestedBy: pg.int });
  const ID = '6f1c1d52-4a8e-4c1e-9a57-6b8f0a0e2f11';

  it('reads the RETURNING rows and the count TypeORM gives for an UPDATE', () => {
    expect(parseUpdateResult('ReportsQuery.startAttempt', workRow, [[{ id: ID, requestedBy: 3 }], 1])).toEqual({
      rows: [{ id: ID, requestedBy: 3 }],
      affected: 1,
    });
    expect(parseUpdateResult('ReportsQuery.startAttempt', workRow, [[], 0])).toEqual({ rows: [], affected: 0 });
  });

  it('fails on a renamed column of the RETURNING clause, naming the query and the column', () => {
    expect(() => parseUpdateResult('ReportsQuery.startAttempt', workRow, [[{ id: ID, requested_by: 3 }], 1])).toThrow(
      'ReportsQuery.startAttempt: row 1 of 1: column "requestedBy": Invalid input: expected number, received undefined',
    );
  });

  it('fails on what is not an UPDATE result', () => {
    expect(() => parseUpdateResult('ReportsQuery.startAttempt', workRow, [{ id: ID, requestedBy: 3 }])).toThrow(
      'ReportsQuery.startAttempt: expected [rows, affected] from an UPDATE or DELETE',
    );
  });
});
