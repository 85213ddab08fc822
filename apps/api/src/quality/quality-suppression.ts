import type { QualityMeasureGroup, QualityMeasureResult, QualityMeasuresResponse } from '@iop/contracts';
import { isSuppressed } from '@iop/contracts';
import { exactRate } from '../suppression/shared-partitions';
import type { QualityMeasureSplits } from './quality-funnel';
import {
  REASON_COMPLEMENT,
  suppressCount,
  suppressPartition,
  suppressRate,
  withheld,
} from '../suppression/small-cells';

/**
 * A payer's view of the quality measures, built from the suppression primitives (docs/METRICS.md "Small
 * cells"). A measure's rate is withheld when its numerator, denominator or their difference is 1-10; each
 * exclusion count when it is 1-10 (the eligible total they add up to with the denominator is never shown).
 */
export function suppressMeasure(measure: QualityMeasureResult): QualityMeasureResult {
  return {
    ...measure,
    rate: suppressRate(exactRate(measure.rate)),
    exclusions: measure.exclusions.map((exclusion) => ({
      ...exclusion,
      count: suppressCount(exclusion.count as number),
    })),
  };
}

export function suppressQualityMeasures(response: QualityMeasuresResponse): QualityMeasuresResponse {
  return { ...response, measures: response.measures.map(suppressMeasure) };
}

/**
 * Groups (months, programs, payers) partition the measure's denominator and numerator, whose totals the
 * measure shows: a group is withheld when any of numerator, denominator and difference is 1-10, and then
 * siblings too, until the withheld groups cannot be recovered by subtraction from the total.
 */
export function suppressQualityGroups(groups: readonly QualityMeasureGroup[]): QualityMeasureGroup[] {
  const counts = groups.map((group) => {
    const rate = exactRate(group.rate);
    return [rate.numerator, rate.denominator, rate.denominator - rate.numerator];
  });
  const { hidden } = suppressPartition(counts, { totalShown: true });
  return groups.map((group, i) => {
    const primary = suppressRate(group.rate);
    return { ...group, rate: hidden[i] && !isSuppressed(primary) ? withheld(REASON_COMPLEMENT) : primary };
  });
}

export function suppressQualityDetail(detail: QualityMeasureSplits): QualityMeasureSplits {
  return {
    asOf: detail.asOf,
    measure: suppressMeasure(detail.measure),
    trend: suppressQualityGroups(detail.trend),
    byProgram: suppressQualityGroups(detail.byProgram),
    byPayer: suppressQualityGroups(detail.byPayer),
  };
}
