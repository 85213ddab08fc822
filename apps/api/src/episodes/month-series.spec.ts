import { fillMonths, monthsFromTo } from './month-series';

describe('monthsFromTo', () => {
  it('counts across a year boundary', () => {
    expect(monthsFromTo('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
  });

  it('gives the one month when first and last are the same', () => {
    expect(monthsFromTo('2025-06', '2025-06')).toEqual(['2025-06']);
  });

  it('gives nothing when last comes before first', () => {
    expect(monthsFromTo('2025-03', '2025-02')).toEqual([]);
  });

  it('spans more than a year, February included, month by month', () => {
    const months = monthsFromTo('2023-12', '2025-01');
    expect(months).toHaveLength(14);
    expect(months.slice(0, 4)).toEqual(['2023-12', '2024-01', '2024-02', '2024-03']);
    expect(months.slice(-2)).toEqual(['2024-12', '2025-01']);
  });

  it('refuses what is not a month', () => {
    expect(() => monthsFromTo('2025-13', '2026-01')).toThrow('Not a YYYY-MM month: 2025-13');
    expect(() => monthsFromTo('2025-01', 'soon')).toThrow('Not a YYYY-MM month: soon');
  });
});

describe('fillMonths', () => {
  const point = (month: string, value: number) => ({ month, value });
  const fill = (items: Array<{ month: string; value: number }>) =>
    fillMonths(
      items,
      (item) => item.month,
      (month) => point(month, 0),
    );

  it('fills the gaps between the first and the last month, keeping the items given', () => {
    expect(fill([point('2024-10', 3), point('2025-01', 5), point('2025-03', 1)])).toEqual([
      point('2024-10', 3),
      point('2024-11', 0),
      point('2024-12', 0),
      point('2025-01', 5),
      point('2025-02', 0),
      point('2025-03', 1),
    ]);
  });

  it('leaves a single month alone', () => {
    expect(fill([point('2025-12', 7)])).toEqual([point('2025-12', 7)]);
  });

  it('adds nothing to consecutive months, and nothing to an empty series', () => {
    expect(fill([point('2025-12', 1), point('2026-01', 2)])).toEqual([point('2025-12', 1), point('2026-01', 2)]);
    expect(fill([])).toEqual([]);
  });

  it('returns the very items it was given where a month has one', () => {
    const given = point('2025-05', 9);
    expect(fill([given, point('2025-07', 1)])[0]).toBe(given);
  });
});
