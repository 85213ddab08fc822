import { claimPanels } from './claim-panels';
import { niceTicks } from '../../ui/plots/plot-scale';
import { CONTACT_CLAIM, FAMILY_CLAIM, MAT_CLAIM, MAT_DETAIL } from './testing/evidence-fixtures';

describe('claimPanels', () => {
  it('maps a binned scatter to bin rows, error bars and the fitted line', () => {
    const [panel] = claimPanels(CONTACT_CLAIM, false);
    expect(panel.n).toBe(300);
    expect(panel.table.rows).toEqual([
      { bin: '1', x: 1.85, y: 0.651, low: 0.622, high: 0.681, n: 150 },
      { bin: '2', x: 9.31, y: 0.721, low: 0.694, high: 0.747, n: 150 },
    ]);
    expect(panel.subtitle).toContain('Pearson r = 0.36 (95% CI 0.31 to 0.4), p < 0.001.');
    if (panel.plot.kind !== 'xy') throw new Error('expected an x-y plot');
    expect(panel.plot.spec.series.map((series) => [series.name, series.kind])).toEqual([
      ['Bin mean with 95% CI', 'points'],
      ['Least-squares line', 'line'],
    ]);
    expect(panel.plot.spec.series[1].points).toEqual([
      { x: 1.849, y: 0.63 + 0.0131 * 1.849 },
      { x: 9.308, y: 0.63 + 0.0131 * 9.308 },
    ]);
  });

  it('maps grouped bars to rates with Wilson intervals', () => {
    const [panel] = claimPanels(FAMILY_CLAIM, false);
    expect([panel.n, panel.unit]).toEqual([810, 'discharged episodes']);
    expect(panel.table.rows).toEqual([
      {
        group: 'any family session',
        measure: 'Completion',
        rate: 0.649,
        low: 0.591,
        high: 0.702,
        numerator: 179,
        denominator: 276,
      },
      { group: 'none', measure: 'Completion', rate: 0.53, low: 0.488, high: 0.572, numerator: 283, denominator: 534 },
    ]);
    if (panel.plot.kind !== 'bars') throw new Error('expected bars');
    expect(panel.plot.spec.rows.map((row) => [row.label, row.valueText])).toEqual([
      ['any family session', '64.9%'],
      ['none', '53.0%'],
    ]);
  });

  it('maps survival groups to a table and the detail steps to step curves with bands on the detail page', () => {
    const [board] = claimPanels(MAT_CLAIM, false);
    expect(board.table.rows).toEqual([
      { group: 'MAT', n: 261, events: 66, median: 'not reached (95% CI 121–not reached)', stay: 66 },
      { group: 'no MAT', n: 215, events: 61, median: 'not reached', stay: 49 },
    ]);
    expect(board.subtitle).toBe('Log-rank test: χ² = 0.902 on 1 df, p = 0.34.');
    if (board.plot.kind !== 'xy') throw new Error('expected an x-y plot');
    expect(board.plot.spec.series).toEqual([]);

    const [full] = claimPanels(MAT_CLAIM, true, MAT_DETAIL.detail);
    if (full.plot.kind !== 'xy') throw new Error('expected an x-y plot');
    expect(full.plot.spec.series.map((series) => series.name)).toEqual(['MAT (n = 261)', 'no MAT (n = 215)']);
    expect(full.plot.spec.series[0].points[1]).toEqual({ x: 30, y: 0.95, low: 0.92, high: 0.97 });
  });
});

describe('niceTicks', () => {
  it('covers the range with round steps', () => {
    expect(niceTicks(0.62, 0.75)).toEqual([0.6, 0.65, 0.7, 0.75]);
    expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});
