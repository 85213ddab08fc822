import type { EpisodeFilters } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import type { AccessScope } from '../access/access-scope';
import { type AggregatedEpisode, AggregatedEpisodesQuery } from './aggregated-episodes.query';
import { type EpisodeAtRevision, EpisodeRevisionStore, grown } from './episode-revision-store';
import { EpisodeRevisionsQuery } from './episode-revisions.query';
import { Interned } from './interned';

/** Bits of EpisodeAggregateColumns.flags. */
export const ACTIVE = 1;
export const MEETS_INTENSITY = 2;
export const COMPLIANT = 4;
export const ABSTINENT_FINAL_4_WEEKS = 8;

/**
 * The stored facts of every episode, one slot each, as the aggregates read them. The nullable numbers are
 * Float64Arrays with NaN for null: every comparison with NaN is false, as every comparison with NULL fails a
 * FILTER; the medians and means skip them as the SQL's skip nulls.
 */
export interface EpisodeAggregateColumns {
  readonly recordKeys: Int32Array;
  readonly flags: Uint8Array;
  readonly attended: Int32Array;
  readonly noShow: Int32Array;
  readonly attendanceDenominator: Int32Array;
  readonly screensNegative: Int32Array;
  readonly screensExpected: Int32Array;
  readonly screensExpectedFinal28: Int32Array;
  readonly attendedHoursPerWeek: Float64Array;
  readonly complianceScore: Float64Array;
  readonly daysSinceAdmission: Float64Array;
  readonly lengthOfStayDays: Float64Array;
  readonly dischargeReason: Float64Array;
  readonly daysSinceDischarge: Float64Array;
  readonly daysToReadmission: Float64Array;
}

/** Each stored episode's group under one dimension, as a code, and each code's value. */
export interface EpisodeGroupCodes<Value> {
  readonly codes: Int32Array | Uint16Array;
  readonly values: readonly Value[];
}

/** What the stored episodes can be grouped by: the breakdown's episode dimensions and the month of admission. */
export interface EpisodeGroups {
  readonly program: EpisodeGroupCodes<number>;
  readonly levelOfCare: EpisodeGroupCodes<string>;
  readonly payer: EpisodeGroupCodes<string>;
  readonly substance: EpisodeGroupCodes<string>;
  readonly ageBand: EpisodeGroupCodes<string>;
  /** Null: no primary counselor. */
  readonly counselor: EpisodeGroupCodes<number | null>;
  /** YYYY-MM. */
  readonly admitMonth: EpisodeGroupCodes<string>;
}

/** Slots of stored episodes, in episode id order, and the columns they index. */
export interface StoredSlots {
  readonly columns: EpisodeAggregateColumns;
  readonly slots: Int32Array;
}

/** The selected episodes, with what they can be grouped by. */
export interface SelectedEpisodes extends StoredSlots {
  readonly groups: EpisodeGroups;
}

const nullAsNaN = (value: number | null): number => (value === null ? Number.NaN : value);

/**
 * What the thirty episode aggregates (EPISODE_AGGREGATES_SQL) and their cell keys read of every episode, and what
 * the summary, trend and breakdown group it by, kept between requests (EpisodeRevisionStore) in about 100 bytes
 * per episode (12 MB at 120,000). Computed over the wide facts rows, the whole network's aggregates took
 * 300-470 ms on every new data version, most of it deforming and sorting the rows.
 */
@Injectable()
export class EpisodeAggregateStore extends EpisodeRevisionStore<AggregatedEpisode> {
  private recordKeys = new Int32Array(0);
  private flags = new Uint8Array(0);
  private attended = new Int32Array(0);
  private noShow = new Int32Array(0);
  private attendanceDenominator = new Int32Array(0);
  private screensNegative = new Int32Array(0);
  private screensExpected = new Int32Array(0);
  private screensExpectedFinal28 = new Int32Array(0);
  private attendedHoursPerWeek = new Float64Array(0);
  private complianceScore = new Float64Array(0);
  private daysSinceAdmission = new Float64Array(0);
  private lengthOfStayDays = new Float64Array(0);
  private dischargeReason = new Float64Array(0);
  private daysSinceDischarge = new Float64Array(0);
  private daysToReadmission = new Float64Array(0);

  private programCodes = new Int32Array(0);
  private levelOfCareCodes = new Uint16Array(0);
  private payerCodes = new Uint16Array(0);
  private substanceCodes = new Uint16Array(0);
  private ageBandCodes = new Uint16Array(0);
  private counselorCodes = new Int32Array(0);
  private admitMonthCodes = new Uint16Array(0);
  private readonly programs = new Interned<number>();
  private readonly levelsOfCare = new Interned<string>();
  private readonly payers = new Interned<string>();
  private readonly substances = new Interned<string>();
  private readonly ageBands = new Interned<string>();
  private readonly counselors = new Interned<number | null>();
  private readonly admitMonths = new Interned<string>();

  constructor(
    revisionsQuery: EpisodeRevisionsQuery,
    private readonly episodesQuery: AggregatedEpisodesQuery,
  ) {
    super(revisionsQuery);
  }

  /**
   * The selected episodes, every one stored at its current revision, with the arrays of this moment: a later read
   * may replace them, so they are taken together, in one step.
   */
  async select(scope: AccessScope, filters: EpisodeFilters): Promise<SelectedEpisodes> {
    const slots = await this.selectSlots(scope, filters);
    return { columns: this.columns(), slots, groups: this.groups() };
  }

