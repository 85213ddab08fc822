import { toDataQualityDisplay } from './data-quality-format';
import { QUALITY_REPORT } from './testing/import-fixtures';

describe('data quality display', () => {
  const display = toDataQualityDisplay(QUALITY_REPORT);

  it('lists each table with its rows, latest service date and lag', () => {
    expect(display.tables).toEqual([
      { table: 'Patients', rows: '1,200', latestServiceDate: '—', lagDays: '—' },
      { table: 'Episodes', rows: '1,350', latestServiceDate: 'Feb 27, 2026', lagDays: '3' },
      { table: 'Charges', rows: '0', latestServiceDate: '—', lagDays: '—' },
    ]);
  });

  it('gives each optional field its share of present values, and marks those under half', () => {
    expect(display.completeness).toEqual([
      // 1,104 / 1,200 = 0.92
      { table: 'Patients', field: 'zip3', present: '1,104', rows: '1,200', share: '92.0%', low: false },
      // 1,283 / 1,350 = 0.9504
      { table: 'Episodes', field: 'referral_date', present: '1,283', rows: '1,350', share: '95.0%', low: false },
      // 540 / 1,350 = 0.4
      { table: 'Episodes', field: 'discharge_date', present: '540', rows: '1,350', share: '40.0%', low: true },
      // An empty table has no share.
      { table: 'Charges', field: 'amount', present: '0', rows: '0', share: '—', low: false },
    ]);
  });

  it('lists the out-of-range checks, then the orphan checks, of each table', () => {
    expect(display.checks).toEqual([
      {
        table: 'Patients',
        kind: 'Out of range',
        check: 'patient older than 90 or younger than 12 at admission',
        rows: '3',
        flagged: true,
      },
      { table: 'Patients', kind: 'Orphans', check: 'patients with no episode', rows: '0', flagged: false },
      { table: 'Episodes', kind: 'Out of range', check: 'episode longer than 365 days', rows: '2', flagged: true },
      { table: 'Episodes', kind: 'Orphans', check: 'episodes with no appointment', rows: '14', flagged: true },
    ]);
  });
});
