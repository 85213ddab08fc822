import { createTestDatabase } from '@iop/db-server/testing';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { configureApp } from '../configure-app';

export interface TestApp {
  app: INestApplication;
  /** http://127.0.0.1:<port> of the listening app. */
  baseUrl: string;
  get(path: string): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

/**
 * The real API, configured as main.ts configures it, listening on a free port against `databaseUrl`.
 * The app module is loaded after DATABASE_URL is set, because configuration is validated when it loads.
 */
export async function startTestApp(databaseUrl: string): Promise<TestApp> {
  process.env['DATABASE_URL'] = databaseUrl;
  const { AppModule } = await import('../app.module');
  const app = configureApp(await NestFactory.create(AppModule, { logger: false, abortOnError: false }));
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    app,
    baseUrl,
    async get(path: string) {
      const response = await fetch(`${baseUrl}${path}`);
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    close: () => app.close(),
  };
}

/**
 * A fresh migrated database loaded with a hand-built fixture (which refreshes the episode facts itself),
 * and the API on it; close() stops the API and drops the database.
 */
export async function startFixtureApp(fixtureSql: string): Promise<TestApp> {
  const database = await createTestDatabase();
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query(fixtureSql);
  } finally {
    await client.end();
  }
  const api = await startTestApp(database.url);
  return {
    ...api,
    close: async () => {
      await api.close();
      await database.drop();
    },
  };
}
