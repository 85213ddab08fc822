import { convertToParamMap, type Params } from '@angular/router';
import type { EpisodeFilters } from '@iop/contracts';
import { countActiveFilters, isIsoDate, parseFilters, sameFilters, toFilterQueryParams } from './filter-params';

/** What the router does with query parameters: nulls are left out, lists repeat. */
function roundTrip(filters: EpisodeFilters): EpisodeFilters {
  const params: Params = Object.fromEntries(
    Object.entries(toFilterQueryParams(filters)).filter(([, value]) => value !== null),
  );
  return parseFilters(convertToParamMap(params));
}

describe('filter query parameters', () => {
  it('round-trips every filter through the URL', () => {
    const filters: EpisodeFilters = {
      from: '2024-01-01',
      to: '2024-12-31',
      programId: [3, 1],
      levelOfCare: ['2.1', '1'],
      payer: ['medicaid', 'self_pay'],
      substance: ['opioids'],
      ageBand: ['65+', '13-17'],
      counselorId: [42],
    };
    expect(roundTrip(filters)).toEqual(filters);
  });

  it('round-trips no filter as no parameter at all', () => {
    expect(toFilterQueryParams({})).toEqual({
      from: null,
      to: null,
      programId: null,
      levelOfCare: null,
      payer: null,
      substance: null,
      ageBand: null,
      counselorId: null,
    });
    expect(roundTrip({})).toEqual({});
  });

  it('serializes lists as repeated string parameters and empty values as removals', () => {
    expect(toFilterQueryParams({ programId: [1, 2], payer: [], from: '' })).toMatchObject({
      programId: ['1', '2'],
      payer: null,
      from: null,
    });
  });

  it('drops invalid values and duplicates, keeping the valid ones', () => {
    const parsed = parseFilters(
      convertToParamMap({
        from: '2025-02-30',
        to: 'yesterday',
        programId: ['1', 'abc', '0', '-4', '1', '99999999999'],
        levelOfCare: ['2.1', '9'],
        payer: ["' OR 1=1 --", 'medicare'],
        substance: 'heroin',
        ageBand: ['65+', '65'],
        counselorId: '2147483647',
        groupBy: 'payer',
      }),
    );
    expect(parsed).toEqual({
      programId: [1],
      levelOfCare: ['2.1'],
      payer: ['medicare'],
      ageBand: ['65+'],
      counselorId: [2147483647],
    });
  });

  it('recognises real calendar days only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
  });

  it('compares filters by what they select and counts the chosen values', () => {
    expect(sameFilters({ payer: ['medicaid'] }, { payer: ['medicaid'], substance: [] })).toBe(true);
    expect(sameFilters({ payer: ['medicaid'] }, { payer: ['medicare'] })).toBe(false);
    expect(countActiveFilters({ from: '2024-01-01', payer: ['medicaid', 'medicare'] })).toBe(3);
  });
});
