import {
  column,
  expectMatchesPrinted,
  expectRelativelyClose,
  readReferenceTable,
  readReferenceTextColumn,
} from '../../testing/reference-data';
import { kaplanMeier, KaplanMeierStep } from './kaplan-meier';

/** R's summary(survfit) prints event times only; our steps also carry censoring-only times. */
const eventSteps = (steps: KaplanMeierStep[]): KaplanMeierStep[] => steps.filter((step) => step.events > 0);

describe('kaplanMeier', () => {
  const aml = readReferenceTable('aml.csv');
  const amlGroup = (group: number) => {
    const rows = column(aml, 'group')
      .map((g, i) => (g === group ? i : -1))
      .filter((i) => i >= 0);
    return { time: rows.map((i) => column(aml, 'time')[i]), event: rows.map((i) => column(aml, 'cens')[i]) };
  };

  // R survival package, tests/doaml.Rout.save (summary(survfit), conf.type = "log"), printed to 3-4 digits:
  // tolerance is half a unit in the last printed digit.
  it('matches R for aml Maintained with the log band', () => {
    const { time, event } = amlGroup(1);
    const steps = eventSteps(kaplanMeier(time, event).steps);
    expect(steps.map((s) => s.time)).toEqual([9, 13, 18, 23, 31, 34, 48]);
    expect(steps.map((s) => s.atRisk)).toEqual([11, 10, 8, 7, 5, 4, 2]);
    const survival = [0.909, 0.818, 0.716, 0.614, 0.491, 0.368, 0.184];
    const stdErr = [0.0867, 0.1163, 0.1397, 0.1526, 0.1642, 0.1627, 0.1535];
    const lower = [0.7541, 0.6192, 0.4884, 0.3769, 0.2549, 0.1549, 0.0359];
    const upper = [1, 1, 1, 0.999, 0.946, 0.875, 0.944];
    steps.forEach((step, i) => {
      expectMatchesPrinted(step.survival, survival[i], 3);
      expectMatchesPrinted(step.stdErr, stdErr[i], 4);
      expectMatchesPrinted(step.lower, lower[i], 4);
      expectMatchesPrinted(step.upper, upper[i], 3);
    });
  });

  it('matches R for aml Nonmaintained, including NaN std.err and NA band once S = 0', () => {
    const { time, event } = amlGroup(2);
    const steps = eventSteps(kaplanMeier(time, event).steps);
    expect(steps.map((s) => s.time)).toEqual([5, 8, 12, 23, 27, 30, 33, 43, 45]);
    const survival = [0.8333, 0.6667, 0.5833, 0.4861, 0.3889, 0.2917, 0.1944, 0.0972, 0];
    steps.forEach((step, i) => expectMatchesPrinted(step.survival, survival[i], 4));
    const last = steps[steps.length - 1];
    expect(last.survival).toBe(0);
    expect(last.stdErr).toBeNaN();
    expect(last.lower).toBeNull();
    expect(last.upper).toBeNull();
  });

  it('gives R medians for aml: Maintained 31 (18, NA), Nonmaintained 23 (8, NA)', () => {
    const maintained = amlGroup(1);
    expect(kaplanMeier(maintained.time, maintained.event).median).toEqual({ estimate: 31, lower: 18, upper: null });
    const non = amlGroup(2);
    expect(kaplanMeier(non.time, non.event).median).toEqual({ estimate: 23, lower: 8, upper: null });
  });

  it('gives R log-log and plain bands at t = 9 for aml Maintained (4 printed digits)', () => {
    const { time, event } = amlGroup(1);
    const logLog = kaplanMeier(time, event, { confType: 'log-log' }).steps.find((s) => s.time === 9);
    expectMatchesPrinted(logLog?.lower ?? null, 0.5081, 4);
    expectMatchesPrinted(logLog?.upper ?? null, 0.9867, 4);
    const plain = kaplanMeier(time, event, { confType: 'plain' }).steps.find((s) => s.time === 9);
    expectMatchesPrinted(plain?.lower ?? null, 0.7392, 4);
    expect(plain?.upper).toBe(1);
  });

  // R's quantile.survfit: where the curve sits exactly at 0.5, the median is the midpoint to the next drop.
  it('takes the midpoint when the curve is exactly 0.5 over an interval, as R does', () => {
    expect(kaplanMeier([1, 2, 3, 4, 5, 6], [1, 1, 1, 1, 1, 1]).median.estimate).toBe(3.5);
    expect(kaplanMeier([1, 2, 3, 4], [1, 1, 0, 1]).median.estimate).toBe(3);
  });

  it('matches R pooled aml curve to 8 digits', () => {
    const steps = eventSteps(kaplanMeier(column(aml, 'time'), column(aml, 'cens')).steps);
    const expected = [0.91304348, 0.82608696, 0.7826087, 0.73913043, 0.69565217];
    expect(steps.slice(0, 5).map((s) => s.time)).toEqual([5, 8, 9, 12, 13]);
    expected.forEach((value, i) => expectMatchesPrinted(steps[i].survival, value, 8));
  });

  it('includes censoring-only times as steps that keep the survival', () => {
    const { time, event } = amlGroup(1);
    const steps = kaplanMeier(time, event).steps;
    const censoredOnly = steps.find((s) => s.time === 161);
    expect(censoredOnly).toMatchObject({ events: 0, censored: 1, atRisk: 1 });
    expect(censoredOnly?.survival).toBe(steps[steps.length - 2].survival);
  });

  // lifelines (and scipy.stats.ecdf, checked independently) on NCCTG lung; R gives the same curve.
  it('matches lung S(365), S(730) and medians by sex', () => {
    const lung = readReferenceTable('lung_lifelines.csv');
    const expectations = [
      { sex: 1, s365: 0.33608783, s730: 0.07812409, median: { estimate: 270, lower: 212, upper: 310 } },
      { sex: 2, s365: 0.52646303, s730: 0.1872325, median: { estimate: 426, lower: 348, upper: 550 } },
    ];
    for (const { sex, s365, s730, median } of expectations) {
      const rows = column(lung, 'sex')
        .map((s, i) => (s === sex ? i : -1))
        .filter((i) => i >= 0);
      const fit = kaplanMeier(
        rows.map((i) => column(lung, 'time')[i]),
        rows.map((i) => column(lung, 'status')[i]),
      );
      const at = (t: number) => [...fit.steps].reverse().find((s) => s.time <= t)?.survival ?? 1;
      expectMatchesPrinted(at(365), s365, 8);
      expectMatchesPrinted(at(730), s730, 8);
      expect(fit.median).toEqual(median);
    }
  });

  // statsmodels' tests (checked against R): events and censorings tied at the same time.
  it('handles ties of events and censorings like R', () => {
    const fit = kaplanMeier([3, 1, 2, 3, 2, 1, 5, 3], [0, 1, 1, 1, 0, 0, 1, 0]);
    const steps = eventSteps(fit.steps);
    expect(steps.map((s) => s.time)).toEqual([1, 2, 3, 5]);
    expect(steps.map((s) => s.atRisk)).toEqual([8, 6, 4, 1]);
    [0.875, 0.7291667, 0.546875, 0].forEach((value, i) => expectMatchesPrinted(steps[i].survival, value, 7));
    [0.1169268, 0.1649762, 0.20058].forEach((value, i) => expectMatchesPrinted(steps[i].stdErr, value, 7));
  });

  // SAS PROC LIFETEST (Klein and Moeschberger bmt, ALL group), printed to 5 significant digits.
  it('matches SAS for the bmt ALL group (survival and Greenwood SE, 5 digits)', () => {
    const bmt = readReferenceTable('bmt_statsmodels.csv');
    const sas = readReferenceTable('bmt_results_sas_statsmodels.csv');
    const groups = readReferenceTextColumn('bmt_statsmodels.csv', 'Group');
    const rows = groups.map((g, i) => (g === 'ALL' ? i : -1)).filter((i) => i >= 0);
    const steps = eventSteps(
      kaplanMeier(
        rows.map((i) => column(bmt, 'T')[i]),
        rows.map((i) => column(bmt, 'Status')[i]),
      ).steps,
    );
    expect(steps.map((s) => s.time)).toEqual(column(sas, 't'));
    steps.forEach((step, i) => {
      expectRelativelyClose(step.survival, column(sas, 's')[i], 1e-4);
      expectRelativelyClose(step.stdErr, column(sas, 'se')[i], 1e-4);
    });
  });

  // The retention page's cells: each distinct (time, event) of lung's 228 patients once, with how many share it.
  it('gives the same curve from counted (time, event) pairs as from the subjects (lung, R-checked above)', () => {
    const lung = readReferenceTable('lung_lifelines.csv');
    const time = column(lung, 'time');
    const event = column(lung, 'status');
    const tally = new Map<string, { time: number; event: number; count: number }>();
    time.forEach((t, i) => {
      const key = `${t}:${event[i]}`;
      const cell = tally.get(key) ?? { time: t, event: event[i], count: 0 };
      cell.count++;
      tally.set(key, cell);
    });
    const cells = [...tally.values()];
    expect(cells.length).toBeLessThan(time.length);
    const counted = kaplanMeier(
      cells.map((cell) => cell.time),
      cells.map((cell) => cell.event),
      { confType: 'log-log', counts: cells.map((cell) => cell.count) },
    );
    expect(counted).toEqual(kaplanMeier(time, event, { confType: 'log-log' }));
    expect(counted.steps[0].atRisk).toBe(228);
  });

  it('rejects bad input with messages that say what is wrong', () => {
    expect(() => kaplanMeier([1, 2], [1], { counts: [1, 1] })).toThrow(/same length/);
    expect(() => kaplanMeier([1, 2], [1, 0], { counts: [1] })).toThrow(/same length/);
    expect(() => kaplanMeier([1, 2], [1, 0], { counts: [1, 0] })).toThrow(/counts\[1\] must be a positive integer/);
    expect(() => kaplanMeier([1, 2], [1, 0], { counts: [1.5, 1] })).toThrow(/counts\[0\] must be a positive integer/);
    expect(() => kaplanMeier([1, 2], [1])).toThrow(/same length/);
    expect(() => kaplanMeier([1, -2], [1, 1])).toThrow(/time\[1\] must not be negative/);
    expect(() => kaplanMeier([1, 2], [1, 2])).toThrow(/event\[1\] must be 0 or 1/);
    expect(() => kaplanMeier([], [])).toThrow(/at least 1/);
    expect(() => kaplanMeier([1], [1], { confidence: 95 })).toThrow(/confidence/);
  });
});
