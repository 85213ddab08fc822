import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router } from '@angular/router';
import type { EpisodeMetric, SummaryResponse } from '@iop/contracts';
import { OverviewPage } from './overview-page';
import { DISCHARGE_REASONS, FLOW, RETAINED90_TREND, SUMMARY, trendOf } from './overview-test-data';
import { METRICS_PATHS } from '../../data-access/api/metrics-api';
import { DATA_PATHS } from '../../data-access/api/data-api';
import { DataStatusState } from '../../data-access/data-status/data-status-state';

const providers = [
  provideHttpClient(withFetch()),
  provideHttpClientTesting(),
  provideNoopAnimations(),
  provideRouter([]),
];

describe('OverviewPage', () => {
  let fixture: ComponentFixture<OverviewPage>;
  let httpTesting: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers });
    httpTesting = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(OverviewPage);
    // Runs the resources' effects, which send the requests.
    TestBed.tick();
  });

  afterEach(() => httpTesting.verify());

  const root = () => fixture.nativeElement as HTMLElement;
  const byTestId = (id: string) => root().querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const textOf = (id: string) => byTestId(id)?.textContent?.trim();
  const allText = (id: string) =>
    Array.from(root().querySelectorAll(`[data-testid="${id}"]`)).map((element) => element.textContent?.trim());

  function answerTrends(): void {
    const requests = httpTesting.match((req) => req.url === METRICS_PATHS.trend);
    // One per card; the census comes from the flow.
    expect(requests.map((req) => req.request.params.get('metric'))).toEqual([
      'episodes',
      'attendanceRate',
      'attendedHoursPerWeek',
      'compliant',
      'retained90',
      'completionRate',
      'negativeScreenRate',
      'readmitted30',
    ]);
    for (const request of requests) {
      const metric = request.request.params.get('metric') as EpisodeMetric;
      expect(request.request.params.get('interval')).toBe('month');
      request.flush(metric === 'retained90' ? RETAINED90_TREND : trendOf(metric));
    }
  }

  async function answerAll(summary: SummaryResponse = SUMMARY): Promise<void> {
    httpTesting.expectOne({ method: 'GET', url: METRICS_PATHS.summary }).flush(summary);
    answerTrends();
    httpTesting.expectOne(METRICS_PATHS.flow).flush(FLOW);
    httpTesting.expectOne(METRICS_PATHS.dischargeReasons).flush(DISCHARGE_REASONS);
    await fixture.whenStable();
  }

  it('shows a loading skeleton until the summary arrives', async () => {
    expect(byTestId('overview-loading')?.getAttribute('aria-busy')).toBe('true');
    expect(byTestId('kpi-episodes')).toBeNull();
    expect(allText('frame-loading')).toHaveLength(2);

    await answerAll();
    expect(byTestId('overview-loading')).toBeNull();
    expect(allText('frame-loading')).toEqual([]);
  });

  it('renders every KPI of the API response with its interval and n', async () => {
    await answerAll();

    expect(textOf('kpi-episodes')).toBe('1,500');
    expect(textOf('kpi-active')).toBe('120');
    expect(textOf('kpi-attendance-rate')).toBe('78.7%');
    expect(allText('kpi-attendance-rate-detail')).toEqual(['95% CI 78.3%–79.0%', 'n = 55,588 appointments']);
    expect(textOf('kpi-hours')).toBe('7.9 h');
    expect(allText('kpi-hours-detail')).toEqual([
      'Mean; Median 8.1 h',
      'ASAM 2.1 floor: 9 h a week (6 under 18)',
      'At or above the floor: 43.4% (95% CI 40.9%–45.9%)',
      'n = 1,500 episodes',
    ]);
    expect(textOf('kpi-compliant')).toBe('45.5%');
    expect(textOf('kpi-retained-90')).toBe('33.8%');
    expect(allText('kpi-retained-90-detail')).toEqual([
      '95% CI 31.3%–36.4%',
      'n = 1,321 episodes admitted 90+ days ago',
    ]);
    expect(textOf('kpi-completion')).toBe('33.5%');
    expect(textOf('kpi-negative-screens')).toBe('49.9%');
    expect(textOf('kpi-readmitted-30')).toBe('4.1%');
    expect(textOf('as-of')).toBe('Jun 30, 2026');
  });

  it('adds when and from where the data was last loaded to its as-of date, once that is known', async () => {
    await answerAll();
    const asOfLine = () => root().querySelector('.as-of')?.textContent?.replace(/\s+/g, ' ').trim();
    expect(asOfLine()).toBe('Data as of Jun 30, 2026');

    // The shell asks for the status once per session; the page reads it.
    TestBed.inject(DataStatusState).load();
    httpTesting.expectOne(DATA_PATHS.status).flush({
      asOf: '2026-06-30',
      loadedAt: '2026-07-01T06:00:00.000Z',
      source: 'kipu-east',
      synthetic: false,
    });
    // The status arrives through a promise: let it settle before the page is drawn again.
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    expect(asOfLine()).toBe('Data as of Jun 30, 2026, last loaded Jul 1, 2026, 6:00 AM UTC from kipu-east');
  });

  it('compares the last mature month with the month before, and draws a sparkline', async () => {
    await answerAll();

    // April is right-censored for 90-day retention: March is compared with February.
    expect(textOf('kpi-retained-90-change')).toMatch(/^−1\.8 pts vs Feb 2026\./);
    expect(textOf('kpi-episodes-change')).toMatch(/^\+11 vs May 2026/);
    expect(textOf('kpi-hours-change')).toMatch(/^\+0\.4 h vs May 2026/);
    // Census at month ends: 13, 5, 10.
    expect(textOf('kpi-active-change')).toMatch(/^\+5 vs end of May 2026/);
    // Completion needs 180 days: none of the three months is mature yet.
    expect(byTestId('kpi-completion-change')).toBeNull();
    expect(textOf('kpi-completion-trend')).toContain('No two consecutive complete months to compare.');

    const sparkline = byTestId('kpi-retained-90-trend')?.querySelector('svg');
    expect(sparkline?.getAttribute('aria-label')).toBe(
      'Retained at 90 days by month of admission, Jan 2026 to Mar 2026: from 30.4% to 36.8%, lowest 30.4%, highest 38.6%.',
    );
    expect(byTestId('kpi-hours-trend')?.querySelector('line.sparkline-floor')).not.toBeNull();
  });

  it('shows the flow and the discharge reasons in their frames, with their table rows', async () => {
    await answerAll();

    const flow = byTestId('flow-frame');
    expect(flow?.querySelector('[data-testid="frame-sample"]')?.textContent?.trim()).toBe('n = 182 episodes admitted');
    const reasons = byTestId('discharge-reasons-frame');
    expect(reasons?.querySelector('[data-testid="frame-sample"]')?.textContent?.trim()).toBe(
      'n = 1,380 discharged episodes',
    );
    expect(textOf('discharge-active')).toContain('not in these shares: 120 episodes.');

    reasons?.querySelector<HTMLElement>('[data-testid="frame-show-table"] button')?.click();
    await fixture.whenStable();
    const rows = Array.from(reasons?.querySelectorAll('[data-testid="frame-table"] tbody tr') ?? []).map((row) =>
      Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent?.trim()),
    );
    expect(rows[0]).toEqual(['Completed', '462', '33.5%', '31.0%', '36.0%']);
    expect(rows[2]).toEqual(['Death', 'fewer than 11', 'fewer than 11', '—', '—']);
  });

  it('shows an error with a Retry button that loads the summary again', async () => {
    httpTesting
      .expectOne(METRICS_PATHS.summary)
      .flush({ message: 'boom' }, { status: 500, statusText: 'Internal Server Error' });
    answerTrends();
    httpTesting.expectOne(METRICS_PATHS.flow).flush(FLOW);
    httpTesting.expectOne(METRICS_PATHS.dischargeReasons).flush(DISCHARGE_REASONS);
    await fixture.whenStable();

    const error = byTestId('overview-error');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(error?.textContent).toContain('The summary could not be loaded');
    expect(error?.textContent).toContain('The API answered 500 Internal Server Error.');
    expect(byTestId('kpi-episodes')).toBeNull();

    byTestId('retry')?.click();
    TestBed.tick();
    expect(byTestId('overview-loading')).not.toBeNull();

    httpTesting.expectOne(METRICS_PATHS.summary).flush(SUMMARY);
    await fixture.whenStable();
    expect(byTestId('overview-error')).toBeNull();
    expect(textOf('kpi-episodes')).toBe('1,500');
  });

  it('shows a chart error in its frame and retries only that chart', async () => {
    httpTesting.expectOne(METRICS_PATHS.summary).flush(SUMMARY);
    answerTrends();
    httpTesting.expectOne(METRICS_PATHS.flow).error(new ProgressEvent('error'));
    httpTesting.expectOne(METRICS_PATHS.dischargeReasons).flush(DISCHARGE_REASONS);
    await fixture.whenStable();

    const flow = byTestId('flow-frame');
    expect(flow?.querySelector('[data-testid="frame-error"]')?.textContent).toContain('The API could not be reached.');
    expect(textOf('kpi-active-trend')).toContain('The monthly trend could not be loaded.');

    flow?.querySelector<HTMLButtonElement>('[data-testid="frame-retry"]')?.click();
    TestBed.tick();
    httpTesting.expectOne(METRICS_PATHS.flow).flush(FLOW);
    await fixture.whenStable();
    expect(flow?.querySelector('[data-testid="frame-error"]')).toBeNull();
    expect(textOf('kpi-active-change')).toMatch(/^\+5 vs end of May 2026/);
  });

  it('shows a suppressed rate as "fewer than 11", printing only a reason that says more', async () => {
    await answerAll({
      ...SUMMARY,
      attendanceRate: { suppressed: true, reason: 'fewer than 11' },
      readmitted30: { suppressed: true, reason: 'complementary suppression' },
    });

    expect(textOf('kpi-attendance-rate')).toBe('fewer than 11');
    expect(textOf('kpi-attendance-rate-suppressed')).toContain('Withheld to protect privacy');
    expect(allText('kpi-attendance-rate-detail')).toEqual([]);
    expect(textOf('kpi-readmitted-30')).toBe('fewer than 11');
    expect(allText('kpi-readmitted-30-detail')).toEqual(['Reason: complementary suppression']);
  });

  it('shows an empty state when there are no episodes', async () => {
    await answerAll({ ...SUMMARY, asOf: null, episodes: 0, activeEpisodes: 0 });

    expect(textOf('overview-empty')).toContain('No episodes yet');
    expect(byTestId('kpi-episodes')).toBeNull();
    expect(byTestId('as-of')).toBeNull();
  });
});

