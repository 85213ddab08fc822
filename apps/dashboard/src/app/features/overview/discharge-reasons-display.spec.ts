import { toDischargeReasonsDisplay } from './discharge-reasons-display';
import { DISCHARGE_REASONS } from './overview-test-data';

describe('toDischargeReasonsDisplay', () => {
  it('draws each reason by its share, labelled with share and count', () => {
    const display = toDischargeReasonsDisplay(DISCHARGE_REASONS);
    expect(display.bars).toEqual([
      { name: 'Completed', value: 0.33478 },
      { name: 'Dropped out', value: 0.25797 },
      { name: 'Other', value: 0 },
    ]);
    expect(display.labelOfShare(0.33478)).toBe('33.5% (462)');
    expect(display.labelOfShare(0)).toBe('0.0% (0)');
    expect(display.shareAxisMax).toBeCloseTo(0.33478 * 1.35);
    expect(display.discharged).toBe(1380);
    expect(display.active).toBe(120);
  });

  it('lists every reason in the table, a withheld one as "fewer than 11"', () => {
    const display = toDischargeReasonsDisplay(DISCHARGE_REASONS);
    expect(display.table.rows).toEqual([
      { reason: 'Completed', episodes: 462, share: 0.33478, ciLow: 0.31037, ciHigh: 0.36011 },
      { reason: 'Dropped out', episodes: 356, share: 0.25797, ciLow: 0.23558, ciHigh: 0.2817 },
      { reason: 'Death', episodes: 'fewer than 11', share: 'fewer than 11', ciLow: null, ciHigh: null },
      { reason: 'Other', episodes: 0, share: 0, ciLow: 0, ciHigh: 0.00278 },
    ]);
    expect(display.withheld).toEqual(['Death']);
  });

  it('is empty when no selected episode exists', () => {
    expect(toDischargeReasonsDisplay({ asOf: null, discharged: 0, active: 0, reasons: [] }).isEmpty).toBe(true);
  });
});
