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
  constructor(private readonly query: RetentionQuery) {}

  /** Kaplan-Meier curves of time to disengagement per group, medians, and the log-rank test between groups. */
  async curves(scope: AccessScope, filters: EpisodeFilters, groupBy: RetentionGroupBy): Promise<RetentionResponse> {
    const { asOf, cells, tercileCutPoints } = await this.query.run(scope, filters, groupBy);
    const timeOriginDay = groupBy === 'groupTercile' ? 28 : 0;
    const groups = new Map<string, { label: string; cells: SurvivalCell[] }>();
    for (const cell of cells) {
      const group = groups.get(cell.key) ?? { label: cell.label, cells: [] };
      group.cells.push(cell);
      groups.set(cell.key, group);
    }
    const keys = [...groups.keys()].sort((a, b) => rank(groupBy, a) - rank(groupBy, b));

    // The curves' input: one (time, event) pair per episode, expanded from the aggregated counts.
    const time: number[] = [];
    const event: number[] = [];
    const group: string[] = [];
    const curves = keys.map((key): RetentionCurve => {
      const { label, cells: groupCells } = groups.get(key) as { label: string; cells: SurvivalCell[] };
      const groupTime: number[] = [];
      const groupEvent: number[] = [];
      for (const cell of groupCells) {
        for (let i = 0; i < cell.count; i++) {
          groupTime.push(cell.time);
          groupEvent.push(cell.event);
          group.push(key);
        }
      }
      time.push(...groupTime);
      event.push(...groupEvent);
      const curveLabel = groupBy === 'groupTercile' ? tercileLabel(key, tercileCutPoints) : label;
      return survivalCurve(key, curveLabel, groupTime, groupEvent, timeOriginDay);
    });

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
      logRank: logRankBetween(time, event, group),
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
function logRankBetween(time: number[], event: number[], group: string[]): RetentionLogRank | null {
  const eventTimes = time.filter((_, i) => event[i] === 1);
  if (eventTimes.length === 0) return null;
  const firstEvent = Math.min(...eventTimes);
  const lastTime = new Map<string, number>();
  group.forEach((key, i) => lastTime.set(key, Math.max(lastTime.get(key) ?? -Infinity, time[i])));
  const informative = new Set([...lastTime].filter(([, last]) => last >= firstEvent).map(([key]) => key));
  if (informative.size < 2) return null;
  const keep = group.map((key) => informative.has(key));
  const result = logRank(
    time.filter((_, i) => keep[i]),
    event.filter((_, i) => keep[i]),
    group.filter((_, i) => keep[i]),
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
