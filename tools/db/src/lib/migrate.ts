import { migrationDataSourceOptions } from '@iop/schema';
import { DataSource } from 'typeorm';

/** Applies the committed migrations that the database lacks; returns the names applied. */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource(migrationDataSourceOptions(url));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

/** Reverts every applied migration, newest first (used by the schema's up-and-down test). */
export async function revertAllMigrations(url: string): Promise<number> {
  const dataSource = new DataSource(migrationDataSourceOptions(url));
  await dataSource.initialize();
  try {
    let reverted = 0;
    while (await hasAppliedMigrations(dataSource)) {
      await dataSource.undoLastMigration({ transaction: 'each' });
      reverted += 1;
    }
    return reverted;
  } finally {
    await dataSource.destroy();
  }
}

async function hasAppliedMigrations(dataSource: DataSource): Promise<boolean> {
  const table = dataSource.options.migrationsTableName ?? 'migrations';
  const rows: Array<{ count: string }> = await dataSource.query(`SELECT count(*)::text AS count FROM "${table}"`);
  return Number(rows[0]?.count ?? 0) > 0;
}
