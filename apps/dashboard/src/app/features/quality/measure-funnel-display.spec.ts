import { IET_INITIATION_DETAIL, PAYER_IET_INITIATION_DETAIL, SMALL_SUPPRESSED } from './quality-fixture';
import { toMeasureFunnelDisplay } from './measure-funnel-display';

describe('toMeasureFunnelDisplay', () => {
  it('keeps the API order, shortens the names on the plot and keeps them whole in the table', () => {
    const display = toMeasureFunnelDisplay('IET initiation', IET_INITIATION_DETAIL.funnel);
    expect(display.funnel.units.map((unit) => [unit.key, unit.label, unit.at998])).toEqual([
      ['1', 'Riverside IOP', 'within'],
      ['2', 'Hillcrest IOP', 'below'],
    ]);
    // 31 + 40 episodes placed.
    expect(display.n).toBe(71);
    expect(display.table.columns.map((column) => column.header)).toEqual([
      'Program',
      'Rate',
      'Numerator',
      'Denominator',
      '95% limit low',
      '95% limit high',
      '99.8% limit low',
      '99.8% limit high',
      'Against the limits',
    ]);
    expect(display.table.rows.map((row) => [row['unit'], row['numerator'], row['denominator'], row['place']])).toEqual([
      ['Riverside Intensive Outpatient Program', 25, 31, 'Within what chance explains'],
      ['Hillcrest IOP', 17, 40, 'Below what chance explains'],
      ['Network (the selection)', 412, 530, 'The target the limits surround'],
    ]);
    expect(display.table.rows[1]['lower998']).toBe(0.574);
    expect(display.description).toBe(
      "IET initiation: each program's rate against its episodes in the denominator, with the 95% and 99.8% limits " +
        'around the rate of 77.7% over the selection. Outside the 99.8% limits: Hillcrest IOP: below what chance ' +
        'explains. The table view lists every program.',
    );
  });

  it('lists a payer’s withheld program with its reason only, never placed', () => {
    const display = toMeasureFunnelDisplay('IET initiation', PAYER_IET_INITIATION_DETAIL.funnel);
    expect(display.funnel.units.map((unit) => unit.key)).toEqual(['2']);
    expect(display.funnel.withheld).toEqual([{ key: '1', label: 'Riverside IOP', value: SMALL_SUPPRESSED }]);
    expect(display.n).toBe(40);
    expect(display.table.rows[1]).toEqual({
      unit: 'Riverside Intensive Outpatient Program',
      rate: 'fewer than 11 episodes',
      numerator: null,
      denominator: null,
      lower95: null,
      upper95: null,
      lower998: null,
      upper998: null,
      place: 'Withheld: not placed',
    });
  });

  it('compares nobody when the rate over the selection is withheld', () => {
    const { funnel } = PAYER_IET_INITIATION_DETAIL;
    const display = toMeasureFunnelDisplay('POD', { ...funnel, network: SMALL_SUPPRESSED, units: [], curve: [] });
    expect(display.n).toBe(0);
    expect(display.description).toBe(
      'POD: the rate over the selection is withheld, so no program is compared with it. The table view lists every program.',
    );
  });
});
