import type { EpisodeFilters } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import type { AccessScope } from '../access/access-scope';
import { type EpisodeAtRevision, EpisodeRevisionStore, grown } from '../episodes/episode-revision-store';
import { EpisodeRevisionsQuery } from '../episodes/episode-revisions.query';
import { type EvidenceRow, EvidenceRowsQuery } from './evidence-rows.query';
import {
  BOOLEANS,
  mapFields,
  NULLABLE,
  NUMBERS,
  type PackedRows,
  sharedFloat64,
  sharedUint8,
  TEXT,
} from './packed-rows';

/** A text column: each distinct value once, and per slot its code. */
interface TextColumn {
  values: string[];
  codeOf: Map<string, number>;
  codes: Uint16Array;
}

/**
 * Every episode's evidence row, kept between requests (EpisodeRevisionStore) in columns like the packed rows the
 * board's workers read (about 170 bytes an episode: 20 MB for the large network). A board gathers its selection's
 * slots into fresh shared columns; reading and parsing the large network's 120,000 rows took about 2 s of the
 * event loop on every new data version.
 */
@Injectable()
export class EvidenceRowStore extends EpisodeRevisionStore<EvidenceRow> {
  private readonly text = mapFields(
    TEXT,
    (): TextColumn => ({ values: [], codeOf: new Map(), codes: new Uint16Array(0) }),
  );
  private readonly numbers = mapFields(NUMBERS, () => new Float64Array(0));
  private readonly nullable = mapFields(NULLABLE, () => ({ values: new Float64Array(0), nulls: new Uint8Array(0) }));
  private readonly booleans = mapFields(BOOLEANS, () => new Uint8Array(0));
  /** One writer per field, bound to the field's current arrays (rebuilt when they grow). */
  private writers: Array<(slot: number, row: EvidenceRow) => void> = [];

  constructor(
    revisionsQuery: EpisodeRevisionsQuery,
    private readonly rowsQuery: EvidenceRowsQuery,
  ) {
    super(revisionsQuery);
  }

  /** The selected episodes' rows, in episode id order, as shared columns for the workers. */
  async packed(scope: AccessScope, filters: EpisodeFilters): Promise<PackedRows> {
    const slots = await this.selectSlots(scope, filters);
    const count = slots.length;
    return {
      count,
      text: mapFields(this.text, (column) => {
        const codes = new Uint16Array(new SharedArrayBuffer(count * 2));
        for (let i = 0; i < count; i++) codes[i] = column.codes[slots[i]];
        return { values: [...column.values], codes };
      }),
      numbers: mapFields(this.numbers, (column) => {
        const values = sharedFloat64(count);
        for (let i = 0; i < count; i++) values[i] = column[slots[i]];
        return values;
      }),
      nullable: mapFields(this.nullable, (column) => {
        const values = sharedFloat64(count);
        const nulls = sharedUint8(count);
        for (let i = 0; i < count; i++) {
          values[i] = column.values[slots[i]];
          nulls[i] = column.nulls[slots[i]];
        }
        return { values, nulls };
      }),
      booleans: mapFields(this.booleans, (column) => {
        const values = sharedUint8(count);
        for (let i = 0; i < count; i++) values[i] = column[slots[i]];
        return values;
      }),
    };
  }

  protected read(episodeIds: readonly number[]): Promise<EpisodeAtRevision<EvidenceRow>[]> {
    return this.rowsQuery.byIds(episodeIds);
  }

  protected reserve(capacity: number): void {
    const writers: Array<(slot: number, row: EvidenceRow) => void> = [];
    for (const [field, get] of Object.entries(TEXT) as Array<[keyof typeof TEXT, (row: EvidenceRow) => string]>) {
      const column = this.text[field];
      column.codes = grown(column.codes, capacity);
      writers.push((slot, row) => {
        const value = get(row);
        let code = column.codeOf.get(value);
        if (code === undefined) {
          code = column.values.length;
          if (code > 0xffff) throw new RangeError(`EvidenceRowStore: more than 65,536 values of ${field}`);
          column.values.push(value);
          column.codeOf.set(value, code);
        }
        column.codes[slot] = code;
      });
    }
    for (const [field, get] of Object.entries(NUMBERS) as Array<[keyof typeof NUMBERS, (row: EvidenceRow) => number]>) {
      const column = (this.numbers[field] = grown(this.numbers[field], capacity));
      writers.push((slot, row) => {
        column[slot] = get(row);
      });
    }
    for (const [field, get] of Object.entries(NULLABLE) as Array<
      [keyof typeof NULLABLE, (row: EvidenceRow) => number | null]
    >) {
      const column = this.nullable[field];
      column.values = grown(column.values, capacity);
      column.nulls = grown(column.nulls, capacity);
      writers.push((slot, row) => {
        const value = get(row);
        column.nulls[slot] = value === null ? 1 : 0;
        column.values[slot] = value ?? 0;
      });
    }
    for (const [field, get] of Object.entries(BOOLEANS) as Array<
      [keyof typeof BOOLEANS, (row: EvidenceRow) => boolean]
    >) {
      const column = (this.booleans[field] = grown(this.booleans[field], capacity));
      writers.push((slot, row) => {
        column[slot] = get(row) ? 1 : 0;
      });
    }
    this.writers = writers;
  }

  protected write(slot: number, row: EvidenceRow): void {
    for (const writer of this.writers) writer(slot, row);
  }
}
