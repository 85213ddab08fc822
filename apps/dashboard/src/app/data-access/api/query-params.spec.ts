import { toQueryParams, toQueryString } from './query-params';

describe('toQueryParams', () => {
  it('sends no parameters when no filter is set', () => {
    expect(toQueryParams({})).toEqual({});
  });

  it('keeps set fields, repeats lists and leaves out empty lists', () => {
    expect(
      toQueryParams({
        from: '2024-01-01',
        payer: ['medicaid', 'other'],
        programId: [3],
        substance: [],
      }),
    ).toEqual({
      from: '2024-01-01',
      payer: ['medicaid', 'other'],
      programId: [3],
    });
  });
});

describe('toQueryString', () => {
  it('writes the same parameters for a download link, or nothing without a filter', () => {
    expect(toQueryString({})).toBe('');
    expect(toQueryString({ payer: ['medicaid', 'other'], from: '2024-01-01', substance: [] })).toBe(
      '?payer=medicaid&payer=other&from=2024-01-01',
    );
  });
});
