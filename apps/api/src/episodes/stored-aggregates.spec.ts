import { CELL_KEY_MODULUS } from '../suppression/cell-key';
import {
  ABSTINENT_FINAL_4_WEEKS,
  ACTIVE,
  COMPLIANT,
  type EpisodeAggregateColumns,
  MEETS_INTENSITY,
} from './episode-aggregate-store';
import { EPISODE_COUNT_COLUMNS, NO_EPISODE_AGGREGATES } from './episode-aggregates.sql';
import { aggregateSelected, aggregateSelectedByGroup } from './stored-aggregates';

const M = CELL_KEY_MODULUS;
const N = null;

/** One episode's stored facts, in the order of EpisodeAggregateColumns' fields below (null: NaN in the store). */
type Episode = [
  recordKey: number,
  flags: number,
  attended: number,
  noShow: number,
  denominator: number,
  screensNegative: number,
  screensExpected: number,
  screensExpectedFinal28: number,
  hours: number | null,
  compliance: number | null,
  sinceAdmission: number | null,
  stay: number | null,
  reason: number | null,
  sinceDischarge: number | null,
  daysToReadmission: number | null,
];

const FIELDS = [
  'recordKeys',
  'flags',
  'attended',
  'noShow',
  'attendanceDenominator',
  'screensNegative',
  'screensExpected',
  'screensExpectedFinal28',
  'attendedHoursPerWeek',
  'complianceScore',
  'daysSinceAdmission',
  'lengthOfStayDays',
  'dischargeReason',
  'daysSinceDischarge',
  'daysToReadmission',
] as const satisfies readonly (keyof EpisodeAggregateColumns)[];

const ARRAY_OF: Record<(typeof FIELDS)[number], new (values: number[]) => ArrayLike<number>> = {
  recordKeys: Int32Array,
  flags: Uint8Array,
  attended: Int32Array,
  noShow: Int32Array,
  attendanceDenominator: Int32Array,
  screensNegative: Int32Array,
  screensExpected: Int32Array,
  screensExpectedFinal28: Int32Array,
  attendedHoursPerWeek: Float64Array,
  complianceScore: Float64Array,
  daysSinceAdmission: Float64Array,
  lengthOfStayDays: Float64Array,
  dischargeReason: Float64Array,
  daysSinceDischarge: Float64Array,
  daysToReadmission: Float64Array,
};

const columnsOf = (episodes: Episode[]) =>
  Object.fromEntries(
    FIELDS.map((field, at) => [field, new ARRAY_OF[field](episodes.map((episode) => episode[at] ?? Number.NaN))]),
  ) as unknown as EpisodeAggregateColumns;

/**
 * Slot 0 is never selected; the four selected are read out of slot order. Record keys of M - 1 make every key sum
 * pass the modulus. Worked out by hand from docs/METRICS.md's definitions.
 */
const EPISODES: Episode[] = [
  [123, ACTIVE | COMPLIANT, 99, 99, 99, 9, 9, 9, 99, 0.99, 999, 999, N, N, N],
  // Active, admitted 95 days before the data's end.
  [M - 1, ACTIVE | COMPLIANT, 3, 1, 5, 2, 3, 1, 2.5, 0.9, 95, 96, N, N, N],
  // Completed, readmitted 20 days after a discharge 155 days before the end.
  [M - 1, MEETS_INTENSITY | ABSTINENT_FINAL_4_WEEKS, 10, 0, 10, 4, 4, 2, 9.5, N, 200, 45, 1, 155, 20],
  // Transferred (a positive conclusion, never a readmission), discharged on the last day.
  [5, 0, 0, 0, 0, 0, 0, 0, N, 0.5, 31, 31, 4, 0, 5],
  // Dropped out.
  [7, 0, 1, 4, 6, 1, 2, 2, 1, 0.2, 60, 10, 2, 50, N],
];
const SELECTED = { columns: columnsOf(EPISODES), slots: Int32Array.from([1, 2, 3, 4]) };

