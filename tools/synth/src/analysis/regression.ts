/**
 * Small regression fitters for checking the generator (not the product's statistics, which live in
 * libs/stats): ordinary least squares, logistic and Poisson regression by iteratively reweighted least
 * squares, each with model-based standard errors.
 */

export interface Fit {
  names: string[];
  coefficients: number[];
  standardErrors: number[];
  /** Estimate and 95% Wald interval of a named coefficient. */
  coefficient(name: string): { estimate: number; se: number; low: number; high: number };
}

export interface Design {
  names: string[];
  /** Rows of the design matrix; the first column is usually the intercept. */
  rows: number[][];
}

/** Solves A x = b for a symmetric positive definite A (Cholesky); returns x and A's inverse. */
function solveSymmetric(a: number[][], b: number[]): { solution: number[]; inverse: number[][] } {
  const n = a.length;
  const lower = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i][j];
      for (let k = 0; k < j; k++) sum -= lower[i][k] * lower[j][k];
      if (i === j) {
        if (sum <= 1e-12) throw new Error(`the design is singular at column ${i}`);
        lower[i][i] = Math.sqrt(sum);
      } else lower[i][j] = sum / lower[j][j];
    }
  }
  const solveWith = (rhs: number[]): number[] => {
    const y = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      let sum = rhs[i];
      for (let k = 0; k < i; k++) sum -= lower[i][k] * y[k];
      y[i] = sum / lower[i][i];
    }
    const x = new Array<number>(n).fill(0);
    for (let i = n - 1; i >= 0; i--) {
      let sum = y[i];
      for (let k = i + 1; k < n; k++) sum -= lower[k][i] * x[k];
      x[i] = sum / lower[i][i];
    }
    return x;
  };
  const inverse = Array.from({ length: n }, (_, column) =>
    solveWith(Array.from({ length: n }, (__, row) => (row === column ? 1 : 0))),
  );
  return { solution: solveWith(b), inverse };
}

/** X' W X and X' W z. */
function crossProducts(rows: number[][], weights: number[], response: number[]): { xtx: number[][]; xty: number[] } {
  const p = rows[0]?.length ?? 0;
  const xtx = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const xty = new Array<number>(p).fill(0);
  rows.forEach((row, index) => {
    const w = weights[index];
    for (let i = 0; i < p; i++) {
      const wi = w * row[i];
      xty[i] += wi * response[index];
      for (let j = 0; j <= i; j++) xtx[i][j] += wi * row[j];
    }
  });
  for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) xtx[j][i] = xtx[i][j];
  return { xtx, xty };
}

function makeFit(names: string[], coefficients: number[], covariance: number[][], scale: number): Fit {
  const standardErrors = coefficients.map((_, index) => Math.sqrt(covariance[index][index] * scale));
  return {
    names,
    coefficients,
    standardErrors,
    coefficient(name) {
      const index = names.indexOf(name);
      if (index < 0) throw new Error(`no coefficient ${name} (have ${names.join(', ')})`);
      const estimate = coefficients[index];
      const se = standardErrors[index];
      return { estimate, se, low: estimate - 1.959964 * se, high: estimate + 1.959964 * se };
    },
  };
}

export function leastSquares(design: Design, response: number[]): Fit {
  const weights = response.map(() => 1);
  const { xtx, xty } = crossProducts(design.rows, weights, response);
  const { solution, inverse } = solveSymmetric(xtx, xty);
  let residualSquares = 0;
  design.rows.forEach((row, index) => {
    const fitted = row.reduce((sum, value, column) => sum + value * solution[column], 0);
    residualSquares += (response[index] - fitted) ** 2;
  });
  return makeFit(design.names, solution, inverse, residualSquares / (response.length - design.names.length));
}

/** Generalised linear model by IRLS: logistic (binary response) or Poisson with a log offset. */
function irls(design: Design, response: number[], family: 'logistic' | 'poisson', offset?: number[]): Fit {
  const p = design.names.length;
  let beta = new Array<number>(p).fill(0);
  if (family === 'poisson') {
    const rate =
      response.reduce((a, b) => a + b, 0) / (offset ?? response.map(() => 0)).reduce((a, b) => a + Math.exp(b), 0);
    beta[0] = Math.log(rate);
  }
  let inverse: number[][] = [];
  for (let iteration = 0; iteration < 50; iteration++) {
    const weights: number[] = [];
    const working: number[] = [];
    design.rows.forEach((row, index) => {
      const eta = row.reduce((sum, value, column) => sum + value * beta[column], 0) + (offset?.[index] ?? 0);
      if (family === 'logistic') {
        const mu = 1 / (1 + Math.exp(-eta));
        const w = Math.max(mu * (1 - mu), 1e-10);
        weights.push(w);
        working.push(eta - (offset?.[index] ?? 0) + (response[index] - mu) / w);
      } else {
        const mu = Math.exp(eta);
        weights.push(Math.max(mu, 1e-10));
        working.push(eta - (offset?.[index] ?? 0) + (response[index] - mu) / Math.max(mu, 1e-10));
      }
    });
    const { xtx, xty } = crossProducts(design.rows, weights, working);
    const solved = solveSymmetric(xtx, xty);
    inverse = solved.inverse;
    const change = Math.max(...solved.solution.map((value, index) => Math.abs(value - beta[index])));
    beta = solved.solution;
    if (change < 1e-9) break;
  }
  return makeFit(design.names, beta, inverse, 1);
}

export function logisticRegression(design: Design, response: number[]): Fit {
  return irls(design, response, 'logistic');
}

/** Poisson regression of counts with log(exposure) offsets: piecewise exponential hazards. */
export function poissonRegression(design: Design, events: number[], exposure: number[]): Fit {
  return irls(
    design,
    events,
    'poisson',
    exposure.map((value) => Math.log(value)),
  );
}

export function pearson(x: number[], y: number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
