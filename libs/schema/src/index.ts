export * from './lib/entities';
export { ALL_MIGRATIONS } from './lib/migrations';
export { schemaDataSourceOptions, migrationDataSourceOptions, MIGRATIONS_TABLE } from './lib/data-source-options';
export { redactDatabaseUrl, whyDatabaseUnreachable } from './lib/reachability';
