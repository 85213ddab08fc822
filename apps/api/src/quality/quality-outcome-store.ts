import type { EpisodeFilters } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import type { AccessScope } from '../access/access-scope';
import { QualityCasesQuery, type CaseAtRevision } from './quality-cases.query';
import { type MeasureOutcome, QUALITY_MEASURES } from './quality-measures';

const MEASURE_COUNT = QUALITY_MEASURES.length;
const FIRST_CAPACITY = 1024;

/** How an episode stands in one measure, as one number: an exclusion is EXCLUDED + its reason's code. */
export const OUTSIDE = 0;
export const NOT_IN_NUMERATOR = 1;
export const IN_NUMERATOR = 2;
export const EXCLUDED = 3;

/** Strings kept once, each under a small code. */
class Interned {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();

  code(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codes.set(value, code);
    }
    return code;
  }
}

function grown<T extends Float64Array | Int32Array | Uint16Array>(array: T, length: number): T {
  if (length <= array.length) return array;
  const larger = new (array.constructor as new (length: number) => T)(Math.max(length, array.length * 2));
  larger.set(array);
  return larger;
}

/** The selected episodes' places in the store, in the selection's order. */
export interface StoredSelection {
  readonly store: QualityOutcomeStore;
  readonly slots: Int32Array;
}

/**
 * Every episode's standing in every quality measure, kept in memory between requests as a few numbers per
 * episode (about 40 bytes: the 120,000 episodes of the large network in about 5 MB), with what the answers group
 * and perturb by. A request reads only which episodes it selects and the revisions of their facts rows (new on
 * every write of the row); an episode seen for the first time, or whose row was rewritten since (a load touched
 * it), is read and evaluated again. So the first whole-network request after start-up reads every case (seconds
 * at the large preset), and a request after a load reads the episodes the load touched, not the 120,000 cases
 * that every new data version used to cost. An episode deleted by a load keeps its numbers here (memory, not a
 * wrong answer) but is never selected again.
 */
@Injectable()
export class QualityOutcomeStore {
  private readonly slotOf = new Map<number, number>();
  private size = 0;
  private revisions = new Float64Array(FIRST_CAPACITY);
  private recordKeys = new Float64Array(FIRST_CAPACITY);
  private programIds = new Int32Array(FIRST_CAPACITY);
  private payerCodes = new Uint16Array(FIRST_CAPACITY);
  private monthCodes = new Uint16Array(FIRST_CAPACITY);
  /** MEASURE_COUNT codes per slot, in QUALITY_MEASURES' order. */
  private outcomes = new Uint16Array(FIRST_CAPACITY * MEASURE_COUNT);
  private readonly payers = new Interned();
  private readonly months = new Interned();
  private readonly reasons = new Interned();
  /** Loads run one at a time, so two requests never read and evaluate the same episodes twice. */
  private loading: Promise<unknown> = Promise.resolve();

  constructor(private readonly casesQuery: QualityCasesQuery) {}

  /** The selected episodes, every one of them stored at the revision the selection read or a later one. */
  async select(scope: AccessScope, filters: EpisodeFilters): Promise<StoredSelection> {
    const { ids, revisions } = await this.casesQuery.selectedRevisions(scope, filters);
    let slots = this.slotsOf(ids, revisions);
    if (slots === null) {
      await this.exclusively(async () => {
        const stale = ids.filter((id, index) => this.currentSlot(id, revisions[index]) === undefined);
        if (stale.length > 0) this.keep(await this.casesQuery.byIds(stale));
      });
      // An episode the second read no longer found was deleted by a load in between: it is no longer selected.
      slots = Int32Array.from(ids.flatMap((id) => this.slotOf.get(id) ?? []));
    }
    return { store: this, slots };
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

  /** The episodes' slots when every one is stored at its revision; null when any is not. */
  private slotsOf(ids: readonly number[], revisions: readonly number[]): Int32Array | null {
    const slots = new Int32Array(ids.length);
    for (let index = 0; index < ids.length; index++) {
      const slot = this.currentSlot(ids[index], revisions[index]);
      if (slot === undefined) return null;
      slots[index] = slot;
    }
    return slots;
  }

  /** The episode's slot if it is stored at that revision. */
  private currentSlot(id: number, revision: number): number | undefined {
    const slot = this.slotOf.get(id);
    return slot !== undefined && this.revisions[slot] === revision ? slot : undefined;
  }

  private exclusively(work: () => Promise<void>): Promise<void> {
    const run = this.loading.then(work);
    this.loading = run.catch(() => undefined);
    return run;
  }

  private keep(cases: readonly CaseAtRevision[]): void {
    this.reserve(this.size + cases.length);
    for (const { revision, qualityCase } of cases) {
      let slot = this.slotOf.get(qualityCase.episodeId);
      if (slot === undefined) {
        slot = this.size++;
        this.slotOf.set(qualityCase.episodeId, slot);
      }
      this.revisions[slot] = revision;
      this.recordKeys[slot] = qualityCase.recordKey;
      this.programIds[slot] = qualityCase.programId;
      this.payerCodes[slot] = this.payers.code(qualityCase.payer);
      this.monthCodes[slot] = this.months.code(qualityCase.admitMonth);
      QUALITY_MEASURES.forEach((measure, measureIndex) => {
        this.outcomes[slot * MEASURE_COUNT + measureIndex] = this.encode(measure.evaluate(qualityCase));
      });
    }
  }

  private encode(outcome: MeasureOutcome): number {
    if (outcome.status === 'outside') return OUTSIDE;
    if (outcome.status === 'denominator') return outcome.inNumerator ? IN_NUMERATOR : NOT_IN_NUMERATOR;
    return EXCLUDED + this.reasons.code(outcome.exclusion ?? '');
  }

  private reserve(slots: number): void {
    this.revisions = grown(this.revisions, slots);
    this.recordKeys = grown(this.recordKeys, slots);
    this.programIds = grown(this.programIds, slots);
    this.payerCodes = grown(this.payerCodes, slots);
    this.monthCodes = grown(this.monthCodes, slots);
    this.outcomes = grown(this.outcomes, slots * MEASURE_COUNT);
  }
}
