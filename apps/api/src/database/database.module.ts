import { schemaDataSourceOptions } from '@iop/schema';
import { Logger, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app-config';
import { ReplicaReadsInterceptor } from './replica-reads.interceptor';
import { ReplicaRoutingDataSource } from './replica-routing';
import { checkReplicasAnswer, readOnlySessionUrl } from './replica-urls';

/** The server ends a statement after this long (statement_timeout). */
const STATEMENT_TIMEOUT_MS = 30_000;

/** A connection, or a free one from the pool, within this long. */
const CONNECTION_TIMEOUT_MS = 5000;

/**
 * The pool's settings bound every wait, so that a request never hangs on a database that is gone
 * (docs/ARCHITECTURE.md "Faults"): a connection, or a free one from the pool, within connectionTimeoutMillis;
 * a statement within statement_timeout on the server, and query_timeout on the client for a server that no
 * longer answers at all (a little longer, so that the server's own timeout normally speaks first). TCP
 * keep-alive finds a connection whose peer vanished. Dead connections are discarded by the pool (an idle one
 * on its 'error' event, a busy one when TypeORM releases it with the error), so service resumes by itself
 * once the database is back. With DATABASE_REPLICA_URLS, each replica has a pool of its own with the same
 * settings, and its sessions are read-only (docs/ARCHITECTURE.md "Replicas").
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: async (config: ConfigService<AppConfig, true>) => {
        const logger = new Logger('Database');
        const replicaUrls = config.get('DATABASE_REPLICA_URLS', { infer: true }).map(readOnlySessionUrl);
        await checkReplicasAnswer(replicaUrls, CONNECTION_TIMEOUT_MS);
        return {
          ...schemaDataSourceOptions(config.get('DATABASE_URL', { infer: true }), replicaUrls),
          // The API brings any database up to date when it starts (docker-compose relies on it).
          migrationsRun: true,
          migrationsTransactionMode: 'each' as const,
          // Fail fast with one clear line instead of retrying for half a minute.
          retryAttempts: 0,
          // An idle connection that the server ended: the pool drops it; without a listener it would end the process.
          poolErrorHandler: (error: Error) => logger.warn(`an idle database connection was lost: ${error.message}`),
          extra: {
            max: 10,
            connectionTimeoutMillis: CONNECTION_TIMEOUT_MS,
            statement_timeout: STATEMENT_TIMEOUT_MS,
            query_timeout: STATEMENT_TIMEOUT_MS + 5000,
            keepAlive: true,
            keepAliveInitialDelayMillis: 10_000,
          },
        };
      },
      // Analytics reads inside ReplicaReadsInterceptor go to a replica, everything else to DATABASE_URL.
      dataSourceFactory: (options) => {
        if (!options) throw new Error('the database options are missing');
        return Promise.resolve(new ReplicaRoutingDataSource(options));
      },
    }),
  ],
  providers: [{ provide: APP_INTERCEPTOR, useClass: ReplicaReadsInterceptor }],
})
export class DatabaseModule {}
