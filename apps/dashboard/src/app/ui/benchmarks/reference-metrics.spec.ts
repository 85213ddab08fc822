import { BENCHMARK_METRIC_IDS } from '@iop/contracts';
import {
  formatReferenceValue,
  REFERENCE_METRICS,
  referenceMetricOf,
  toEnteredValue,
  toStoredValue,
  usualDirection,
} from './reference-metrics';

describe('reference metrics', () => {
  it('names every metric of the API in its unit', () => {
    expect(REFERENCE_METRICS.map((metric) => metric.id)).toEqual([...BENCHMARK_METRIC_IDS]);
    expect(REFERENCE_METRICS.every((metric) => metric.label.length > 0)).toBe(true);
    expect(referenceMetricOf('completionRate')).toEqual({
      id: 'completionRate',
      label: 'Completion rate',
      unit: 'proportion',
      entryLabel: 'Value (%)',
    });
    expect(referenceMetricOf('costPerWeek').unit).toBe('dollars');
    expect(referenceMetricOf('attendedHoursPerWeek').unit).toBe('hours');
    expect(referenceMetricOf('medianLengthOfStay').unit).toBe('days');
    expect(referenceMetricOf('pod')).toMatchObject({
      label: 'POD (OUD pharmacotherapy continuity)',
      unit: 'proportion',
    });
  });

  it('formats a value as the cards do', () => {
    expect(formatReferenceValue(0.3768, 'proportion')).toBe('37.7%');
    expect(formatReferenceValue(462, 'dollars')).toBe('$462');
    expect(formatReferenceValue(9, 'hours')).toBe('9 h');
    expect(formatReferenceValue(42.5, 'days')).toBe('42.5 days');
  });

  it('turns a proportion into the percentage typed and back, without binary noise', () => {
    // 0.07 * 100 is 7.000000000000001 in floating point.
    expect(toEnteredValue(0.3768, 'proportion')).toBe(37.68);
    expect(toEnteredValue(0.07, 'proportion')).toBe(7);
    expect(toStoredValue(41.5, 'proportion')).toBe(0.415);
    expect(toStoredValue(7, 'proportion')).toBe(0.07);
    expect(toEnteredValue(462, 'dollars')).toBe(462);
    expect(toStoredValue(9, 'hours')).toBe(9);
  });

  it('starts costs, dropping out and readmission as lower is better, the rest higher', () => {
    expect(usualDirection('costPerCompleter')).toBe('lower');
    expect(usualDirection('readmitted30')).toBe('lower');
    expect(usualDirection('completionRate')).toBe('higher');
  });
});