  private groups(): EpisodeGroups {
    return {
      program: { codes: this.programCodes, values: this.programs.values },
      levelOfCare: { codes: this.levelOfCareCodes, values: this.levelsOfCare.values },
      payer: { codes: this.payerCodes, values: this.payers.values },
      substance: { codes: this.substanceCodes, values: this.substances.values },
      ageBand: { codes: this.ageBandCodes, values: this.ageBands.values },
      counselor: { codes: this.counselorCodes, values: this.counselors.values },
      admitMonth: { codes: this.admitMonthCodes, values: this.admitMonths.values },
    };
  }

  private columns(): EpisodeAggregateColumns {
    return {
      recordKeys: this.recordKeys,
      flags: this.flags,
      attended: this.attended,
      noShow: this.noShow,
      attendanceDenominator: this.attendanceDenominator,
      screensNegative: this.screensNegative,
      screensExpected: this.screensExpected,
      screensExpectedFinal28: this.screensExpectedFinal28,
      attendedHoursPerWeek: this.attendedHoursPerWeek,
      complianceScore: this.complianceScore,
      daysSinceAdmission: this.daysSinceAdmission,
      lengthOfStayDays: this.lengthOfStayDays,
      dischargeReason: this.dischargeReason,
      daysSinceDischarge: this.daysSinceDischarge,
      daysToReadmission: this.daysToReadmission,
    };
  }

  protected read(episodeIds: readonly number[]): Promise<EpisodeAtRevision<AggregatedEpisode>[]> {
    return this.episodesQuery.byIds(episodeIds);
  }

  protected reserve(capacity: number): void {
    this.recordKeys = grown(this.recordKeys, capacity);
    this.flags = grown(this.flags, capacity);
    this.attended = grown(this.attended, capacity);
    this.noShow = grown(this.noShow, capacity);
    this.attendanceDenominator = grown(this.attendanceDenominator, capacity);
    this.screensNegative = grown(this.screensNegative, capacity);
    this.screensExpected = grown(this.screensExpected, capacity);
    this.screensExpectedFinal28 = grown(this.screensExpectedFinal28, capacity);
    this.attendedHoursPerWeek = grown(this.attendedHoursPerWeek, capacity);
    this.complianceScore = grown(this.complianceScore, capacity);
    this.daysSinceAdmission = grown(this.daysSinceAdmission, capacity);
    this.lengthOfStayDays = grown(this.lengthOfStayDays, capacity);
    this.dischargeReason = grown(this.dischargeReason, capacity);
    this.daysSinceDischarge = grown(this.daysSinceDischarge, capacity);
    this.daysToReadmission = grown(this.daysToReadmission, capacity);
    this.programCodes = grown(this.programCodes, capacity);
    this.levelOfCareCodes = grown(this.levelOfCareCodes, capacity);
    this.payerCodes = grown(this.payerCodes, capacity);
    this.substanceCodes = grown(this.substanceCodes, capacity);
    this.ageBandCodes = grown(this.ageBandCodes, capacity);
    this.counselorCodes = grown(this.counselorCodes, capacity);
    this.admitMonthCodes = grown(this.admitMonthCodes, capacity);
  }

  protected write(slot: number, episode: AggregatedEpisode): void {
    this.recordKeys[slot] = episode.recordKey;
    this.flags[slot] =
      (episode.active ? ACTIVE : 0) |
      (episode.meetsIntensity ? MEETS_INTENSITY : 0) |
      (episode.compliant ? COMPLIANT : 0) |
      (episode.abstinentFinal4Weeks ? ABSTINENT_FINAL_4_WEEKS : 0);
    this.attended[slot] = episode.attended;
    this.noShow[slot] = episode.noShow;
    this.attendanceDenominator[slot] = episode.attendanceDenominator;
    this.screensNegative[slot] = episode.screensNegative;
    this.screensExpected[slot] = episode.screensExpected;
    this.screensExpectedFinal28[slot] = episode.screensExpectedFinal28;
    this.attendedHoursPerWeek[slot] = nullAsNaN(episode.attendedHoursPerWeek);
    this.complianceScore[slot] = nullAsNaN(episode.complianceScore);
    this.daysSinceAdmission[slot] = nullAsNaN(episode.daysSinceAdmission);
    this.lengthOfStayDays[slot] = nullAsNaN(episode.lengthOfStayDays);
    this.dischargeReason[slot] = nullAsNaN(episode.dischargeReason);
    this.daysSinceDischarge[slot] = nullAsNaN(episode.daysSinceDischarge);
    this.daysToReadmission[slot] = nullAsNaN(episode.daysToReadmission);
    this.programCodes[slot] = this.programs.code(episode.programId);
    this.levelOfCareCodes[slot] = this.levelsOfCare.code(episode.levelOfCare);
    this.payerCodes[slot] = this.payers.code(episode.payer);
    this.substanceCodes[slot] = this.substances.code(episode.substance);
    this.ageBandCodes[slot] = this.ageBands.code(episode.ageBand);
    this.counselorCodes[slot] = this.counselors.code(episode.counselorId);
    this.admitMonthCodes[slot] = this.admitMonths.code(episode.admitMonth);
  }
}