describe('OverviewPage with a filter in the URL', () => {
  it('asks for the filtered numbers and offers to clear a filter that selects nothing', async () => {
    TestBed.configureTestingModule({ providers });
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/?levelOfCare=2.1&groupBy=payer');
    const httpTesting = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(OverviewPage);
    TestBed.tick();

    const summary = httpTesting.expectOne((req) => req.url === METRICS_PATHS.summary);
    expect(summary.request.params.keys()).toEqual(['levelOfCare']);
    expect(summary.request.params.getAll('levelOfCare')).toEqual(['2.1']);
    const others = httpTesting.match((req) => req.url !== METRICS_PATHS.summary);
    expect(others).toHaveLength(10);
    for (const request of others) expect(request.request.params.getAll('levelOfCare')).toEqual(['2.1']);
    summary.flush({ ...SUMMARY, episodes: 0, activeEpisodes: 0 });
    others.forEach((request) => request.flush({ message: 'unused' }, { status: 500, statusText: 'Unused' }));
    await fixture.whenStable();

    const empty = (fixture.nativeElement as HTMLElement).querySelector('[data-testid="overview-empty"]');
    expect(empty?.textContent).toContain('No episodes match these filters');
    empty?.querySelector<HTMLButtonElement>('[data-testid="overview-clear-filters"]')?.click();
    // Not whenStable: the requests that the navigation starts keep the app busy until answered.
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
    expect(router.url).toBe('/?groupBy=payer');
    httpTesting
      .match(() => true)
      .forEach((request) => request.flush({ message: 'unused' }, { status: 500, statusText: 'Unused' }));
    await fixture.whenStable();
    httpTesting.verify();
  });
});
