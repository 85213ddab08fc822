import { IMPORT_ENTITIES, type ImportEntity } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { parseRows } from '../database/parse-rows';
import { pg } from '../database/pg-columns';
import { SERVICE_DATES } from './quality-checks';

const serviceDateRow = z.object({
  entity: z.enum(IMPORT_ENTITIES),
  latest: pg.isoDate.nullable(),
  lagDays: pg.int.nullable(),
});

/** A table's latest date of service, and the days from it to the last load. */
export interface Timeliness {
  latestServiceDate: string | null;
  lagDays: number | null;
}

/**
 * Timeliness (DHIS2's): the latest date of service of each table that has one, and its lag, the days from it
 * to the day of the last load (dataset_meta.loaded_at, as a UTC date). Tables without a date of service are
 * left out.
 */
@Injectable()
export class ServiceDatesQuery {
  constructor(private readonly dataSource: DataSource) {}

  async run(): Promise<Map<ImportEntity, Timeliness>> {
    const sql = Object.entries(SERVICE_DATES)
      .map(([entity, latest]) => `SELECT '${entity}' AS entity, (SELECT ${latest}) AS latest`)
      .join('\nUNION ALL\n');
    const rows = parseRows(
      ServiceDatesQuery.name,
      serviceDateRow,
      await this.dataSource.query(
        `SELECT d.entity, to_char(d.latest, 'YYYY-MM-DD') AS latest,
                ((SELECT max(loaded_at) AT TIME ZONE 'UTC' FROM dataset_meta)::date - d.latest) AS "lagDays"
         FROM (${sql}) d`,
      ),
    );
    return new Map(rows.map((row) => [row.entity, { latestServiceDate: row.latest, lagDays: row.lagDays }]));
  }
}
