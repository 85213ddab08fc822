import { CELL_KEY_MODULUS } from '../suppression/cell-key';
import { type CountColumnName, EPISODE_COUNT_COLUMNS, type KeyedEpisodeAggregates } from './episode-aggregates.sql';
import {
  ABSTINENT_FINAL_4_WEEKS,
  ACTIVE,
  COMPLIANT,
  type EpisodeAggregateColumns,
  MEETS_INTENSITY,
  type StoredSlots,
} from './episode-aggregate-store';
import { medianOf } from './percentile';

/** Groups of stored episodes: each slot's group code, and how many codes there are. */
export interface SlotGroups {
  readonly codes: ArrayLike<number>;
  readonly count: number;
}

const COUNT_COLUMNS = EPISODE_COUNT_COLUMNS.length;
const column = (name: CountColumnName): number => EPISODE_COUNT_COLUMNS.indexOf(name);
const EPISODES = column('episodes');
const ACTIVE_EPISODES = column('active');
const ATTENDED = column('attended');
const NO_SHOW = column('no_show');
const ATTENDANCE_DENOMINATOR = column('attendance_denominator');
const MEETS_INTENSITY_EPISODES = column('meets_intensity');
const COMPLIANCE_SCORED = column('compliance_scored');
const COMPLIANT_EPISODES = column('compliant');
const RETENTION_WINDOWS = [30, 60, 90].map((days) => ({
  days,
  eligible: column(`eligible${days}` as CountColumnName),
  retained: column(`retained${days}` as CountColumnName),
}));
const DISCHARGED = column('discharged');
const COMPLETED = column('completed');
const POSITIVE_CONCLUSION = column('positive_conclusion');
const DROPPED_OUT = column('dropped_out');
const SCREENS_NEGATIVE = column('screens_negative');
const SCREENS_EXPECTED = column('screens_expected');
const ABSTINENCE_ELIGIBLE = column('abstinence_eligible');
const ABSTINENT = column('abstinent');
const READMISSION_WINDOWS = [30, 90].map((days) => ({
  days,
  eligible: column(`readmission_eligible${days}` as CountColumnName),
  readmitted: column(`readmitted${days}` as CountColumnName),
}));
/** TEDS-D discharge reasons (docs/METRICS.md): completed, transferred (a positive conclusion), dropped out, left. */
const REASON_COMPLETED = 1;
const REASON_DROPPED_OUT = 2;
const REASON_LEFT = 3;
const REASON_TRANSFERRED = 4;

const UNREDUCED_KEY_LIMIT = 2 ** 52;

/** Every group's counts, each with its cell key: the sum of its records' keys, times what each adds, mod the modulus. */
class KeyedCounts {
  readonly counts: Float64Array;
  readonly keys: Float64Array;

  constructor(groups: number) {
    this.counts = new Float64Array(groups * COUNT_COLUMNS);
    this.keys = new Float64Array(groups * COUNT_COLUMNS);
  }

  /**
   * A key sum is reduced once it passes 2^52 (a modulo at every step took a fifth of the time), so that adding a
   * record key times a value below 2^28 keeps it exact in a double; the key is reduced when read.
   */
  add(at: number, value: number, recordKey: number): void {
    if (value === 0) return;
    this.counts[at] += value;
    const key = this.keys[at] + recordKey * value;
    this.keys[at] = key > UNREDUCED_KEY_LIMIT ? key % CELL_KEY_MODULUS : key;
  }

  key(at: number): number {
    return this.keys[at] % CELL_KEY_MODULUS;
  }
}

/** Per group, the non-null values of one column, for its mean and median. */
class GroupedValues {
  readonly sums: Float64Array;
  readonly sizes: Int32Array;

  constructor(groups: number) {
    this.sums = new Float64Array(groups);
    this.sizes = new Int32Array(groups);
  }

  add(group: number, value: number): void {
    if (Number.isNaN(value)) return;
    this.sums[group] += value;
    this.sizes[group] += 1;
  }

  mean(group: number): number | null {
    return this.sizes[group] === 0 ? null : this.sums[group] / this.sizes[group];
  }

  /** Each group's median, from the values laid out group after group (a counting sort). */
  medians(values: Float64Array, slots: Int32Array, groupOfIndex: Int32Array): (number | null)[] {
    const starts = new Int32Array(this.sizes.length + 1);
    for (let group = 0; group < this.sizes.length; group++) starts[group + 1] = starts[group] + this.sizes[group];
    const next = starts.slice(0, this.sizes.length);
    const laidOut = new Float64Array(starts[this.sizes.length]);
    for (let index = 0; index < slots.length; index++) {
      const value = values[slots[index]];
      if (!Number.isNaN(value)) laidOut[next[groupOfIndex[index]]++] = value;
    }
    return Array.from(this.sizes, (_, group) => medianOf(laidOut.subarray(starts[group], starts[group + 1])));
  }
}

/** EPISODE_AGGREGATES_SQL (and, `withCellKeys`, EPISODE_CELL_KEYS_SQL) over every selected episode. */
export function aggregateSelected(selected: StoredSlots, withCellKeys: boolean): KeyedEpisodeAggregates {
  // One group that holds every selected episode, so it is there even when none is selected.
  return aggregateGroups(selected, null, 1, withCellKeys)[0];
}

/**
 * EPISODE_AGGREGATES_SQL (and, `withCellKeys`, EPISODE_CELL_KEYS_SQL) per group of the selected episodes, as the
 * SQL's GROUP BY gives them: indexed by group code, undefined where the group has no selected episode.
 */
