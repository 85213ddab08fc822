import { toFlowDisplay } from './flow-display';

describe('toFlowDisplay', () => {
  it('turns months into two line series and table rows with the same numbers', () => {
    const display = toFlowDisplay({
      asOf: '2024-09-30',
      points: [
        { period: '2024-07', admissions: 41, discharges: 5 },
        { period: '2024-08', admissions: 48, discharges: 20 },
        { period: '2024-09', admissions: 67, discharges: 38 },
      ],
    });
    expect(display.series).toEqual([
      {
        name: 'Admissions',
        series: [
          { name: 'Jul 2024', value: 41 },
          { name: 'Aug 2024', value: 48 },
          { name: 'Sep 2024', value: 67 },
        ],
      },
      {
        name: 'Discharges',
        series: [
          { name: 'Jul 2024', value: 5 },
          { name: 'Aug 2024', value: 20 },
          { name: 'Sep 2024', value: 38 },
        ],
      },
    ]);
    expect(display.table.rows).toEqual([
      { month: 'Jul 2024', admissions: 41, discharges: 5 },
      { month: 'Aug 2024', admissions: 48, discharges: 20 },
      { month: 'Sep 2024', admissions: 67, discharges: 38 },
    ]);
    expect(display.admissions).toBe(156);
    expect(display.discharges).toBe(63);
    expect(display.isEmpty).toBe(false);
  });

  it('labels about six months, always the latest', () => {
    const points = Array.from({ length: 24 }, (_, i) => ({
      period: `${2024 + Math.floor((i + 6) / 12)}-${String(((i + 6) % 12) + 1).padStart(2, '0')}`,
      admissions: 1,
      discharges: 0,
    }));
    const display = toFlowDisplay({ asOf: '2026-06-30', points });
    expect(display.ticks).toEqual(['Oct 2024', 'Feb 2025', 'Jun 2025', 'Oct 2025', 'Feb 2026', 'Jun 2026']);
  });

  it('is empty without months', () => {
    expect(toFlowDisplay({ asOf: null, points: [] }).isEmpty).toBe(true);
  });
});
