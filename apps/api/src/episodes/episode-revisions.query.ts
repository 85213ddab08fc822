import type { EpisodeFilters } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import type { AccessScope } from '../access/access-scope';
import { parseRows } from '../database/parse-rows';
import { episodeSelection } from './episode-selection.sql';

/** Selected episode ids, ascending, and their facts rows' revisions, index by index. */
export interface SelectedRevisions {
  ids: number[];
  revisions: number[];
}

const selectedRevisionsRow = z.object({ pairs: z.instanceof(Buffer).nullable() });
/** An int4 episode id and an int8 revision. */
const PAIR_BYTES = 12;

/**
 * Which episodes a scope and filter select, and the revisions of their facts rows (migration 1765900000000: a
 * new one on every write of the row, and the facts refresh rewrites an episode's facts with its other derived
 * rows). The stores that keep per-episode data between requests (episode-revision-store.ts) read an episode again
 * when its revision changed.
 *
 * The pairs come as one bytea of 12 bytes per episode (id as int4, revision as int8, both big-endian), from an
 * index-only scan of the index that holds the revision and every column a selection reads: 50-150 ms for the large
 * network's whole selection, where 120,000 rows of any width took seconds. Concurrent requests for the same
 * selection (the stores of one page's questions) share one read.
 */
@Injectable()
export class EpisodeRevisionsQuery {
  private readonly inFlight = new Map<string, Promise<SelectedRevisions>>();

  constructor(private readonly dataSource: DataSource) {}

  run(scope: AccessScope, filters: EpisodeFilters): Promise<SelectedRevisions> {
    const key = JSON.stringify([scope, filters]);
    let read = this.inFlight.get(key);
    if (!read) {
      read = this.read(scope, filters).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, read);
    }
    return read;
  }

  private async read(scope: AccessScope, filters: EpisodeFilters): Promise<SelectedRevisions> {
    const selection = episodeSelection(scope, filters);
    const [row] = parseRows(
      'EpisodeRevisionsQuery',
      selectedRevisionsRow,
      await this.dataSource.query(
        `SELECT string_agg(int4send(f.episode_id) || int8send(f.revision), ''::bytea ORDER BY f.episode_id) AS pairs
         FROM episode_facts f WHERE ${selection.sql}`,
        selection.params,
      ),
    );
    const pairs = row.pairs ?? Buffer.alloc(0);
    const ids: number[] = [];
    const revisions: number[] = [];
    for (let offset = 0; offset < pairs.length; offset += PAIR_BYTES) {
      ids.push(pairs.readInt32BE(offset));
      // A sequence's values stay far below 2^53, so the two halves make an exact number.
      revisions.push(pairs.readInt32BE(offset + 4) * 2 ** 32 + pairs.readUInt32BE(offset + 8));
    }
    return { ids, revisions };
  }
}
