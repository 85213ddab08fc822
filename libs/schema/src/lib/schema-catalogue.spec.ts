import { getMetadataArgsStorage } from 'typeorm';
import { ALL_ENTITIES } from './entities';
import { ALL_MIGRATIONS } from './migrations';
import { redactDatabaseUrl } from './reachability';

describe('the schema catalogue', () => {
  it('lists the migrations oldest first, each named after its timestamp', () => {
    const timestamps = ALL_MIGRATIONS.map((migration) => {
      const match = /(\d{13})$/.exec(migration.name);
      if (!match) throw new Error(`${migration.name} does not end in a 13-digit timestamp`);
      return Number(match[1]);
    });
    expect([...timestamps].sort((a, b) => a - b)).toEqual(timestamps);
    expect(new Set(timestamps).size).toBe(timestamps.length);
  });

  it('maps each entity to its own table: the tables the API changes row by row, and only those', () => {
    const tables = getMetadataArgsStorage()
      .tables.filter((table) => ALL_ENTITIES.includes(table.target as (typeof ALL_ENTITIES)[number]))
      .map((table) => table.name);
    expect([...tables].sort()).toEqual([
      'alert_rules',
      'annotations',
      'audit_events',
      'metric_benchmarks',
      'metric_targets',
      'notifications',
      'report_files',
      'report_schedules',
      'reports',
      'sessions',
      'settings',
      'user_programs',
      'users',
    ]);
  });
});

describe('redactDatabaseUrl', () => {
  it('keeps user, host, port and database, and drops the password', () => {
    expect(redactDatabaseUrl('postgres://iop:s3cret@db.internal:5433/outcomes')).toBe(
      'postgres://iop@db.internal:5433/outcomes',
    );
    expect(redactDatabaseUrl('postgresql://localhost/iop')).toBe('postgresql://localhost/iop');
    expect(redactDatabaseUrl('not a url')).toBe('(not a valid URL)');
  });
});
