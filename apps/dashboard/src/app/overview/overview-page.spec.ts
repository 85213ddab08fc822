import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router } from '@angular/router';
import { SummaryResponse } from '@iop/contracts';
import { METRICS_PATHS } from '../api/metrics-api';
import { OverviewPage } from './overview-page';

const SUMMARY: SummaryResponse = {
  asOf: '2025-06-30',
  episodes: 1500,
  activeEpisodes: 312,
  attendanceRate: {
    numerator: 45_612,
    denominator: 58_231,
    rate: 0.78329,
    ci95: [0.77993, 0.78661],
  },
};

describe('OverviewPage', () => {
  let fixture: ComponentFixture<OverviewPage>;
  let httpTesting: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withFetch()),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        provideRouter([]),
      ],
    });
    httpTesting = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(OverviewPage);
    // Runs the resource's effect, which sends the request.
    TestBed.tick();
  });

  afterEach(() => httpTesting.verify());

  const byTestId = (id: string) =>
    (fixture.nativeElement as HTMLElement).querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const textOf = (id: string) => byTestId(id)?.textContent;
  const allText = (id: string) =>
    Array.from((fixture.nativeElement as HTMLElement).querySelectorAll(`[data-testid="${id}"]`)).map((element) =>
      element.textContent?.trim(),
    );

  async function answerSummary(body: SummaryResponse): Promise<void> {
    httpTesting.expectOne({ method: 'GET', url: METRICS_PATHS.summary }).flush(body);
    await fixture.whenStable();
  }

  it('shows a loading skeleton until the summary arrives', async () => {
    expect(byTestId('overview-loading')?.getAttribute('aria-busy')).toBe('true');
    expect(byTestId('kpi-episodes')).toBeNull();

    await answerSummary(SUMMARY);
    expect(byTestId('overview-loading')).toBeNull();
  });

  it('renders the numbers of the API response, formatted', async () => {
    await answerSummary(SUMMARY);

    expect(textOf('kpi-episodes')).toBe('1,500');
    expect(textOf('kpi-active')).toBe('312');
    expect(textOf('kpi-attendance-rate')).toBe('78.3%');
    expect(allText('kpi-attendance-rate-detail')).toEqual(['95% CI 78.0%–78.7%', 'n = 58,231 appointments']);
    expect(textOf('as-of')).toBe('Jun 30, 2025');
    expect(byTestId('as-of')?.getAttribute('datetime')).toBe('2025-06-30');
    expect(textOf('chart-sample')).toBe('n = 58,231 appointments');
    expect(byTestId('chart')?.getAttribute('aria-label')).toBe(
      'Appointments: attended vs missed: Attended 45,612, Missed 12,619',
    );
  });

  it('shows an error with a Retry button that loads the summary again', async () => {
    httpTesting
      .expectOne(METRICS_PATHS.summary)
      .flush({ message: 'boom' }, { status: 500, statusText: 'Internal Server Error' });
    await fixture.whenStable();

    const error = byTestId('overview-error');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(error?.textContent).toContain('The summary could not be loaded');
    expect(error?.textContent).toContain('The API answered 500 Internal Server Error.');
    expect(byTestId('kpi-episodes')).toBeNull();

    byTestId('retry')?.click();
    TestBed.tick();
    expect(byTestId('overview-loading')).not.toBeNull();

    await answerSummary(SUMMARY);
    expect(byTestId('overview-error')).toBeNull();
    expect(textOf('kpi-episodes')).toBe('1,500');
  });

  it('says when the API cannot be reached at all', async () => {
    httpTesting.expectOne(METRICS_PATHS.summary).error(new ProgressEvent('error'));
    await fixture.whenStable();

    expect(byTestId('overview-error')?.textContent).toContain('The API could not be reached.');
  });

  it('shows a suppressed attendance rate as "fewer than 11" with the reason, and no chart', async () => {
    await answerSummary({
      ...SUMMARY,
      episodes: 14,
      activeEpisodes: 3,
      attendanceRate: { suppressed: true, reason: 'fewer than 11' },
    });

    expect(textOf('kpi-episodes')).toBe('14');
    expect(textOf('kpi-attendance-rate')).toBe('fewer than 11');
    expect(textOf('kpi-attendance-rate-suppressed')).toContain('Withheld to protect privacy');
    // The reason repeats the value, so it is not printed twice.
    expect(allText('kpi-attendance-rate-detail')).toEqual([]);
    expect(byTestId('chart')).toBeNull();
  });

  it('prints a suppression reason that says more than the value', async () => {
    await answerSummary({
      ...SUMMARY,
      attendanceRate: { suppressed: true, reason: 'complementary suppression' },
    });

    expect(textOf('kpi-attendance-rate')).toBe('fewer than 11');
    expect(allText('kpi-attendance-rate-detail')).toEqual(['Reason: complementary suppression']);
  });

  it('shows an empty state when there are no episodes', async () => {
    await answerSummary({
      asOf: null,
      episodes: 0,
      activeEpisodes: 0,
      attendanceRate: { numerator: 0, denominator: 0, rate: null, ci95: null },
    });

    expect(textOf('overview-empty')).toContain('No episodes yet');
    expect(byTestId('kpi-episodes')).toBeNull();
    expect(byTestId('as-of')).toBeNull();
  });
});

describe('OverviewPage with a filter in the URL', () => {
  it('asks for the filtered summary and offers to clear a filter that selects nothing', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withFetch()),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        provideRouter([]),
      ],
    });
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/?levelOfCare=2.1&groupBy=payer');
    const httpTesting = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(OverviewPage);
    TestBed.tick();

    const request = httpTesting.expectOne((req) => req.url === METRICS_PATHS.summary);
    expect(request.request.params.keys()).toEqual(['levelOfCare']);
    expect(request.request.params.getAll('levelOfCare')).toEqual(['2.1']);
    request.flush({ ...SUMMARY, episodes: 0, activeEpisodes: 0 });
    await fixture.whenStable();

    const empty = (fixture.nativeElement as HTMLElement).querySelector('[data-testid="overview-empty"]');
    expect(empty?.textContent).toContain('No episodes match these filters');
    empty?.querySelector<HTMLButtonElement>('[data-testid="overview-clear-filters"]')?.click();
    // Not whenStable: the summary request that the navigation starts keeps the app busy until answered.
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
    expect(router.url).toBe('/?groupBy=payer');
    httpTesting.expectOne(METRICS_PATHS.summary).flush(SUMMARY);
    await fixture.whenStable();
    httpTesting.verify();
  });
});
