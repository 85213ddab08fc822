import {
  type EpisodeFilters,
  LEVELS_OF_CARE,
  PAYERS,
  type RetentionCurve,
  type RetentionGroupBy,
  type RetentionLogRank,
  type RetentionResponse,
} from '@iop/contracts';
import { logRank } from '@iop/stats';
import { Injectable } from '@nestjs/common';
import type { AccessScope } from '../access/access-scope';
import { ResultCache } from '../common/result-cache';
import { RetentionQuery, type SurvivalCell } from './retention.query';
import { CONF_TYPE, CONFIDENCE, REFERENCE_DAYS, survivalCurve } from './survival-curve';

const POPULATIONS: Record<RetentionGroupBy, string> = {
  levelOfCare: 'Selected episodes, time from admission (day of admission = day 1)',
  mat: 'Selected episodes with opioid use disorder, MAT (any dispense) vs none, time from admission',
  groupTercile:
    'Landmark population: selected episodes with a length of stay of at least 29 days; terciles of group sessions ' +
    'attended per week in days 0-27; time = days in treatment after day 27 (length of stay - 28)',
  program: 'Selected episodes, time from admission',
  payer: 'Selected episodes, time from admission',
};

const TERCILE_ORDER = ['low', 'middle', 'high'];

/** Order of the curves: the vocabulary's order where there is one, program ids numerically. */
function rank(groupBy: RetentionGroupBy, key: string): number {
  if (groupBy === 'levelOfCare') return LEVELS_OF_CARE.indexOf(key as (typeof LEVELS_OF_CARE)[number]);
  if (groupBy === 'payer') return PAYERS.indexOf(key as (typeof PAYERS)[number]);
  if (groupBy === 'groupTercile') return TERCILE_ORDER.indexOf(key);
  if (groupBy === 'program') return Number(key);
  return key === 'mat' ? 0 : 1;
}

@Injectable()
export class RetentionService {
  constructor(
    private readonly query: RetentionQuery,
    private readonly cache: ResultCache,
  ) {}

  /**
   * Kaplan-Meier curves of time to disengagement per group, medians, and the log-rank test between groups;
   * remembered until the next load (ResultCache).
   */
  curves(scope: AccessScope, filters: EpisodeFilters, groupBy: RetentionGroupBy): Promise<RetentionResponse> {
    return this.cache.get(scope, filters, `retention ${groupBy}`, () => this.computeCurves(scope, filters, groupBy));
  }

  private async computeCurves(
    scope: AccessScope,
    filters: EpisodeFilters,
    groupBy: RetentionGroupBy,
  ): Promise<RetentionResponse> {
    const { asOf, cells, tercileCutPoints } = await this.query.run(scope, filters, groupBy);
    const timeOriginDay = groupBy === 'groupTercile' ? 28 : 0;
    const groups = new Map<string, { label: string; cells: SurvivalCell[] }>();
    for (const cell of cells) {
      const group = groups.get(cell.key) ?? { label: cell.label, cells: [] };
      group.cells.push(cell);
      groups.set(cell.key, group);
    }
    const keys = [...groups.keys()].sort((a, b) => rank(groupBy, a) - rank(groupBy, b));

    // The curves' input: the (time, event) cells with their episode counts, never expanded to one pair per
    // episode (a whole large network: 120,000 pairs and 168 ms of CPU, against about 600 cells and 2 ms).
    const curves = keys.map((key): RetentionCurve => {
      const { label, cells: groupCells } = groups.get(key) as { label: string; cells: SurvivalCell[] };
      const curveLabel = groupBy === 'groupTercile' ? tercileLabel(key, tercileCutPoints) : label;
      return survivalCurve(key, curveLabel, groupCells, timeOriginDay);
    });
    const ordered = keys.flatMap((key) => (groups.get(key) as { cells: SurvivalCell[] }).cells);

    return {
      asOf,
      groupBy,
      population: POPULATIONS[groupBy],
      timeOriginDay,
      referenceDays: REFERENCE_DAYS,
      confType: CONF_TYPE,
      confidence: CONFIDENCE,
      tercileCutPoints,
      curves,
      logRank: logRankBetween(ordered),
    };
  }
}

function tercileLabel(key: string, cuts: [number, number] | null): string {
  if (!cuts) return key;
  const [q1, q2] = cuts;
  if (key === 'low') return `Low (<= ${q1} groups/week)`;
  if (key === 'middle') return `Middle (> ${q1} to ${q2} groups/week)`;
  return `High (> ${q2} groups/week)`;
}

/**
 * R's survdiff across the curves; null with fewer than two groups or no event at all. A group nobody of which
 * is still at risk at any event time (expected 0) carries no information and would make the variance matrix
 * singular: it is left out of the test, as R leaves it out of the degrees of freedom.
 */
function logRankBetween(cells: readonly SurvivalCell[]): RetentionLogRank | null {
  const eventTimes = cells.filter((cell) => cell.event === 1).map((cell) => cell.time);
  if (eventTimes.length === 0) return null;
  const firstEvent = Math.min(...eventTimes);
  const lastTime = new Map<string, number>();
  for (const cell of cells) lastTime.set(cell.key, Math.max(lastTime.get(cell.key) ?? -Infinity, cell.time));
  const informative = new Set([...lastTime].filter(([, last]) => last >= firstEvent).map(([key]) => key));
  if (informative.size < 2) return null;
  const kept = cells.filter((cell) => informative.has(cell.key));
  const result = logRank(
    kept.map((cell) => cell.time),
    kept.map((cell) => cell.event),
    kept.map((cell) => cell.key),
    kept.map((cell) => cell.count),
  );
  return {
    chiSquare: result.chiSquare,
    df: result.df,
    p: result.p,
    groups: result.groups.map((key, i) => ({
      key: String(key),
      observed: result.observed[i],
      expected: result.expected[i],
    })),
  };
}