describe('the episode aggregates of stored episodes, worked out by hand', () => {
  it('counts, sums, keys each count modulo 2^24, and takes means and medians over the non-null values', () => {
    const { hours_mean: hoursMean, compliance_mean: complianceMean, ...exact } = aggregateSelected(SELECTED, true);
    // 2.5, 9.5 and 1; 0.9, 0.5 and 0.2 (episode 2 has no score).
    expect(hoursMean).toBeCloseTo(13 / 3, 12);
    expect(complianceMean).toBeCloseTo(1.6 / 3, 12);
    expect(exact).toEqual({
      episodes: 4,
      episodes_key: 10,
      active: 1,
      active_key: M - 1,
      attended: 14,
      attended_key: M - 6,
      no_show: 5,
      no_show_key: 27,
      attendance_denominator: 21,
      attendance_denominator_key: 27,
      // 1, 2.5, 9.5.
      hours_median: 2.5,
      meets_intensity: 1,
      meets_intensity_key: M - 1,
      compliance_scored: 3,
      compliance_scored_key: 11,
      compliant: 1,
      compliant_key: M - 1,
      eligible30: 4,
      eligible30_key: 10,
      retained30: 3,
      retained30_key: 3,
      eligible60: 3,
      eligible60_key: 5,
      retained60: 1,
      retained60_key: M - 1,
      eligible90: 2,
      eligible90_key: M - 2,
      retained90: 1,
      retained90_key: M - 1,
      discharged: 3,
      discharged_key: 11,
      completed: 1,
      completed_key: M - 1,
      positive_conclusion: 2,
      positive_conclusion_key: 4,
      dropped_out: 1,
      dropped_out_key: 7,
      // 10, 31, 45, 96: between the middle two.
      los_median: 38,
      screens_negative: 7,
      screens_negative_key: 1,
      screens_expected: 9,
      screens_expected_key: 7,
      abstinence_eligible: 2,
      abstinence_eligible_key: 6,
      abstinent: 1,
      abstinent_key: M - 1,
      readmission_eligible30: 2,
      readmission_eligible30_key: 6,
      readmitted30: 1,
      readmitted30_key: M - 1,
      readmission_eligible90: 1,
      readmission_eligible90_key: M - 1,
      readmitted90: 1,
      readmitted90_key: M - 1,
    });
  });

  it('leaves out the keys for exact figures, and gives the empty aggregates of no episodes', () => {
    const exact = aggregateSelected(SELECTED, false);
    expect(Object.keys(exact).filter((name) => name.endsWith('_key'))).toEqual([]);
    expect(aggregateSelected({ ...SELECTED, slots: new Int32Array(0) }, false)).toEqual(NO_EPISODE_AGGREGATES);
    expect(aggregateSelected({ ...SELECTED, slots: new Int32Array(0) }, true)).toEqual({
      ...NO_EPISODE_AGGREGATES,
      ...Object.fromEntries(EPISODE_COUNT_COLUMNS.map((name) => [`${name}_key`, 0])),
    });
  });

  it('aggregates each group apart, and no group without episodes', () => {
    const groups = aggregateSelectedByGroup(SELECTED, { codes: [1, 0, 0, 2, 2], count: 3 }, false);
    expect(groups.map((group) => group?.episodes)).toEqual([2, undefined, 2]);
    // Group 0 is slots 1 and 2: hours 2.5 and 9.5, stays 96 and 45.
    expect([groups[0]?.hours_median, groups[0]?.los_median, groups[0]?.compliance_mean]).toEqual([6, 70.5, 0.9]);
    // Group 2 is slots 3 and 4 (slot 0 is not selected): hours null and 1.
    expect([groups[2]?.hours_mean, groups[2]?.hours_median, groups[2]?.completed]).toEqual([1, 1, 0]);
  });
});
