import type { EpisodeFilters } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import type { AccessScope } from '../access/access-scope';
import { type EpisodeAtRevision, EpisodeRevisionStore, grown } from '../episodes/episode-revision-store';
import { EpisodeRevisionsQuery } from '../episodes/episode-revisions.query';
import { Interned } from '../episodes/interned';
import { type QualityCase, QualityCasesQuery } from './quality-cases.query';
import { type MeasureOutcome, QUALITY_MEASURES } from './quality-measures';

const MEASURE_COUNT = QUALITY_MEASURES.length;

/** How an episode stands in one measure, as one number: an exclusion is EXCLUDED + its reason's code. */
export const OUTSIDE = 0;
export const NOT_IN_NUMERATOR = 1;
export const IN_NUMERATOR = 2;
export const EXCLUDED = 3;

/** The selected episodes' places in the store, in episode id order. */
export interface StoredSelection {
  readonly store: QualityOutcomeStore;
  readonly slots: Int32Array;
}

/**
 * Every episode's standing in every quality measure, kept between requests (EpisodeRevisionStore) as a few
 * numbers per episode (about 40 bytes: the 120,000 episodes of the large network in about 5 MB), with what the
 * answers group and perturb by. An episode read again is evaluated again; a whole network's 120,000 cases took
 * 1.2-1.8 s to read and evaluate, and used to on every new data version.
 */
@Injectable()
export class QualityOutcomeStore extends EpisodeRevisionStore<QualityCase> {
  private recordKeys = new Float64Array(0);
  private programIds = new Int32Array(0);
  private payerCodes = new Uint16Array(0);
  private monthCodes = new Uint16Array(0);
  /** MEASURE_COUNT codes per slot, in QUALITY_MEASURES' order. */
  private outcomes = new Uint16Array(0);
  private readonly payers = new Interned<string>();
  private readonly months = new Interned<string>();
  private readonly reasons = new Interned<string>();

  constructor(
    revisionsQuery: EpisodeRevisionsQuery,
    private readonly casesQuery: QualityCasesQuery,
  ) {
    super(revisionsQuery);
  }

  async select(scope: AccessScope, filters: EpisodeFilters): Promise<StoredSelection> {
    return { store: this, slots: await this.selectSlots(scope, filters) };
  }

  /** The standing of a stored episode in the measure at `measureIndex` of QUALITY_MEASURES. */
  outcomeCode(slot: number, measureIndex: number): number {
    return this.outcomes[slot * MEASURE_COUNT + measureIndex];
  }

  exclusionReason(code: number): string {
    return this.reasons.values[code - EXCLUDED];
  }

  recordKey(slot: number): number {
    return this.recordKeys[slot];
  }

  programId(slot: number): number {
    return this.programIds[slot];
  }

  /** The episode's payer as a small number, and back. */
  payerCode(slot: number): number {
    return this.payerCodes[slot];
  }

  payerOf(code: number): string {
    return this.payers.values[code];
  }

  /** The episode's month of admission (YYYY-MM) as a small number, and back. */
  monthCode(slot: number): number {
    return this.monthCodes[slot];
  }

  monthOf(code: number): string {
    return this.months.values[code];
  }

  protected async read(episodeIds: readonly number[]): Promise<EpisodeAtRevision<QualityCase>[]> {
    return (await this.casesQuery.byIds(episodeIds)).map(({ revision, qualityCase }) => ({
      episodeId: qualityCase.episodeId,
      revision,
      row: qualityCase,
    }));
  }

  protected reserve(capacity: number): void {
    this.recordKeys = grown(this.recordKeys, capacity);
    this.programIds = grown(this.programIds, capacity);
    this.payerCodes = grown(this.payerCodes, capacity);
    this.monthCodes = grown(this.monthCodes, capacity);
    this.outcomes = grown(this.outcomes, capacity * MEASURE_COUNT);
  }

  protected write(slot: number, qualityCase: QualityCase): void {
    this.recordKeys[slot] = qualityCase.recordKey;
    this.programIds[slot] = qualityCase.programId;
    this.payerCodes[slot] = this.payers.code(qualityCase.payer);
    this.monthCodes[slot] = this.months.code(qualityCase.admitMonth);
    QUALITY_MEASURES.forEach((measure, measureIndex) => {
      this.outcomes[slot * MEASURE_COUNT + measureIndex] = this.encode(measure.evaluate(qualityCase));
    });
  }

  private encode(outcome: MeasureOutcome): number {
    if (outcome.status === 'outside') return OUTSIDE;
    if (outcome.status === 'denominator') return outcome.inNumerator ? IN_NUMERATOR : NOT_IN_NUMERATOR;
    return EXCLUDED + this.reasons.code(outcome.exclusion ?? '');
  }
}
