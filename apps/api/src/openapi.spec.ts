import { createTestDatabase, type TestDatabase } from '@iop/db-server/testing';
import { listApiRoutes } from './testing/routes';
import { startTestApp, type TestApp } from './testing/test-app';

const COMMON_FILTERS = ['ageBand', 'counselorId', 'from', 'levelOfCare', 'payer', 'programId', 'substance', 'to'];
/** Reads that select episodes take the common filters; health, the session and the filter choices do not. */
const selectsEpisodes = (method: string, path: string) =>
  method === 'GET' &&
  !path.startsWith('/api/v1/admin/') &&
  !path.startsWith('/api/v1/auth/') &&
  // Reports take their filters in the POST body, and GET returns stored reports.
  !path.startsWith('/api/v1/reports') &&
  // Imports and the data's status and quality are about the whole data set, not a selection of episodes.
  !path.startsWith('/api/v1/imports') &&
  !path.startsWith('/api/v1/data/') &&
  // The organisation's inpatient and residential comparators (settings), not a selection of episodes.
  !path.startsWith('/api/v1/costs/comparators') &&
  // The organisation's benchmarks and its programs' targets (settings), not a selection of episodes.
  !path.startsWith('/api/v1/benchmarks') &&
  // Notes on the charts: the filter's program ids and a date window, not a selection of episodes.
  !path.startsWith('/api/v1/annotations') &&
  // A user's own alert rules and notifications, not a selection of episodes.
  !path.startsWith('/api/v1/alerts') &&
  !path.startsWith('/api/v1/notifications') &&
  !['/api/health', '/api/v1/filters/options'].includes(path);

interface Operation {
  parameters?: Array<{ name: string; in: string }>;
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

describe('the OpenAPI document at /api/docs', () => {
  let database: TestDatabase;
  let api: TestApp;
  let paths: Record<string, Record<string, Operation>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startTestApp(database.url);
    const { status, body } = await api.get('/api/docs-json');
    expect(status).toBe(200);
    paths = (body as { paths: typeof paths }).paths;
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  it('the router serves the endpoints of the metrics engine (the list below is not empty by accident)', () => {
    const served = listApiRoutes(api.app).map((route) => `${route.method} ${route.path}`);
    expect(served).toEqual(
      expect.arrayContaining(['GET /api/v1/metrics/summary', 'GET /api/v1/evidence/:id', 'GET /api/v1/costs/summary']),
    );
  });

  it('documents every served route with its response shape, and the common filters where episodes are selected', () => {
    const problems: string[] = [];
    for (const { method, path } of listApiRoutes(api.app)) {
      const documentedPath = path.replace(/:(\w+)/g, '{$1}');
      const operation = paths[documentedPath]?.[method.toLowerCase()];
      if (!operation) {
        problems.push(`${method} ${path}: not documented`);
        continue;
      }
      // JSON for most; the CSV exports document their text/csv body instead.
      const success = operation.responses['200'] ?? operation.responses['201'] ?? operation.responses['202'];
      const schema = Object.values(success?.content ?? {})[0]?.schema;
      if (!schema && !operation.responses['204']) problems.push(`${method} ${path}: no 200/201/202 schema nor 204`);
      const queryParameters = (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      const missing = COMMON_FILTERS.filter((name) => !queryParameters.includes(name));
      if (selectsEpisodes(method, path) && missing.length)
        problems.push(`${method} ${path}: filters ${missing.join(', ')} missing`);
    }
    expect(problems).toEqual([]);
  });
});
