import {
  formatConfidenceInterval,
  formatCount,
  formatCurrency,
  formatDecimal,
  formatEffectEstimate,
  formatMedianDays,
  formatPercent,
  formatPercentWithInterval,
  formatPValue,
  SMALL_CELL_NOTE,
  WITHHELD_TEXT,
} from './display-format';
import { isSmallCount, restsOnSmallCell } from './rates';

describe('the display formats shared by the dashboard and the PDF reports', () => {
  it('writes counts, percents and intervals as the dashboard always has', () => {
    expect(formatCount(12267)).toBe('12,267');
    expect(formatPercent(0.4553)).toBe('45.5%');
    expect(formatConfidenceInterval([0.4303, 0.4806])).toBe('95% CI 43.0%–48.1%');
  });

  it('writes decimals to one place, dollars whole, effects to three significant digits', () => {
    expect(formatDecimal(7.94)).toBe('7.9');
    expect(formatCurrency(3516.4)).toBe('$3,516');
    expect(formatCurrency(-500)).toBe('-$500');
    expect(formatEffectEstimate(0.012345)).toBe('0.0123');
    expect(formatEffectEstimate(2419.6)).toBe('2,420');
  });

  it('reads a withheld value as "fewer than 11", the threshold of the small-cell rule', () => {
    expect(WITHHELD_TEXT).toBe('fewer than 11');
    expect(SMALL_CELL_NOTE).toBe('Fewer than 11 episodes: exact for you, withheld from payers. Read with care.');
  });
});

describe('p-values', () => {
  it('keep two significant digits, and read as a bound below a thousandth', () => {
    expect(formatPValue(0.34236)).toBe('p = 0.34');
    expect(formatPValue(0.149)).toBe('p = 0.15');
    expect(formatPValue(0.0064)).toBe('p = 0.0064');
    // 0.001 itself is not below a thousandth.
    expect(formatPValue(0.001)).toBe('p = 0.001');
    expect(formatPValue(0.00099)).toBe('p < 0.001');
    expect(formatPValue(1)).toBe('p = 1');
  });
});

describe('a proportion with its interval', () => {
  it('gives the 95% CI after the value, a missing bound as a dash, no bound as no interval', () => {
    expect(formatPercentWithInterval(0.7134, 0.6801, 0.7442)).toBe('71.3% (95% CI 68.0%–74.4%)');
    expect(formatPercentWithInterval(0.5, null, 0.61)).toBe('50.0% (95% CI —–61.0%)');
    expect(formatPercentWithInterval(0.5, null, null)).toBe('50.0%');
  });
});

describe('a median in days with its interval', () => {
  const median = (estimate: number | null, lower: number | null, upper: number | null) => ({ estimate, lower, upper });

  it('writes days and both bounds, a bound never reached as "not reached"', () => {
    expect(formatMedianDays(median(45, 38, 52))).toBe('45 days (95% CI 38–52)');
    expect(formatMedianDays(median(1234, 1001, 1500))).toBe('1,234 days (95% CI 1,001–1,500)');
    expect(formatMedianDays(median(75, 60, null))).toBe('75 days (95% CI 60–not reached)');
    expect(formatMedianDays(median(31, null, null))).toBe('31 days');
  });

  it('reads "not reached" when the curve stays above one half, keeping a lower bound that is reached', () => {
    expect(formatMedianDays(median(null, null, null))).toBe('not reached');
    expect(formatMedianDays(median(null, 121, null))).toBe('not reached (95% CI 121–not reached)');
    expect(formatMedianDays(null)).toBe('not reached');
  });
});

describe('small cells', () => {
  it('are counts of 1 to 10; zero identifies nobody', () => {
    expect([0, 1, 10, 11].map(isSmallCount)).toEqual([false, true, true, false]);
  });

  it('are under a rate when its numerator, denominator or their difference is 1 to 10', () => {
    const rate = (numerator: number, denominator: number) => ({ numerator, denominator, rate: null, ci95: null });
    // 35 of 40 completed: the 5 who did not are a small cell.
    expect(restsOnSmallCell(rate(35, 40))).toBe(true);
    expect(restsOnSmallCell(rate(3, 400))).toBe(true);
    expect(restsOnSmallCell(rate(0, 0))).toBe(false);
    expect(restsOnSmallCell(rate(0, 40))).toBe(false);
    expect(restsOnSmallCell(rate(40, 40))).toBe(false);
    expect(restsOnSmallCell(rate(20, 40))).toBe(false);
  });
});
