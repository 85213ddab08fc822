import { ALL_ENTITIES, schemaDataSourceOptions, Setting } from '@iop/schema';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';

const columnRows = z.array(
  z.object({
    table_name: z.string(),
    column_name: z.string(),
    is_nullable: z.enum(['YES', 'NO']),
    udt_name: z.string(),
  }),
);

/** PostgreSQL's name (information_schema udt_name) of each column type the entities declare. */
const UDT_OF_ENTITY_TYPE: Record<string, string> = {
  integer: 'int4',
  smallint: 'int2',
  bigint: 'int8',
  text: 'text',
  boolean: 'bool',
  timestamptz: 'timestamptz',
  uuid: 'uuid',
  jsonb: 'jsonb',
  'double precision': 'float8',
  inet: 'inet',
  bytea: 'bytea',
  date: 'date',
};

/**
 * The TypeORM entities describe the migrated tables: every mapped column exists with the same type and
 * nullability, so that what the repositories write is what the migrations defined.
 */
describe('entities and migrations agree', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(schemaDataSourceOptions(database.url)).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('maps every entity column onto a column of the migrated table', async () => {
    const rows = columnRows.parse(
      await dataSource.query(
        `SELECT table_name, column_name, is_nullable, udt_name FROM information_schema.columns WHERE table_schema = 'public'`,
      ),
    );
    const columns = new Map(rows.map((row) => [`${row.table_name}.${row.column_name}`, row]));
    const mismatches: string[] = [];
    for (const entity of ALL_ENTITIES) {
      const metadata = dataSource.getMetadata(entity);
      for (const column of metadata.columns) {
        const key = `${metadata.tableName}.${column.databaseName}`;
        const actual = columns.get(key);
        if (!actual) {
          mismatches.push(`${key} is missing`);
          continue;
        }
        if ((actual.is_nullable === 'YES') !== column.isNullable && !column.isPrimary) {
          mismatches.push(`${key}: nullable ${actual.is_nullable} in the table, ${column.isNullable} in the entity`);
        }
        const declared = String(column.type);
        if (UDT_OF_ENTITY_TYPE[declared] !== actual.udt_name) {
          mismatches.push(`${key}: ${actual.udt_name} in the table, ${declared} in the entity`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(ALL_ENTITIES).toHaveLength(13);
  });

  it('reads a row back through an entity', async () => {
    await dataSource.query(`INSERT INTO organizations (id, name) VALUES (7, 'Entity Check')`);
    await dataSource.query(
      `INSERT INTO settings (org_id, key, value, dollar_year, source)
       VALUES (7, 'cost_rate.check', '{"amountCents": 1250, "per": "day"}', 2025, 'entity check')`,
    );
    const setting = await dataSource.getRepository(Setting).findOneByOrFail({ orgId: 7, key: 'cost_rate.check' });
    expect(setting).toEqual({
      orgId: 7,
      key: 'cost_rate.check',
      value: { amountCents: 1250, per: 'day' },
      dollarYear: 2025,
      source: 'entity check',
    });
  });
});
