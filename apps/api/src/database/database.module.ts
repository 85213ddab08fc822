import { schemaDataSourceOptions } from '@iop/schema';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app-config';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => ({
        ...schemaDataSourceOptions(config.get('DATABASE_URL', { infer: true })),
        // The API brings any database up to date when it starts (docker-compose relies on it).
        migrationsRun: true,
        migrationsTransactionMode: 'each' as const,
        // Fail fast with one clear line instead of retrying for half a minute.
        retryAttempts: 0,
        extra: { max: 10, connectionTimeoutMillis: 5000, statement_timeout: 30000 },
      }),
    }),
  ],
})
export class DatabaseModule {}
