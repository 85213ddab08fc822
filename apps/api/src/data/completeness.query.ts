import { IMPORT_ENTITIES, type FieldCompleteness, type ImportEntity } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { parseRows } from '../database/parse-rows';
import { pg } from '../database/pg-columns';
import { OPTIONAL_FIELDS } from './quality-checks';

const completenessRow = z.object({
  entity: z.enum(IMPORT_ENTITIES),
  rows: pg.int8,
  field: pg.text.nullable(),
  present: pg.int8.nullable(),
});

/** Rows of a table, and how many of them carry each optional field. */
export interface TableCompleteness {
  rows: number;
  completeness: FieldCompleteness[];
}

/** One SELECT per table: its row count, with one row per optional field (a table without any gives one row). */
function completenessSql(entity: ImportEntity): string {
  const fields = OPTIONAL_FIELDS[entity];
  if (fields.length === 0) {
    return `SELECT '${entity}' AS entity, count(*) AS rows, NULL::text AS field, NULL::bigint AS present FROM ${entity}`;
  }
  const counts = fields.map((field, index) => `count(${field}) AS f${index}`).join(', ');
  const values = fields.map((field, index) => `('${field}', c.f${index})`).join(', ');
  return `SELECT '${entity}' AS entity, c.rows, f.field, f.present
    FROM (SELECT count(*) AS rows, ${counts} FROM ${entity}) c
    CROSS JOIN LATERAL (VALUES ${values}) AS f (field, present)`;
}

/** Completeness of every table of IMPORT_ENTITIES (DHIS2's "completeness"): one scan per table. */
@Injectable()
export class CompletenessQuery {
  constructor(private readonly dataSource: DataSource) {}

  async run(): Promise<Map<ImportEntity, TableCompleteness>> {
    const rows = parseRows(
      CompletenessQuery.name,
      completenessRow,
      await this.dataSource.query(IMPORT_ENTITIES.map(completenessSql).join('\nUNION ALL\n')),
    );
    const tables = new Map<ImportEntity, TableCompleteness>();
    for (const row of rows) {
      const table = tables.get(row.entity) ?? { rows: row.rows, completeness: [] };
      if (row.field !== null) table.completeness.push({ field: row.field, present: row.present ?? 0, rows: row.rows });
      tables.set(row.entity, table);
    }
    return tables;
  }
}
