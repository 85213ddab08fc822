import type { DataStatus } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { parseOneRow } from '../database/parse-rows';
import { pg } from '../database/pg-columns';

/** What the synthetic generator (@iop/synth) writes into dataset_meta.generated_by. */
export const SYNTHETIC_GENERATOR = '@iop/synth';

const dataStatusRow = z.object({
  asOf: pg.isoDate.nullable(),
  loadedAt: pg.isoTimestamp.nullable(),
  source: pg.text.nullable(),
  synthetic: pg.bool,
}) satisfies z.ZodType<DataStatus>;

/**
 * The data's as-of date and last load (dataset_meta, over every organisation, as the metrics read it); the
 * source of the latest load: the import's source system, or "synthetic" for the generator; and whether any of
 * the data is the generator's, which every page then says.
 */
@Injectable()
export class DataStatusQuery {
  constructor(private readonly dataSource: DataSource) {}

  async run(): Promise<DataStatus> {
    return parseOneRow(
      DataStatusQuery.name,
      dataStatusRow,
      await this.dataSource.query(
        `SELECT to_char(max(m.as_of), 'YYYY-MM-DD') AS "asOf", max(m.loaded_at) AS "loadedAt",
                (SELECT CASE WHEN latest.generated_by->>'generator' = $1 THEN 'synthetic' ELSE i.source_system END
                 FROM dataset_meta latest LEFT JOIN imports i ON i.id = latest.import_id
                 ORDER BY latest.loaded_at DESC, latest.org_id LIMIT 1) AS source,
                coalesce(bool_or(m.generated_by->>'generator' = $1), false) AS synthetic
         FROM dataset_meta m`,
        [SYNTHETIC_GENERATOR],
      ),
    );
  }
}
