import { formatCalendarDate, formatConfidenceInterval, formatCount, formatPercent } from './number-format';

describe('display formats', () => {
  it('groups thousands in counts', () => {
    expect(formatCount(1500)).toBe('1,500');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(1234567)).toBe('1,234,567');
  });

  it('shows proportions as percentages with one decimal', () => {
    expect(formatPercent(0.7834)).toBe('78.3%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(0)).toBe('0.0%');
  });

  it('writes a Wilson interval with an en dash', () => {
    expect(formatConfidenceInterval([0.7612, 0.8049])).toBe('95% CI 76.1%–80.5%');
  });

  it('keeps calendar dates on their day whatever the time zone', () => {
    expect(formatCalendarDate('2025-06-30')).toBe('Jun 30, 2025');
    expect(formatCalendarDate('2025-01-01T00:00:00.000Z')).toBe('Jan 1, 2025');
    expect(formatCalendarDate('not a date')).toBe('not a date');
  });
});
