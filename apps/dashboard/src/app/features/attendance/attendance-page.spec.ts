import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router } from '@angular/router';
import { ATTENDANCE_PATHS } from '../../data-access/api/attendance-api';
import { COMPLIANCE, counselorBreakdown, HEATMAP, HOURS, NO_SHOWS, rate } from './attendance-fixtures.spec-data';
import { AttendancePage } from './attendance-page';
import { METRICS_PATHS } from '../../data-access/api/metrics-api';

describe('AttendancePage', () => {
  let fixture: ComponentFixture<AttendancePage>;
  let http: HttpTestingController;

  async function open(url = '/'): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withFetch()),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        provideRouter([]),
      ],
    });
    await TestBed.inject(Router).navigateByUrl(url);
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AttendancePage);
    TestBed.tick();
  }

  afterEach(() => http.verify());

  const element = () => fixture.nativeElement as HTMLElement;
  const byTestId = (id: string, root: ParentNode = element()) =>
    root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const textOf = (id: string, root?: ParentNode) => byTestId(id, root)?.textContent?.trim();

  async function answerAll(overrides: { heatmap?: unknown } = {}): Promise<void> {
    http.expectOne((req) => req.url === ATTENDANCE_PATHS.heatmap).flush(overrides.heatmap ?? HEATMAP);
    http.expectOne((req) => req.url === ATTENDANCE_PATHS.noShows).flush(NO_SHOWS);
    http.expectOne((req) => req.url === ATTENDANCE_PATHS.compliance).flush(COMPLIANCE);
    http.expectOne((req) => req.url === ATTENDANCE_PATHS.hours).flush(HOURS);
    for (const metric of ['attendanceRate', 'compliant'] as const) {
      http
        .expectOne((req) => req.url === METRICS_PATHS.breakdown && req.params.get('metric') === metric)
        .flush(counselorBreakdown(metric));
    }
    await fixture.whenStable();
  }

  it('shows the headline numbers with their intervals and n', async () => {
    await open();
    expect(byTestId('attendance-heatmap-frame')?.querySelector('[data-testid="frame-loading"]')).not.toBeNull();
    await answerAll();

    expect(textOf('kpi-attendance-rate')).toBe('80.6%');
    expect(textOf('kpi-compliance-score')).toBe('75.6%');
    expect(textOf('kpi-compliant')).toBe('45.5%');
    expect(textOf('kpi-meets-intensity')).toBe('64.0%');
    const compliantDetails = Array.from(element().querySelectorAll('[data-testid="kpi-compliant-detail"]')).map(
      (node) => node.textContent?.trim(),
    );
    expect(compliantDetails).toEqual(['95% CI 43.0%–48.1%', 'n = 1,500 episodes with a score']);
    expect(textOf('frame-sample', byTestId('hours-frame') ?? undefined)).toBe('n = 200 episodes');
    expect(textOf('frame-subtitle', byTestId('hours-frame') ?? undefined)).toContain(
      'Meets its floor: 64.0% (95% CI 57.1%–70.5%)',
    );
  });

  it('draws each chart from its response and lists the same numbers in the table view', async () => {
    await open();
    await answerAll();

    const heatmapFrame = byTestId('attendance-heatmap-frame') as HTMLElement;
    expect(heatmapFrame.querySelectorAll('[data-testid="heatmap-cell"]')).toHaveLength(21);
    expect(textOf('frame-sample', heatmapFrame)).toBe('n = 16,000 appointments');

    const counselorFrame = byTestId('counselor-attendance-frame') as HTMLElement;
    expect(
      Array.from(counselorFrame.querySelectorAll('[data-testid="interval-bar-value"]')).map((node) => node.textContent),
    ).toEqual(['59.2%', '54.3%', 'fewer than 11']);

    byTestId('frame-show-table', counselorFrame)?.querySelector('button')?.click();
    await fixture.whenStable();
    const rows = Array.from(counselorFrame.querySelectorAll('[data-testid="frame-table"] tr')).map((row) =>
      Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['Counselor', 'Attendance rate', '95% CI low', '95% CI high', 'n'],
      ['Counselor Morgan Walsh', '59.2%', '49.6%', '68.4%', '103'],
      ['Counselor Taylor Tanaka', '54.3%', '44.2%', '64.0%', '94'],
      ['Counselor Avery Ibarra', 'fewer than 11', '—', '—', '9'],
    ]);

    const noShowsFrame = byTestId('no-shows-frame') as HTMLElement;
    byTestId('frame-show-table', noShowsFrame)?.querySelector('button')?.click();
    await fixture.whenStable();
    const totalRow = Array.from(noShowsFrame.querySelectorAll('[data-testid="frame-table"] tbody tr')).at(-1);
    expect(Array.from(totalRow?.querySelectorAll('td') ?? []).map((cell) => cell.textContent?.trim())).toEqual([
      'All session types',
      '1,500',
      '73.3%',
      '10.7%',
      '8.0%',
      '8.0%',
      '0.0%',
      '11.6%',
      '11.5%',
      '12.2%',
      '8.7%',
    ]);
  });

  it('sends the filter of the URL with every request', async () => {
    await open('/?levelOfCare=2.1&payer=medicaid');
    const requests = http.match(() => true);
    expect(requests).toHaveLength(6);
    for (const request of requests) {
      expect(request.request.params.getAll('levelOfCare')).toEqual(['2.1']);
      expect(request.request.params.getAll('payer')).toEqual(['medicaid']);
    }
    for (const request of requests) request.flush({});
    // The empty bodies are never rendered: the test only cares about what was asked.
    fixture.destroy();
  });

  it('shows the empty state and the error state with a retry, per chart', async () => {
    await open();
    http
      .expectOne((req) => req.url === ATTENDANCE_PATHS.heatmap)
      .flush('boom', { status: 500, statusText: 'Internal Server Error' });
    http.expectOne((req) => req.url === ATTENDANCE_PATHS.hours).flush({ ...HOURS, n: 0, meetsIntensity: rate(0, 0) });
    http.expectOne((req) => req.url === ATTENDANCE_PATHS.noShows).flush(NO_SHOWS);
    http.expectOne((req) => req.url === ATTENDANCE_PATHS.compliance).flush(COMPLIANCE);
    for (const request of http.match((req) => req.url === METRICS_PATHS.breakdown)) {
      request.flush(counselorBreakdown(request.request.params.get('metric') as 'attendanceRate' | 'compliant'));
    }
    await fixture.whenStable();

    const heatmapFrame = byTestId('attendance-heatmap-frame') as HTMLElement;
    expect(textOf('frame-error', heatmapFrame)).toContain('The API answered 500 Internal Server Error.');
    expect(textOf('kpi-attendance-rate')).toBe('unavailable');
    expect(textOf('frame-empty', byTestId('hours-frame') ?? undefined)).toBe('No episodes match these filters');

    byTestId('frame-retry', heatmapFrame)?.click();
    TestBed.tick();
    http.expectOne((req) => req.url === ATTENDANCE_PATHS.heatmap).flush(HEATMAP);
    await fixture.whenStable();
    expect(byTestId('frame-error', heatmapFrame)).toBeNull();
    expect(heatmapFrame.querySelectorAll('[data-testid="heatmap-cell"]')).toHaveLength(21);
    expect(textOf('kpi-attendance-rate')).toBe('80.6%');
  });
});
