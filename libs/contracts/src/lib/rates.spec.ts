import { isSuppressed, RateOrSuppressed } from './rates';

describe('isSuppressed', () => {
  it('tells a suppressed cell from a rate', () => {
    const suppressed: RateOrSuppressed = { suppressed: true, reason: 'fewer than 11' };
    const rate: RateOrSuppressed = { numerator: 3, denominator: 4, rate: 0.75, ci95: [0.3, 0.95] };
    expect(isSuppressed(suppressed)).toBe(true);
    expect(isSuppressed(rate)).toBe(false);
    expect(isSuppressed(null)).toBe(false);
  });
});
