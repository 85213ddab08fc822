import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { pg } from '../database/pg-columns';
import { parseOneRow } from '../database/parse-rows';

const asOfRow = z.object({ as_of: pg.isoDate.nullable() });

/** The data's end date (dataset_meta), which every metric response states; null before any data is loaded. */
@Injectable()
export class AsOfQuery {
  constructor(private readonly dataSource: DataSource) {}

  async run(): Promise<string | null> {
    const row = parseOneRow(
      AsOfQuery.name,
      asOfRow,
      await this.dataSource.query(`SELECT to_char(max(as_of), 'YYYY-MM-DD') AS as_of FROM dataset_meta`),
    );
    return row.as_of;
  }
}
