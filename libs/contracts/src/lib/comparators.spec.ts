import {
  COMPARATOR_KINDS,
  comparatorOfRate,
  comparatorSettingProblems,
  DEFAULT_COMPARATOR_SETTINGS,
} from './comparators';

describe('the inpatient and residential comparators', () => {
  it('default to published figures that pass their own rules', () => {
    for (const kind of COMPARATOR_KINDS)
      expect(comparatorSettingProblems(DEFAULT_COMPARATOR_SETTINGS[kind])).toEqual([]);
    // TEDS 2004 Table 2.5: 48,222 of 78,423 and 5,597 of 8,080 completed, to four decimals.
    expect(DEFAULT_COMPARATOR_SETTINGS.residential.completionRate.value).toBe(Number((48_222 / 78_423).toFixed(4)));
    expect(DEFAULT_COMPARATOR_SETTINGS.inpatient.completionRate.value).toBe(Number((5_597 / 8_080).toFixed(4)));
    // TEDS-D 2019 codebook: 575,133 of 1,722,503 - 537,124 discharges with a known frequency of use at discharge.
    expect(DEFAULT_COMPARATOR_SETTINGS.inpatient.abstinenceRate.value).toBe(
      Number((575_133 / (1_722_503 - 537_124)).toFixed(4)),
    );
  });

  it('say what is wrong with a setting, one sentence a rule', () => {
    const setting = DEFAULT_COMPARATOR_SETTINGS.residential;
    expect(
      comparatorSettingProblems({
        ...setting,
        lengthOfStay: { typicalDays: 20, lowDays: 21, highDays: 26, source: ' ' },
        abstinenceRate: { value: -0.1, source: 'x' },
      }),
    ).toEqual([
      'lengthOfStay must have lowDays <= typicalDays <= highDays (got 21, 20, 26)',
      'abstinenceRate.value must be a share between 0 and 1',
      'lengthOfStay.source must name where the figure comes from',
    ]);
    expect(
      comparatorSettingProblems({ ...setting, lengthOfStay: { ...setting.lengthOfStay, highDays: Number.NaN } }),
    ).toEqual(['lengthOfStay.highDays must be a positive number of days']);
  });

  it('pair each comparator with its per-day rate', () => {
    expect(comparatorOfRate('cost_rate.inpatient_per_day')).toBe('inpatient');
    expect(comparatorOfRate('cost_rate.residential_per_day')).toBe('residential');
    expect(comparatorOfRate('cost_rate.detox_per_day')).toBeNull();
  });
});
