import { chiSquareUpperTail } from '../distributions';
import { solveSymmetricPositiveDefinite } from '../linear-algebra';
import { NotEstimableError } from '../not-estimable';
import { assertSameLength } from '../validation';
import { assertSurvivalData, buildRiskTable } from './risk-table';

export type GroupLabel = number | string;

export interface LogRankResult {
  chiSquare: number;
  /** Number of groups minus 1. */
  df: number;
  p: number;
  /** Observed events per group, in the order of `groups`. */
  observed: number[];
  /** Expected events per group under equal hazards, in the order of `groups`. */
  expected: number[];
  /** Group labels in sorted order (numbers ascending, otherwise string order), as R orders factor levels. */
  groups: GroupLabel[];
}

/**
 * The log-rank test of equal survival in k groups: R's survdiff with rho = 0. The statistic is the quadratic
 * form (O - E)' V^-1 (O - E) on the first k - 1 groups (the k-th is redundant since the O - E sum to 0),
 * with V the hypergeometric variance summed over distinct event times; chi-square with k - 1 df. `counts[i]`,
 * when given, is how many subjects the triple (time[i], event[i], group[i]) stands for (positive integers): the
 * test of the triples repeated that often.
 */
export function logRank(
  time: readonly number[],
  event: readonly number[],
  group: readonly GroupLabel[],
  counts?: readonly number[],
): LogRankResult {
  assertSurvivalData(time, event, counts);
  assertSameLength(time, group, 'time', 'group');
  group.forEach((label, index) => {
    if (!(typeof label === 'string' || (typeof label === 'number' && Number.isFinite(label)))) {
      throw new RangeError(`group[${index}] must be a string or a finite number, got ${String(label)}`);
    }
  });
  const groups = [...new Set(group)].sort((a, b) =>
    typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b)),
  );
  if (groups.length < 2) {
    throw new NotEstimableError('no-variation', `logRank needs at least 2 groups, got ${groups.length}`);
  }
  const k = groups.length;
  // Per-group risk tables, looked up at the pooled event times.
  const tables = groups.map((label) => {
    const members = group.map((g, i) => (g === label ? i : -1)).filter((i) => i >= 0);
    const rows = buildRiskTable(
      members.map((i) => time[i]),
      members.map((i) => event[i]),
      counts && members.map((i) => counts[i]),
    );
    return rows;
  });
  const cursors = new Array<number>(k).fill(0);
  const observed = new Array<number>(k).fill(0);
  const expected = new Array<number>(k).fill(0);
  const variance: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));

  for (const pooled of buildRiskTable(time, event, counts)) {
    // Each group's at-risk count and events at this time (a group with no row here has its next row later).
    const atRisk: number[] = [];
    const deaths: number[] = [];
    tables.forEach((rows, g) => {
      while (cursors[g] < rows.length && rows[cursors[g]].time < pooled.time) cursors[g]++;
      const row = rows[cursors[g]];
      const exact = row !== undefined && row.time === pooled.time;
      atRisk.push(row === undefined ? 0 : row.atRisk);
      deaths.push(exact ? row.events : 0);
    });
    const d = pooled.events;
    const n = pooled.atRisk;
    if (d === 0) continue;
    for (let g = 0; g < k; g++) {
      observed[g] += deaths[g];
      expected[g] += (d * atRisk[g]) / n;
    }
    if (n < 2) continue; // a single subject at risk contributes no variance
    const factor = (d * (n - d)) / (n - 1);
    for (let g = 0; g < k; g++) {
      for (let h = 0; h < k; h++) {
        const share = atRisk[g] / n;
        variance[g][h] += factor * share * ((g === h ? 1 : 0) - atRisk[h] / n);
      }
    }
  }

  const difference = observed.slice(0, k - 1).map((o, g) => o - expected[g]);
  const reduced = variance.slice(0, k - 1).map((row) => row.slice(0, k - 1));
  let solved: number[];
  try {
    solved = solveSymmetricPositiveDefinite(reduced, difference);
  } catch {
    throw new NotEstimableError(
      'singular-design',
      'logRank: the variance matrix is singular (a group has no one at risk at any event time?)',
    );
  }
  const chiSquare = difference.reduce((sum, value, g) => sum + value * solved[g], 0);
  const df = k - 1;
  return { chiSquare, df, p: chiSquareUpperTail(chiSquare, df), observed, expected, groups };
}
