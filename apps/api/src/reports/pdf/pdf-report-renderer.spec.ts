import type { EpisodeFilters, SummaryResponse } from '@iop/contracts';
import type { AccessScope } from '../../access/access-scope';
import { SUMMARY_FIXTURE_SQL } from '../../episodes/testing/summary-fixture';
import { createTestUser, startFixtureApp, type TestApp } from '../../testing/test-app';
import {
  REPORT_RENDERER,
  type RenderedReport,
  type ReportRenderer,
  type ReportRenderRequest,
} from '../report-renderer';
import { SMALL_CELL_FOOTNOTE } from './report-format';
import { kpiRows } from './sections/kpi-section';
import { readPdf } from './testing/pdf-text';

const EVERYTHING: AccessScope = { programIds: null, payer: null, smallCells: 'exact' };
const GENERATED_AT = new Date('2025-07-01T06:00:00Z');
const query = (filters: EpisodeFilters) =>
  Object.entries(filters)
    .flatMap(([key, value]) => (Array.isArray(value) ? value : [value]).map((item) => `${key}=${item}`))
    .join('&');

// The fixture of summary-fixture.ts: four episodes of patients P1-P3, as of 2025-06-30, the first admitted on
// 2024-11-01 (episode 4). Attendance: attended 3 + 1 + 1 + 0 = 5 of 4 + 2 + 2 + 2 = 10 counted appointments.
describe('PDF reports (pdfmake) on the summary fixture (real PostgreSQL)', () => {
  let api: TestApp;
  let renderer: ReportRenderer;
  let payerToken: string;

  beforeAll(async () => {
    api = await startFixtureApp(SUMMARY_FIXTURE_SQL);
    renderer = api.app.get<ReportRenderer>(REPORT_RENDERER);
    await createTestUser(api.databaseUrl, {
      email: 'payer@reports.test',
      password: 'payer-password',
      role: 'payer',
      payer: 'commercial',
    });
    payerToken = await api.signIn('payer@reports.test', 'payer-password');
  });
  afterAll(() => api.close());

  async function render(request: Partial<ReportRenderRequest>) {
    const progress: Array<[number, string]> = [];
    const result: RenderedReport = await renderer.render(
      {
        kind: 'outcomes',
        filters: {},
        scope: EVERYTHING,
        requestedBy: 'quality@reports.test',
        generatedAt: GENERATED_AT,
        ...request,
      },
      (fraction, stage) => void progress.push([fraction, stage]),
    );
    const read = await readPdf(result.pdf);
    return { result, progress, ...read };
  }

  const expectEveryKpi = (text: string, summary: SummaryResponse) => {
    for (const row of kpiRows(summary)) {
      for (const cell of [row.value, row.interval, row.n].filter(Boolean)) {
        expect({ kpi: row.label, found: text.includes(cell) }).toEqual({ kpi: row.label, found: true });
      }
    }
  };

  it('outcomes: the period, every KPI as the API answers it, and "Page N of N" with N = pdfinfo pages', async () => {
    const { result, text, pages, progress } = await render({});
    expect(result.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(result.period).toBe('1 Nov 2024 - 30 Jun 2025');
    expect(text).toContain('Period: 1 Nov 2024 - 30 Jun 2025');
    expect(text).toContain('Generated at: 2025-07-01 06:00 UTC');
    expect(text).toContain('Requested by: quality@reports.test');
    expect(text).toContain('Programs: Evening IOP, Outpatient');
    expect(text).toContain('Fixture Health');
    const { status, body } = await api.get('/api/v1/metrics/summary');
    expect(status).toBe(200);
    expectEveryKpi(text, body as SummaryResponse);
    // Worked out by hand: 5 of 10 appointments attended, a small cell, so marked.
    expect(text).toMatch(/Attendance rate\s+50\.0%†\s+95% CI 23\.7%–76\.3%\s+5 of 10/);
    expect(pages).toBeGreaterThan(1);
    expect(result.pageCount).toBe(pages);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(text).toContain('Page 1 of');
    for (const heading of ['Key figures', 'Retention curves', 'Evidence board', 'Quality measures', 'Definitions']) {
      expect(text).toContain(heading);
    }
    expect(text).toMatch(/Day 0\s+Day 30\s+Day 60\s+Day 90\s+Day 180/);
    // By hand: episode 4 disengaged on day 31 with all 4 at risk, S = 3/4 from then on; at risk on day 60 only
    // episode 2 (120 days, active; episode 1 stayed 46, episode 3 is 57 days in). The median is not reached, but
    // its lower bound is: the band's lower edge falls below one half on day 31.
    expect(text).toMatch(/All selected\s+4†\s+1†\s+4\s+4\s+1\s+1\s+0\s+not reached \(95%\s+75\.0%/);
    expect(text).toMatch(/Outpatient\s+2†\s+1†\s+2\s+2\s+0\s+0\s+0\s+31 days \(95%/);
    expect(progress.map(([, stage]) => stage)).toEqual([
      'Key figures',
      'Retention curves',
      'Evidence board',
      'Quality measures',
      'Laying out pages',
      'Laying out pages',
    ]);
    const fractions = progress.map(([fraction]) => fraction);
    fractions.slice(1).forEach((fraction, i) => expect(fraction).toBeGreaterThan(fractions[i]));
    expect(fractions).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('outcomes with a filter: the period is the filter window, KPIs equal the filtered API answer', async () => {
    const filters: EpisodeFilters = { from: '2025-01-01', to: '2025-06-30', programId: [1] };
    const { result, text } = await render({ filters });
    expect(result.period).toBe('1 Jan 2025 - 30 Jun 2025');
    expect(text).toContain('admitted from 1 Jan 2025 to 30 Jun 2025; programs: Evening IOP');
    const { status, body } = await api.get(`/api/v1/metrics/summary?${query(filters)}`);
    expect(status).toBe(200);
    expectEveryKpi(text, body as SummaryResponse);
  });

  it("outcomes for a director's program: small exact counts are marked with the dagger and its footnote", async () => {
    const { text } = await render({ scope: { programIds: [1], payer: null, smallCells: 'exact' } });
    expect(text).toContain('Programs: Evening IOP');
    expect(text).not.toContain('Outpatient,');
    // Episodes 1 and 2: a count of 2, exact and marked.
    expect(text).toMatch(/Episodes\s+2†/);
    expect(text).toContain(SMALL_CELL_FOOTNOTE);
  });

  it('payer: costs before the KPIs, suppressed whoever asks, no patient key, KPIs as the payer API answers', async () => {
    // Asked with exact small cells on purpose: the payer variant suppresses anyway.
    const { text, result, pages, progress } = await render({
      kind: 'payer',
      scope: { programIds: null, payer: 'commercial', smallCells: 'exact' },
    });
    const costs = text.indexOf('Cost-effectiveness\n');
    const kpis = text.indexOf('Key figures\n');
    expect(costs).toBeGreaterThan(-1);
    expect(kpis).toBeGreaterThan(costs);
    expect(text).not.toContain('Evidence board');
    expect(text).not.toContain('Retention curves');
    for (const patientKey of ['P1', 'P2', 'P3']) expect(text).not.toMatch(new RegExp(`\\b${patientKey}\\b`));
    // Episodes 2 and 4 are commercial: two episodes, withheld.
    expect(text).toMatch(/Episodes\s+fewer than 11 \(a\)/);
    expect(text).toContain(
      '(a) fewer than 11 episodes; (b) withheld so that a cell of fewer than 11 cannot be derived',
    );
    expect(text).not.toContain('†');
    const { status, body } = await api.request('GET', '/api/v1/metrics/summary', {
      headers: { authorization: `Bearer ${payerToken}` },
    });
    expect(status).toBe(200);
    expectEveryKpi(text, body as SummaryResponse);
    expect(result.pageCount).toBe(pages);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(progress.map(([fraction, stage]) => [fraction, stage])).toEqual([
      [0, 'Costs'],
      [0.25, 'Key figures'],
      [0.5, 'Quality measures'],
      [0.75, 'Laying out pages'],
      [1, 'Laying out pages'],
    ]);
  });
});
