import { toQueryParams } from './api-paths';

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
