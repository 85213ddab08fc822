import { fieldOfMessage, fieldProblemsOf } from './field-problems';

// The benchmark's fields, most specific first (as the admin's form lists them).
const FIELDS = ['notComparableReason', 'metric', 'value', 'direction', 'source', 'year', 'comparable'] as const;

describe('fieldOfMessage', () => {
  // The API's own messages: apps/api/src/benchmarks/benchmarks.dto.ts and benchmarkProblems in @iop/contracts.
  it.each([
    ['value must be a finite number of at least 0, in the metric’s unit', 'value'],
    ['year must be a whole year from 1900 to 2100', 'year'],
    ['source must name where the figure comes from (1-2000 characters)', 'source'],
    ['comparable must be true or false', 'comparable'],
    ['direction must be one of higher, lower, neither', 'direction'],
    ['metric must be one of episodes, activeEpisodes, attendanceRate', 'metric'],
    ['notComparableReason must be text (1-1000 characters) or null', 'notComparableReason'],
    ['a comparable benchmark needs a value', 'value'],
    ['notComparableReason must be null when the benchmark is comparable', 'notComparableReason'],
    ['a benchmark that is not comparable must say why (notComparableReason)', 'notComparableReason'],
  ])('puts "%s" on %s', (message, field) => {
    expect(fieldOfMessage(message, FIELDS)).toBe(field);
  });

  it('leaves a message that names no field for the form as a whole', () => {
    expect(fieldOfMessage('property extra should not exist', FIELDS)).toBeNull();
    // "values" is not the field "value".
    expect(fieldOfMessage('too many values', FIELDS)).toBeNull();
  });
});

describe('fieldProblemsOf', () => {
  it('joins two messages on one field and keeps the others apart', () => {
    expect(
      fieldProblemsOf(
        [
          'value must be a finite number of at least 0, in the metric’s unit',
          'a comparable benchmark needs a value',
          'property extra should not exist',
        ],
        FIELDS,
      ),
    ).toEqual({
      byField: {
        value:
          'value must be a finite number of at least 0, in the metric’s unit; a comparable benchmark needs a value',
      },
      general: ['property extra should not exist'],
    });
  });
});
