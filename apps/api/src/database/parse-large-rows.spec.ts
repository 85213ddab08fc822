import { z } from 'zod';
import { parseLargeRows } from './parse-large-rows';
import { QueryRowError } from './parse-rows';
import { pg } from './pg-columns';

/** A few columns of each kind, as in the evidence rows and the export batches. */
const episodeRow = z.object({
  levelOfCare: z.enum(['1', '2.1']),
  admitDate: pg.isoDate,
  lengthOfStay: pg.int,
  dischargeReason: pg.int.nullable(),
  complianceScore: pg.float8.nullable(),
  active: pg.bool,
  chargesCents: pg.int8,
});

const row = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  levelOfCare: '2.1',
  admitDate: '2025-01-06',
  lengthOfStay: 46,
  dischargeReason: 1,
  complianceScore: 0.8,
  active: false,
  chargesCents: '123456',
  ...overrides,
});

describe('parseLargeRows', () => {
  it('reads every row in place: int8 text becomes a number, the rest is kept', () => {
    const rows = [row(), row({ dischargeReason: null, complianceScore: null, active: true, chargesCents: '0' })];
    const parsed = parseLargeRows('EvidenceRowsQuery', episodeRow, rows);
    expect(parsed).toBe(rows);
    expect(parsed).toEqual([
      { ...row(), chargesCents: 123456 },
      { ...row(), dischargeReason: null, complianceScore: null, active: true, chargesCents: 0 },
    ]);
  });

  it('gives an empty list for no rows', () => {
    expect(parseLargeRows('EvidenceRowsQuery', episodeRow, [])).toEqual([]);
  });

  it('fails on a renamed column at the first row, naming the query and the column', () => {
    const renamed = [row(), row()].map(({ lengthOfStay, ...rest }) => ({ ...rest, length_of_stay_days: lengthOfStay }));
    expect(() => parseLargeRows('EvidenceRowsQuery', episodeRow, renamed)).toThrow(QueryRowError);
    expect(() => parseLargeRows('EvidenceRowsQuery', episodeRow, renamed)).toThrow(
      'EvidenceRowsQuery: row 1 of 2: column "lengthOfStay": Invalid input: expected number, received undefined',
    );
  });

  it('fails on a later row whose value has another type, naming the row and the column', () => {
    const rows = [row(), row(), row({ chargesCents: 123456 })];
    expect(() => parseLargeRows('EpisodeExportQuery', episodeRow, rows)).toThrow(
      'EpisodeExportQuery: row 3 of 3: column "chargesCents": expected an int8 as digits, received number',
    );
    expect(() => parseLargeRows('EpisodeExportQuery', episodeRow, [row(), row({ active: null })])).toThrow(
      'EpisodeExportQuery: row 2 of 2: column "active": expected a boolean, received null',
    );
    expect(() => parseLargeRows('EpisodeExportQuery', episodeRow, [row(), row({ lengthOfStay: 4.5 })])).toThrow(
      'row 2 of 2: column "lengthOfStay": expected an integer, received number',
    );
    expect(() => parseLargeRows('EpisodeExportQuery', episodeRow, [row(), row({ levelOfCare: '3.7' })])).toThrow(
      'row 2 of 2: column "levelOfCare": expected one of 1, 2.1, received string',
    );
  });

  it('checks any other column through its own schema, on every row', () => {
    const cellRow = z.object({ time: pg.int, event: z.union([z.literal(0), z.literal(1)]) });
    expect(parseLargeRows('RetentionQuery', cellRow, [{ time: 3, event: 1 }])).toEqual([{ time: 3, event: 1 }]);
    expect(() =>
      parseLargeRows('RetentionQuery', cellRow, [
        { time: 3, event: 1 },
        { time: 4, event: 2 },
      ]),
    ).toThrow('RetentionQuery: row 2 of 2: column "event": expected what its schema accepts, received number');
  });

  it('fails on a later row that lacks a nullable column (missing is not null)', () => {
    const withoutScore = row();
    delete withoutScore['complianceScore'];
    expect(() => parseLargeRows('EvidenceRowsQuery', episodeRow, [row(), withoutScore])).toThrow(
      'EvidenceRowsQuery: row 2 of 2: column "complianceScore": expected a number or null, received undefined',
    );
  });

  it('refuses a result that is not a list of rows', () => {
    expect(() => parseLargeRows('EvidenceRowsQuery', episodeRow, null)).toThrow(
      'EvidenceRowsQuery returned object, not a list of rows',
    );
  });
});
