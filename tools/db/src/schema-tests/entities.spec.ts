import { ALL_ENTITIES, schemaDataSourceOptions } from '@iop/schema';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';

/** The TypeORM entities describe the migrated tables: every mapped column exists with the same nullability. */
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
    const rows: Array<{ table_name: string; column_name: string; is_nullable: string; udt_name: string }> =
      await dataSource.query(
        `SELECT table_name, column_name, is_nullable, udt_name FROM information_schema.columns WHERE table_schema = 'public'`,
      );
    const columns = new Map(rows.map((row) => [`${row.table_name}.${row.column_name}`, row]));
    const mismatches: string[] = [];
    for (const entity of ALL_ENTITIES) {
      const metadata = dataSource.getMetadata(entity);
      for (const column of metadata.columns) {
        const key = `${metadata.tableName}.${column.databaseName}`;
        const actual = columns.get(key);
        if (!actual) mismatches.push(`${key} is missing`);
        else if ((actual.is_nullable === 'YES') !== column.isNullable && !column.isPrimary) {
          mismatches.push(`${key}: nullable ${actual.is_nullable} in the table, ${column.isNullable} in the entity`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(ALL_ENTITIES).toHaveLength(21);
  });

  it('reads a row back through an entity', async () => {
    await dataSource.query(`INSERT INTO organizations (id, name) VALUES (7, 'Entity Check')`);
    const organization = await dataSource.getRepository('Organization').findOneByOrFail({ id: 7 });
    expect(organization).toEqual({ id: 7, name: 'Entity Check' });
  });
});
