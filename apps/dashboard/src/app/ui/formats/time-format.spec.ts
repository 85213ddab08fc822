import { formatBytes, formatDuration, formatInstant } from './time-format';

describe('time and size formats', () => {
  it('writes instants in UTC and says so', () => {
    expect(formatInstant('2026-03-02T09:30:00.000Z')).toMatch(/^Mar 2, 2026, 9:30\sAM UTC$/);
    // 23:30 in New York is the next day in UTC.
    expect(formatInstant('2026-03-02T23:30:00-05:00')).toMatch(/^Mar 3, 2026, 4:30\sAM UTC$/);
    expect(formatInstant('soon')).toBe('soon');
  });

  it('writes durations in the unit that reads best', () => {
    expect(formatDuration(0.42)).toBe('0.4 s');
    expect(formatDuration(2.4)).toBe('2.4 s');
    expect(formatDuration(12.6)).toBe('13 s');
    expect(formatDuration(59.4)).toBe('59 s');
    expect(formatDuration(125)).toBe('2 min 5 s');
    expect(formatDuration(3720)).toBe('1 h 2 min');
  });

  it('writes sizes in multiples of 1024, as the API states its limit', () => {
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(812)).toBe('812 bytes');
    expect(formatBytes(1023)).toBe('1023 bytes');
    // 48,213 / 1,024 = 47.08
    expect(formatBytes(48_213)).toBe('47.1 kB');
    expect(formatBytes(512 * 1024 * 1024)).toBe('512 MB');
    expect(formatBytes(1.5 * 1024 ** 3)).toBe('1.5 GB');
  });
});
