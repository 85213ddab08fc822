import {
  formatConfidenceInterval,
  formatCount,
  formatCurrency,
  formatDecimal,
  formatEffectEstimate,
  formatPercent,
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
