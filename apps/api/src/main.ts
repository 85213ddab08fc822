import { whyDatabaseUnreachable } from '@iop/schema';
import { NestFactory } from '@nestjs/core';
import type { Server } from 'node:http';
import { AppModule } from './app.module';
import { validateConfig } from './config/app-config';
import { configureApp } from './configure-app';
import { GracefulShutdown } from './faults/graceful-shutdown';
import { surviveDatabaseOutageRejections } from './faults/outage-rejections';

async function bootstrap(): Promise<void> {
  const config = validateConfig(process.env);
  // Checked before Nest starts, so a wrong DATABASE_URL is one clear line and not a driver's stack trace.
  const problem = await whyDatabaseUnreachable(config.DATABASE_URL);
  if (problem) throw new Error(`DATABASE_URL: ${problem}`);

  // In production the start-up chatter of every module is noise; warnings and errors still show.
  const logger = config.NODE_ENV === 'production' ? (['error', 'warn'] as const) : undefined;
  const app = configureApp(await NestFactory.create(AppModule, { abortOnError: false, logger: logger && [...logger] }));
  // Uploads of import files (up to IOP_IMPORT_MAX_FILE_MB each) may take longer than Node's default 5 minutes.
  const server = app.getHttpServer() as Server;
  server.requestTimeout = 60 * 60 * 1000;
  // An idle connection stays open longer than a user's pause between pages and a proxy's usual 60 s, so that the
  // server never closes one just as a client sends on it (a reset the client sees as an error); Node's 5 s did.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  // SIGTERM and SIGINT finish the requests in flight and exit 0 within 10 s (docs/ARCHITECTURE.md "Faults").
  const shutdown = new GracefulShutdown(app);
  shutdown.listen();
  surviveDatabaseOutageRejections(() => shutdown.shuttingDown);
  await app.listen(config.PORT).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'EADDRINUSE'
      ? new Error(`port ${config.PORT} is already in use; stop what uses it or set PORT to another port`)
      : error;
  });
  const url = `http://localhost:${config.PORT}/`;
  process.stdout.write(`\nIOP Outcomes is running at ${url}\n  API ${url}api/v1   OpenAPI ${url}api/docs\n`);
}

bootstrap().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`error: ${message.split('\n')[0]}\n`);
  process.exit(1);
});
