import { column, expectMatchesPrinted, expectRelativelyClose, readReferenceTable } from '../../testing/reference-data';
import { NotEstimableError } from '../not-estimable';
import { sparseRows } from '../normal-equations';
import { coxRegression } from './cox-regression';

const compressedRows = (rows: number[][]) => sparseRows(rows, false);

/** R's printed text of one coefficient row: coef, exp(coef), se(coef), z, p. */
type PrintedRow = [coef: string, expCoef: string, se: string, z: string, p: string];

/** Within half a unit of the last digit R printed, however many digits that is. */
function expectPrinted(actual: number, printed: string): void {
  expectMatchesPrinted(actual, Number(printed), printed.split('.')[1]?.length ?? 0);
}

function expectPrintedCoefficients(fit: ReturnType<typeof coxRegression>, rows: PrintedRow[]): void {
  rows.forEach(([coef, expCoef, se, z, p], j) => {
    expectPrinted(fit.coefficients[j], coef);
    expectPrinted(fit.hazardRatios[j], expCoef);
    expectPrinted(fit.standardErrors[j], se);
    expectPrinted(fit.z[j], z);
    expectPrinted(fit.p[j], p);
  });
}

describe('coxRegression', () => {
  // aml: x = 1 for Nonmaintained (group 2); cens 1 = relapse.
  const aml = readReferenceTable('aml.csv');
  const amlTime = column(aml, 'time');
  const amlEvent = column(aml, 'cens') as (0 | 1)[];
  const amlX = column(aml, 'group').map((group) => [group === 2 ? 1 : 0]);

  // R survival package, tests/doaml.Rout.save: coxph(Surv(time, status) ~ x, method = 'breslow').
  it('matches R on aml with Breslow ties', () => {
    const fit = coxRegression(amlTime, amlEvent, amlX, { ties: 'breslow' });
    expectPrintedCoefficients(fit, [['0.9042', '2.4700', '0.5122', '1.765', '0.0775']]);
    expectPrinted(fit.likelihoodRatio.chiSquare, '3.3');
    expect(fit.likelihoodRatio.df).toBe(1);
    expectPrinted(fit.likelihoodRatio.p, '0.06945');
    expect(fit.n).toBe(23);
    expect(fit.events).toBe(18);
  });

  // Same file, method = 'efron' (R's default, and ours).
  it('matches R on aml with Efron ties, the default', () => {
    const fit = coxRegression(amlTime, amlEvent, amlX);
    expectPrintedCoefficients(fit, [['0.9155', '2.4981', '0.5119', '1.788', '0.0737']]);
    expectPrinted(fit.likelihoodRatio.chiSquare, '3.38');
    expectPrinted(fit.likelihoodRatio.p, '0.06581');
  });

  // coxph(Surv(time, status) ~ age + sex, data = lung), R's widely printed output. In this copy of lung,
  // status is already 1 = dead, 0 = censored (R's own lung codes 2 = dead).
  it('matches R on lung, age + sex (Efron)', () => {
    const lung = readReferenceTable('lung_lifelines.csv');
    const age = column(lung, 'age');
    const sex = column(lung, 'sex');
    const fit = coxRegression(
      column(lung, 'time'),
      column(lung, 'status') as (0 | 1)[],
      age.map((a, i) => [a, sex[i]]),
    );
    expectPrintedCoefficients(fit, [
      ['0.017045', '1.017191', '0.009223', '1.848', '0.06459'],
      ['-0.513219', '0.598566', '0.167458', '-3.065', '0.00218'],
    ]);
    expectPrinted(fit.likelihoodRatio.chiSquare, '14.12');
    expect(fit.likelihoodRatio.df).toBe(2);
    expectPrinted(fit.likelihoodRatio.p, '0.0008574');
    expect(fit.n).toBe(228);
    expect(fit.events).toBe(165);
  });

  it('gives a Wald interval exp(b -/+ z se) that contains the hazard ratio', () => {
    const fit = coxRegression(amlTime, amlEvent, amlX, { confidence: 0.9 });
    const [lower, upper] = fit.hazardRatioCi[0];
    expect(lower).toBeLessThan(fit.hazardRatios[0]);
    expect(upper).toBeGreaterThan(fit.hazardRatios[0]);
    expectRelativelyClose(lower, Math.exp(fit.coefficients[0] - 1.6448536269514722 * fit.standardErrors[0]), 1e-9);
    expectRelativelyClose(upper, Math.exp(fit.coefficients[0] + 1.6448536269514722 * fit.standardErrors[0]), 1e-9);
  });

  it('does not depend on the order of the rows, and accepts boolean events', () => {
    const fit = coxRegression(amlTime, amlEvent, amlX);
    const order = amlTime.map((_, i) => i).reverse();
    order.push(order.shift() as number);
    const shuffled = coxRegression(
      order.map((i) => amlTime[i]),
      order.map((i) => amlEvent[i] === 1),
      order.map((i) => amlX[i]),
    );
    expect(shuffled.coefficients[0]).toBeCloseTo(fit.coefficients[0], 10);
    expect(shuffled.standardErrors[0]).toBeCloseTo(fit.standardErrors[0], 10);
    expect(shuffled.logLikelihood).toBeCloseTo(fit.logLikelihood, 10);
  });

  it('does not change the coefficients when a covariate is shifted (internal centring)', () => {
    const fit = coxRegression(amlTime, amlEvent, amlX);
    const shifted = coxRegression(
      amlTime,
      amlEvent,
      amlX.map(([x]) => [x + 1000]),
    );
    expect(shifted.coefficients[0]).toBeCloseTo(fit.coefficients[0], 8);
    expect(shifted.standardErrors[0]).toBeCloseTo(fit.standardErrors[0], 8);
  });

  // Monotone likelihood: x orders the deaths perfectly, so the estimate is +infinity. R's coxph warns that
  // "beta may be infinite"; we throw NotEstimableError rather than report it, as logisticRegression does.
  it('throws NotEstimableError when a covariate perfectly orders the events', () => {
    const fit = () => coxRegression([1, 2, 3, 4, 5, 6], [1, 1, 1, 1, 1, 0], [[6], [5], [4], [3], [2], [1]]);
    expect(fit).toThrow(NotEstimableError);
    expect(fit).toThrow(/did not converge/);
  });

  it('rejects a constant or collinear covariate, as the other regressions reject singular designs', () => {
    expect(() =>
      coxRegression(
        amlTime,
        amlEvent,
        amlX.map(([x]) => [x, 3]),
      ),
    ).toThrow(/X column 1 is constant/);
    expect(() =>
      coxRegression(
        amlTime,
        amlEvent,
        amlX.map(([x]) => [x, 2 * x + 1]),
      ),
    ).toThrow(/rank deficient/);
    expect(() =>
      coxRegression(
        amlTime,
        amlEvent,
        amlX.map(([x]) => [x, 2 * x + 1]),
      ),
    ).toThrow(NotEstimableError);
    expect(() => coxRegression([1, 2, 3], [0, 0, 0], [[1], [2], [3]])).toThrow(NotEstimableError);
  });

  it('fits a design given as compressed rows exactly as the same rows given densely', () => {
    // A 0/1 column (not centred) and a continuous one (centred), so both kinds of entry are read from the
    // non-zero entries only.
    const dense = amlX.map(([x], i) => [x, (i % 5) * 0.7]);
    const compressed = compressedRows(dense);
    expect(coxRegression(amlTime, amlEvent, compressed)).toEqual(coxRegression(amlTime, amlEvent, dense));
    const withZeroColumn = compressedRows(dense.map(([x, z]) => [x, 0, z]));
    expect(() => coxRegression(amlTime, amlEvent, withZeroColumn)).toThrow(/X column 1 is constant/);
    const withOnesColumn = compressedRows(dense.map(([x, z]) => [x, z, 1]));
    expect(() => coxRegression(amlTime, amlEvent, withOnesColumn)).toThrow(/X column 2 is constant/);
  });

  it('orders whole-number times by counting exactly as other times by sorting (only the order matters)', () => {
    const dense = amlX.map(([x], i) => [x, (i % 5) * 0.7]);
    const wholeDays = coxRegression(amlTime, amlEvent, dense);
    const halfDays = coxRegression(
      amlTime.map((t) => t / 2 + 0.25),
      amlEvent,
      dense,
    );
    expect(halfDays.coefficients).toEqual(wholeDays.coefficients);
    expect(halfDays.standardErrors).toEqual(wholeDays.standardErrors);
  });

  it('rejects bad input with messages that say what is wrong', () => {
    expect(() => coxRegression([1, 2, 3], [1, 0], [[1], [2], [3]])).toThrow(/same length/);
    expect(() => coxRegression([1, 2], [1, 0], [[1], [2], [3]])).toThrow(/time and X must have the same length/);
    expect(() => coxRegression([1, 2, 3], [0, 0, 0], [[1], [2], [3]])).toThrow(/at least one event/);
    expect(() => coxRegression([1, NaN, 3], [1, 0, 1], [[1], [2], [3]])).toThrow(/time\[1\] must be a finite number/);
    expect(() => coxRegression([1, 2, 3], [1, 0, 1], [[1], [Infinity], [3]])).toThrow(/X\[1\]\[0\] must be a finite/);
    expect(() => coxRegression([1, 2, 3], [1, 2 as 1, 1], [[1], [2], [3]])).toThrow(/event\[1\] must be 0 or 1/);
    expect(() => coxRegression([1, 2, 3], [1, 0, 1], [[1], [2], [3]], { confidence: 95 })).toThrow(/confidence/);
  });
});
