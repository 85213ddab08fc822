import { continuousCoverageEnd, dayNumber, daysCovered, isoDate, shiftedCoverage } from './medication-coverage';

const fill = (on: string, days: number) => ({ on, days, medication: 'buprenorphine' });

describe('medication coverage (shifted forward, gaps bridged up to 7 days)', () => {
  it('shifts an overlapping fill to start the day after the previous one runs out', () => {
    // 01-01 for 10 days covers 01-01..01-10; the 01-05 fill for 10 days moves to 01-11..01-20.
    const spans = shiftedCoverage([fill('2025-01-05', 10), fill('2025-01-01', 10)]);
    expect(spans.map((s) => [s.first - dayNumber('2025-01-01'), s.last - dayNumber('2025-01-01')])).toEqual([
      [0, 9],
      [10, 19],
    ]);
    // Days covered in 01-01..01-15: 10 + 5 = 15; unshifted they would be 01-01..01-14 = 14.
    expect(daysCovered(spans, dayNumber('2025-01-01'), dayNumber('2025-01-15'))).toBe(15);
  });

  it('bridges a gap of 7 uncovered days and stops at a gap of 8', () => {
    // 01-01 covers days 0..9; a fill on day 17 leaves days 10..16 (7) uncovered, on day 18 days 10..17 (8).
    const bridged = shiftedCoverage([fill('2025-01-01', 10), fill('2025-01-18', 10)]);
    // Bridged: the second fill covers days 17..26.
    expect((continuousCoverageEnd(bridged) as number) - dayNumber('2025-01-01')).toBe(26);
    const broken = shiftedCoverage([fill('2025-01-01', 10), fill('2025-01-19', 10)]);
    expect((continuousCoverageEnd(broken) as number) - dayNumber('2025-01-01')).toBe(9);
    expect(continuousCoverageEnd([])).toBeNull();
  });

  it('converts dates to day numbers and back, also past the conversions it remembers', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2024-02-29')).toBe(19_782);
    expect(isoDate(19_783)).toBe('2024-03-01');
    // 60,000 distinct days (1970 to 2134) fill the memory of 50,000 and make it start again; each stays right.
    for (let day = 0; day < 60_000; day += 1) {
      const date = isoDate(day);
      if (dayNumber(date) !== day || isoDate(day) !== date) throw new Error(`day ${day} came back as ${date}`);
    }
    expect(isoDate(59_999)).toBe('2134-04-10');
    expect(dayNumber('2024-02-29')).toBe(19_782);
  });
});
