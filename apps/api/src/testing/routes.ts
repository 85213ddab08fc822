import type { INestApplication } from '@nestjs/common';

export interface ApiRoute {
  method: string;
  /** Express path, e.g. /api/v1/evidence/:id. */
  path: string;
}

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/**
 * Every API route the running app serves, read from the HTTP router itself (not from a list kept by hand), so
 * that a test iterating over it covers a new endpoint automatically. Routes outside /api (the dashboard's
 * static files) and the OpenAPI pages are left out.
 */
export function listApiRoutes(app: INestApplication): ApiRoute[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } };
  return express.router.stack
    .filter((layer) => layer.route && layer.route.path.startsWith('/api/') && !layer.route.path.startsWith('/api/docs'))
    .flatMap((layer) =>
      Object.keys(layer.route?.methods ?? {}).map((method) => ({
        method: method.toUpperCase(),
        path: layer.route?.path as string,
      })),
    );
}
