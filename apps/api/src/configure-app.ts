import { type INestApplication, ValidationPipe, VersioningType } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { CrossSiteRequestGuard } from './access/cross-site-request.guard';
import { BEARER_SCHEME } from './access/roles.decorator';
import { ACCESS_COOKIE, REFRESH_COOKIE } from './auth/session-cookies';
import { answerRequestErrors, refuseDeepBodies } from './common/request-errors';
import type { AppConfig } from './config/app-config';
import { DatabaseUnavailableFilter } from './database/database-unavailable.filter';
import { StorableInputPipe } from './common/storable-input.pipe';
import { RateValueDoc } from './episodes/rate.response';
import { SuppressedValueDoc } from './suppression/suppressed-value.response';

/**
 * The dashboard runs under this policy: its scripts and styles come from its own origin. Angular Material and
 * ngx-charts set style attributes and inject component styles at run time, hence 'unsafe-inline' for styles
 * only; scripts stay 'self'. PNG downloads draw the chart through blob: and data: images.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** No request to this API carries more than a login or a filter; anything larger is refused with 413. */
export const REQUEST_BODY_LIMIT = '100kb';

/**
 * The OpenAPI document's header. Its security schemes are the credentials the access guard takes: @Roles()
 * lists the bearer token and the access cookie as alternatives on every protected operation, and the refresh
 * endpoint names the refresh cookie. The server is the origin that serves the document, since the paths
 * already carry /api.
 */
const OPEN_API_INFO = new DocumentBuilder()
  .setTitle('IOP Outcomes API')
  .setDescription('Attendance, compliance, retention, outcomes and cost of Intensive Outpatient Programs.')
  .setVersion('1')
  .setLicense('MIT', 'https://opensource.org/license/mit')
  .addServer('/', 'The origin that serves this document')
  .addBearerAuth(
    { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The accessToken that sign-in returns' },
    BEARER_SCHEME,
  )
  .addCookieAuth(
    ACCESS_COOKIE,
    { type: 'apiKey', in: 'cookie', description: "The dashboard's httpOnly access cookie, set at sign-in" },
    ACCESS_COOKIE,
  )
  .addCookieAuth(
    REFRESH_COOKIE,
    { type: 'apiKey', in: 'cookie', description: 'The httpOnly refresh cookie, sent only to the auth endpoints' },
    REFRESH_COOKIE,
  )
  .build();

/** Everything main.ts and the integration tests both set up, so tests exercise the real pipeline. */
export function configureApp(app: INestApplication): INestApplication {
  const express = app as NestExpressApplication;
  const config = app.get<ConfigService<AppConfig, true>>(ConfigService);
  express.use(
    helmet({
      contentSecurityPolicy: { directives: CONTENT_SECURITY_POLICY },
      // The API and the dashboard share one origin, so no cross-origin embedding or sharing is needed.
      crossOriginEmbedderPolicy: false,
      // HTTPS only where it is served over HTTPS (IOP_COOKIE_SECURE): over plain HTTP the header means nothing
      // to browsers, and pinning a host to HTTPS it does not serve would lock its users out.
      strictTransportSecurity: config.get('IOP_COOKIE_SECURE', { infer: true }),
    }),
  );
  express.useBodyParser('json', { limit: REQUEST_BODY_LIMIT });
  express.useBodyParser('urlencoded', { limit: REQUEST_BODY_LIMIT, extended: false });
  express.use(refuseDeepBodies());
  express.use(cookieParser());
  // Malformed, too large or too deep bodies: 400, 413, 415 in JSON (docs/SECURITY.md "Bad input").
  express.use(answerRequestErrors(REQUEST_BODY_LIMIT));
  app.setGlobalPrefix('api');
  // /api/v1/...; the health check is version-neutral at /api/health.
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  // Changes only from the application's own pages, and only in the media type the endpoint declares.
  app.useGlobalGuards(
    new CrossSiteRequestGuard(app.get(Reflector), config.get('IOP_ALLOWED_ORIGINS', { infer: true })),
  );
  app.useGlobalPipes(
    new StorableInputPipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
    }),
  );
  // Public on purpose, like the source it documents (docs/SECURITY.md): it describes routes, never data.
  SwaggerModule.setup('api/docs', app, () =>
    // Schemas that response properties name only by reference, inside oneOf, where nothing else registers them.
    SwaggerModule.createDocument(app, OPEN_API_INFO, { extraModels: [RateValueDoc, SuppressedValueDoc] }),
  );
  // 503 while the database cannot be reached; registered last, so that it is consulted before other filters.
  app.useGlobalFilters(new DatabaseUnavailableFilter());
  // No enableShutdownHooks: main.ts shuts down gracefully (faults/graceful-shutdown.ts); tests call close().
  return app;
}
