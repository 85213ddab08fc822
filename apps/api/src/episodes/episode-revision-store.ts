import type { EpisodeFilters } from '@iop/contracts';
import type { AccessScope } from '../access/access-scope';
import { EpisodeRevisionsQuery } from './episode-revisions.query';

const FIRST_CAPACITY = 1024;

/** One episode's data as a store reads it, with the revision of the facts row it was read from. */
export interface EpisodeAtRevision<Row> {
  episodeId: number;
  revision: number;
  row: Row;
}

/** A typed array with room for at least `length` elements: the same one, or a copy twice as long or longer. */
export function grown<T extends Float64Array | Int32Array | Uint16Array | Uint8Array>(array: T, length: number): T {
  if (length <= array.length) return array;
  const larger = new (array.constructor as new (length: number) => T)(Math.max(length, array.length * 2));
  larger.set(array);
  return larger;
}

/**
 * Per-episode data kept in memory between requests, each episode in a slot of the subclass's typed arrays. A
 * request reads which episodes it selects and their facts rows' revisions (EpisodeRevisionsQuery); an episode
 * seen for the first time, or whose row was rewritten since (a load touched it), is read again. So the first
 * whole-network request after start-up reads every episode, and a request after a load only those the load
 * touched, instead of every selected row on every new data version. An episode deleted by a load keeps its slot
 * (memory, never a wrong answer) but is never selected again.
 */
export abstract class EpisodeRevisionStore<Row> {
  private readonly slotOf = new Map<number, number>();
  private size = 0;
  private revisions = new Float64Array(FIRST_CAPACITY);
  /** Reads run one at a time, so two requests never read and keep the same episodes twice. */
  private reading: Promise<unknown> = Promise.resolve();

  constructor(private readonly revisionsQuery: EpisodeRevisionsQuery) {}

  /** The given episodes' data (those that still exist), each with its facts row's revision. */
  protected abstract read(episodeIds: readonly number[]): Promise<EpisodeAtRevision<Row>[]>;

  /** Makes room for `capacity` slots in the subclass's arrays (`grown` each). */
  protected abstract reserve(capacity: number): void;

  /** Writes an episode's data into its slot. */
  protected abstract write(slot: number, row: Row): void;

  /**
   * The slots of the selected episodes, in episode id order, every one of them stored at the revision the
   * selection read or a later one.
   */
  async selectSlots(scope: AccessScope, filters: EpisodeFilters): Promise<Int32Array> {
    const { ids, revisions } = await this.revisionsQuery.run(scope, filters);
    const slots = this.currentSlots(ids, revisions);
    if (slots !== null) return slots;
    await this.exclusively(async () => {
      const stale = ids.filter((id, index) => this.currentSlot(id, revisions[index]) === undefined);
      if (stale.length > 0) this.keep(await this.read(stale));
    });
    // An episode the second read no longer found was deleted by a load in between: it is no longer selected.
    return Int32Array.from(ids.flatMap((id) => this.slotOf.get(id) ?? []));
  }

  /** The episodes' slots when every one is stored at its revision; null when any is not. */
  private currentSlots(ids: readonly number[], revisions: readonly number[]): Int32Array | null {
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
    const run = this.reading.then(work);
    this.reading = run.catch(() => undefined);
    return run;
  }

  private keep(episodes: readonly EpisodeAtRevision<Row>[]): void {
    this.revisions = grown(this.revisions, this.size + episodes.length);
    this.reserve(this.size + episodes.length);
    for (const { episodeId, revision, row } of episodes) {
      let slot = this.slotOf.get(episodeId);
      if (slot === undefined) {
        slot = this.size++;
        this.slotOf.set(episodeId, slot);
      }
      this.revisions[slot] = revision;
      this.write(slot, row);
    }
  }
}
