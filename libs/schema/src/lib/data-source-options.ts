import type { DataSourceOptions } from 'typeorm';
import { ALL_ENTITIES } from './entities';
import { ALL_MIGRATIONS } from './migrations';

export const MIGRATIONS_TABLE = 'typeorm_migrations';

/**
 * What the API connects with: the entities and migrations, and never `synchronize`. With replica URLs, TypeORM
 * keeps one pool per server (`replication`), and `defaultMode: 'master'` sends every statement to `url` unless
 * the caller asks for a replica (a query runner in 'slave' mode): without it TypeORM would send repository and
 * query-builder SELECTs to a replica by default, so that a user just created or a password just changed could be
 * missing from the next read.
 */
export function schemaDataSourceOptions(url: string, replicaUrls: readonly string[] = []): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    ...(replicaUrls.length > 0
      ? {
          replication: {
            master: { url },
            slaves: replicaUrls.map((replicaUrl) => ({ url: replicaUrl })),
            defaultMode: 'master',
          },
        }
      : {}),
    entities: ALL_ENTITIES,
    migrations: ALL_MIGRATIONS,
    migrationsTableName: MIGRATIONS_TABLE,
    synchronize: false,
  };
}

/** For tools that only migrate: no entities, so no decorator metadata is needed to load it. */
export function migrationDataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    migrations: ALL_MIGRATIONS,
    migrationsTableName: MIGRATIONS_TABLE,
    synchronize: false,
  };
}
