import { toCsv } from './frame-table';
import { FUNNEL } from './funnel-fixture.spec-data';
import { NETWORK_ROW_LABEL, toFunnelTable } from './funnel-table';

describe('toFunnelTable', () => {
  const table = toFunnelTable(FUNNEL, {
    unit: 'Counselor',
    rate: 'Attendance rate',
    numerator: 'Attended',
    denominator: 'Appointments',
  });

  it("lists the units in the API's order with their limits and place, then the withheld units, then the network", () => {
    expect(table.rows.map((row) => [row['unit'], row['place']])).toEqual([
      ['Counselor Jo Lee', 'Below what chance explains'],
      ['Counselor Sam Ortiz', 'Within what chance explains'],
      ['Counselor Alex Brown', 'Above what chance explains'],
      ['Counselor Kim Park', 'Above the 95% limit, within what chance explains at 99.8%'],
      ['Counselor Ray Cole', 'Withheld: not placed'],
      [NETWORK_ROW_LABEL, 'The target the limits surround'],
    ]);
    expect(table.rows[0]).toEqual({
      unit: 'Counselor Jo Lee',
      rate: 0.6,
      numerator: 30,
      denominator: 50,
      lower95: 0.689,
      upper95: 0.911,
      lower998: 0.625,
      upper998: 0.975,
      place: 'Below what chance explains',
    });
  });

  it('carries nothing but the reason for a withheld unit, in the table and the CSV', () => {
    const withheld = table.rows[4];
    expect(Object.values(withheld).filter((value) => typeof value === 'number')).toEqual([]);
    expect(toCsv(table).split(/\r?\n/)[5]).toBe('Counselor Ray Cole,fewer than 11,,,,,,,Withheld: not placed');
  });
});