export function aggregateSelectedByGroup(
  selected: StoredSlots,
  groups: SlotGroups,
  withCellKeys: boolean,
): (KeyedEpisodeAggregates | undefined)[] {
  return aggregateGroups(selected, groups.codes, groups.count, withCellKeys).map((aggregates) =>
    aggregates.episodes === 0 ? undefined : aggregates,
  );
}

/** The aggregates of every group code below `groupCount`; `groupOf` null puts every episode in group 0. */
function aggregateGroups(
  { columns, slots }: StoredSlots,
  groupOf: ArrayLike<number> | null,
  groupCount: number,
  withCellKeys: boolean,
): KeyedEpisodeAggregates[] {
  const counts = new KeyedCounts(groupCount);
  const hours = new GroupedValues(groupCount);
  const compliance = new GroupedValues(groupCount);
  const stays = new GroupedValues(groupCount);
  const groupOfIndex = new Int32Array(slots.length);
  for (let index = 0; index < slots.length; index++) {
    const slot = slots[index];
    const group = groupOf === null ? 0 : groupOf[slot];
    groupOfIndex[index] = group;
    countEpisode(columns, slot, counts, group * COUNT_COLUMNS);
    hours.add(group, columns.attendedHoursPerWeek[slot]);
    compliance.add(group, columns.complianceScore[slot]);
    stays.add(group, columns.lengthOfStayDays[slot]);
  }
  const hoursMedians = hours.medians(columns.attendedHoursPerWeek, slots, groupOfIndex);
  const stayMedians = stays.medians(columns.lengthOfStayDays, slots, groupOfIndex);
  return Array.from({ length: groupCount }, (_, group) => {
    const aggregates: Record<string, number | null> = {
      hours_mean: hours.mean(group),
      hours_median: hoursMedians[group],
      compliance_mean: compliance.mean(group),
      los_median: stayMedians[group],
    };
    EPISODE_COUNT_COLUMNS.forEach((name, at) => {
      aggregates[name] = counts.counts[group * COUNT_COLUMNS + at];
      if (withCellKeys) aggregates[`${name}_key`] = counts.key(group * COUNT_COLUMNS + at);
    });
    return aggregates as unknown as KeyedEpisodeAggregates;
  });
}

/** Adds one episode to the counts starting at `base`, each under the FILTER of its EPISODE_AGGREGATES_SQL column. */
function countEpisode(columns: EpisodeAggregateColumns, slot: number, counts: KeyedCounts, base: number): void {
  const recordKey = columns.recordKeys[slot];
  const flags = columns.flags[slot];
  const active = (flags & ACTIVE) !== 0;
  counts.add(base + EPISODES, 1, recordKey);
  if (active) counts.add(base + ACTIVE_EPISODES, 1, recordKey);
  counts.add(base + ATTENDED, columns.attended[slot], recordKey);
  counts.add(base + NO_SHOW, columns.noShow[slot], recordKey);
  counts.add(base + ATTENDANCE_DENOMINATOR, columns.attendanceDenominator[slot], recordKey);
  if (flags & MEETS_INTENSITY) counts.add(base + MEETS_INTENSITY_EPISODES, 1, recordKey);
  if (!Number.isNaN(columns.complianceScore[slot])) counts.add(base + COMPLIANCE_SCORED, 1, recordKey);
  if (flags & COMPLIANT) counts.add(base + COMPLIANT_EPISODES, 1, recordKey);
  const sinceAdmission = columns.daysSinceAdmission[slot];
  const stay = columns.lengthOfStayDays[slot];
  for (const window of RETENTION_WINDOWS) {
    if (!(sinceAdmission >= window.days)) continue;
    counts.add(base + window.eligible, 1, recordKey);
    if (stay >= window.days) counts.add(base + window.retained, 1, recordKey);
  }
  if (!active) counts.add(base + DISCHARGED, 1, recordKey);
  const reason = columns.dischargeReason[slot];
  if (reason === REASON_COMPLETED) counts.add(base + COMPLETED, 1, recordKey);
  if (reason === REASON_COMPLETED || reason === REASON_TRANSFERRED) {
    counts.add(base + POSITIVE_CONCLUSION, 1, recordKey);
  }
  if (reason === REASON_DROPPED_OUT || reason === REASON_LEFT) counts.add(base + DROPPED_OUT, 1, recordKey);
  counts.add(base + SCREENS_NEGATIVE, columns.screensNegative[slot], recordKey);
  counts.add(base + SCREENS_EXPECTED, columns.screensExpected[slot], recordKey);
  if (!active && columns.screensExpectedFinal28[slot] > 0) counts.add(base + ABSTINENCE_ELIGIBLE, 1, recordKey);
  if (!active && flags & ABSTINENT_FINAL_4_WEEKS) counts.add(base + ABSTINENT, 1, recordKey);
  // `discharge_reason <> 4` fails for a null reason (NaN here), which `!==` alone would pass.
  if (Number.isNaN(reason) || reason === REASON_TRANSFERRED) return;
  const sinceDischarge = columns.daysSinceDischarge[slot];
  const daysToReadmission = columns.daysToReadmission[slot];
  for (const window of READMISSION_WINDOWS) {
    if (!(sinceDischarge >= window.days)) continue;
    counts.add(base + window.eligible, 1, recordKey);
    if (daysToReadmission <= window.days) counts.add(base + window.readmitted, 1, recordKey);
  }
}
