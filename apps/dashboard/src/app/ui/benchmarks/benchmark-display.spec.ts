import { type Benchmark, DEFAULT_BENCHMARKS, type ProgramTarget } from '@iop/contracts';
import { benchmarkDisplay, targetDisplay } from './benchmark-display';

const SEEDED: Benchmark[] = DEFAULT_BENCHMARKS.map((value, index) => ({
  ...value,
  id: index + 1,
  updatedBy: null,
  updatedAt: '2025-01-01T00:00:00.000Z',
}));

describe('benchmark and target lines', () => {
  it("draws TEDS's IOP completion beside a completion rate, with a plain status and its source", () => {
    const display = benchmarkDisplay(SEEDED, 'completionRate', 0.5, 'proportion');
    expect(display).toMatchObject({
      kind: 'line',
      role: 'Benchmark',
      value: 0.3768,
      valueText: '37.7%',
      status: 'meets',
    });
    expect(display?.text).toMatch(
      /^Benchmark 37\.7%: meets\. Source: SAMHSA, Treatment Episode Data Set \(TEDS\) 2004/,
    );
    expect(display?.text).toMatch(
      /43,119 of 114,440 intensive outpatient discharges completed treatment \(37\.7%\)\. \(2004\)$/,
    );
    // 37.7% shown against 37.68%: the same at the precision shown, so it meets; 37.6% is below.
    expect(benchmarkDisplay(SEEDED, 'completionRate', 0.377, 'proportion')).toMatchObject({ status: 'meets' });
    expect(benchmarkDisplay(SEEDED, 'completionRate', 0.376, 'proportion')).toMatchObject({ status: 'below' });
  });

  it('gives no status when the figure is withheld, and nothing when the metric has no benchmark', () => {
    expect(benchmarkDisplay(SEEDED, 'completionRate', null, 'proportion')).toMatchObject({ status: null });
    expect(benchmarkDisplay(SEEDED, 'completionRate', null, 'proportion')?.text).toMatch(/^Benchmark 37\.7%\. Source:/);
    expect(benchmarkDisplay(SEEDED, 'attendanceRate', 0.8, 'proportion')).toBeNull();
  });

  it('compares hours with the ASAM floor and dollars with DATCAP', () => {
    expect(benchmarkDisplay(SEEDED, 'attendedHoursPerWeek', 8.96, 'hours')).toMatchObject({
      valueText: '9 h',
      status: 'meets',
    });
    expect(benchmarkDisplay(SEEDED, 'attendedHoursPerWeek', 8.9, 'hours')).toMatchObject({ status: 'below' });
    // $483 a week (the costs fixture) against $462, no better high or low: above.
    expect(benchmarkDisplay(SEEDED, 'costPerWeek', 483, 'dollars')).toMatchObject({
      valueText: '$462',
      status: 'above',
    });
  });

  it('states why the HEDIS follow-up rates draw no line', () => {
    const display = benchmarkDisplay(SEEDED, 'fui-30', 0.6, 'proportion');
    expect(display?.kind).toBe('not-comparable');
    expect(display?.text).toBe(
      "No benchmark line. Not comparable: this measure counts only episodes admitted to the program (every case in the data reached it), while the published rate's denominator is every discharge from inpatient, residential or withdrawal care, including those who never reached any follow-up.",
    );
  });

  it("shows a program's lower-is-better target as above when the figure exceeds it", () => {
    const targets: ProgramTarget[] = [
      { programId: 1, metric: 'readmitted30', value: 0.08, direction: 'lower', setBy: 'director@x.test', setAt: '' },
    ];
    expect(targetDisplay(targets, 'readmitted30', 0.12, 'proportion', 'Northside IOP')).toEqual({
      kind: 'line',
      role: 'Target',
      value: 0.08,
      valueText: '8.0%',
      status: 'above',
      text: "Target 8.0%: above. Source: Northside IOP's target, set by director@x.test",
      source: "Northside IOP's target, set by director@x.test",
    });
    expect(targetDisplay(targets, 'completionRate', 0.5, 'proportion', 'Northside IOP')).toBeNull();
  });
});
