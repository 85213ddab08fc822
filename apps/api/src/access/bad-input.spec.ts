import { SUMMARY_FIXTURE_SQL } from '../episodes/testing/summary-fixture';
import { listApiRoutes } from '../testing/routes';
import { startFixtureApp, type TestApp } from '../testing/test-app';

const FILTERS = ['from', 'to', 'programId', 'levelOfCare', 'payer', 'substance', 'ageBand', 'counselorId'];

/** What an attacker or a broken client sends: SQL, impossible dates, huge and wrong-typed values. */
const HOSTILE_VALUES = [
  "' OR 1=1 --",
  '1; DROP TABLE users',
  '2025-02-31',
  '2025-13-01',
  '99999999999999999999',
  '-1',
  '1e309',
  '0x10',
  'NaN',
  '%00',
  '{"$gt":""}',
  'x'.repeat(5000),
];

const MISSING_UUID = '00000000-0000-4000-8000-000000000000';

/** Required parameters of some routes, so that only the hostile one is wrong. */
const REQUIRED_QUERY: Record<string, string> = {
  '/api/v1/metrics/trend': 'metric=episodes&interval=month',
  '/api/v1/metrics/breakdown': 'metric=episodes&by=program',
  '/api/v1/retention': 'groupBy=levelOfCare',
  '/api/v1/quality/measures/1/patients': 'population=numerator',
};

describe('bad input on every read route: 400 naming the parameter, never a 500 or a stack trace', () => {
  let api: TestApp;
  let reads: string[];

  beforeAll(async () => {
    api = await startFixtureApp(SUMMARY_FIXTURE_SQL);
    reads = listApiRoutes(api.app)
      .filter((route) => route.method === 'GET' && route.path.startsWith('/api/v1/') && !route.path.includes('/auth/'))
      // Reports and imports are named by UUID (any other id is a 400 of its own); this one does not exist.
      .map((route) =>
        route.path.replace(/:[A-Za-z]+/g, /^\/api\/v1\/(reports|imports)\//.test(route.path) ? MISSING_UUID : '1'),
      );
  });
  afterAll(() => api.close());

  const query = (path: string, extra: string) => `${path}?${[REQUIRED_QUERY[path], extra].filter(Boolean).join('&')}`;

  it('covers the read routes of the router', () => {
    expect(reads).toEqual(expect.arrayContaining(['/api/v1/metrics/summary', '/api/v1/evidence/1']));
  });

  it('refuses an unknown parameter everywhere, naming it', async () => {
    for (const path of reads) {
      const { status, body } = await api.get(query(path, 'sneaky=1'));
      expect([path, status, JSON.stringify(body)]).toEqual([path, 400, expect.stringContaining('sneaky')]);
    }
  });

  it('refuses hostile values of every filter on every route that takes filters, naming the filter', async () => {
    const problems: string[] = [];
    // The admin endpoints take their own parameters (admin.spec.ts); these take the episode filters.
    const filtered = reads.filter((p) => p !== '/api/v1/filters/options' && !p.startsWith('/api/v1/admin/'));
    for (const path of filtered) {
      for (const filter of FILTERS) {
        for (const value of HOSTILE_VALUES) {
          const url = query(path, `${filter}=${encodeURIComponent(value)}`);
          const { status, body } = await api.get(url).catch((error: Error) => {
            throw new Error(`GET ${url.slice(0, 120)}: ${error.message} (${String(error.cause)})`);
          });
          const text = JSON.stringify(body);
          if (status !== 400 || !text.includes(filter) || /\bat .+\.(js|ts):\d+/.test(text)) {
            problems.push(`${path} ${filter}=${value.slice(0, 20)}: ${status} ${text.slice(0, 120)}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  }, 180_000);

  it('refuses a reversed date range and an id that is not a number', async () => {
    expect((await api.get('/api/v1/metrics/summary?from=2025-06-01&to=2025-01-01')).status).toBe(400);
    expect((await api.get('/api/v1/evidence/abc')).status).toBe(400);
  });
});
