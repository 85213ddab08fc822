import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router } from '@angular/router';
import { ATTENDANCE_PATHS } from '../../data-access/api/attendance-api';
import { COMPLIANCE, counselorBreakdown, HEATMAP, HOURS, NO_SHOWS, rate } from './attendance-fixtures.spec-data';
import { AttendancePage } from './attendance-page';
import { METRICS_PATHS } from '../../data-access/api/metrics-api';
import { FUNNEL } from '../../ui/charts/funnel-fixture.spec-data';

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
    http
      .expectOne(
        (req) =>
          req.url === METRICS_PATHS.funnel &&
          req.params.get('metric') === 'attendanceRate' &&
          req.params.get('by') === 'counselor',
      )
      .flush(FUNNEL);
    http
      .expectOne((req) => req.url === METRICS_PATHS.breakdown && req.params.get('metric') === 'compliant')
      .flush(counselorBreakdown('compliant'));
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
    expect(counselorFrame.querySelectorAll('[data-testid="funnel-point"]')).toHaveLength(4);
    expect(textOf('frame-sample', counselorFrame)).toBe('n = 750 appointments');
    // The counselors outside the 99.8% limits are named in words, in the order of the data, never ranked.
    expect(
      Array.from(counselorFrame.querySelectorAll('[data-testid="funnel-outside"]')).map((node) =>
        node.textContent?.replace(/\s+/g, ' ').trim(),
      ),
    ).toEqual([
      'Jo Lee: Below what chance explains (60.0% of 50 appointments).',
      'Alex Brown: Above what chance explains (95.0% of 400 appointments).',
    ]);
    expect(textOf('funnel-withheld', counselorFrame)).toBe('Ray Cole (fewer than 11)');
    expect(byTestId('frame-chart', counselorFrame)?.getAttribute('aria-label')).toBe(
      "Each counselor's attendance rate against their appointments, with the 95% and 99.8% limits around the " +
        'network rate of 80.0%. Outside the 99.8% limits: Jo Lee: below what chance explains; Alex Brown: above ' +
        'what chance explains. The table view lists every counselor.',
    );

    byTestId('frame-show-table', counselorFrame)?.querySelector('button')?.click();
    await fixture.whenStable();
    const rows = Array.from(counselorFrame.querySelectorAll('[data-testid="frame-table"] tr')).map((row) =>
      Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent?.trim()),
    );
    expect(rows).toEqual([
      [
        'Counselor',
        'Attendance rate',
        'Attended',
        'Appointments',
        '95% limit low',
        '95% limit high',
        '99.8% limit low',
        '99.8% limit high',
        'Against the limits',
      ],
      ['Counselor Jo Lee', '60.0%', '30', '50', '68.9%', '91.1%', '62.5%', '97.5%', 'Below what chance explains'],
      ['Counselor Sam Ortiz', '80.0%', '160', '200', '74.5%', '85.5%', '71.3%', '88.7%', 'Within what chance explains'],
      ['Counselor Alex Brown', '95.0%', '380', '400', '76.1%', '83.9%', '73.8%', '86.2%', 'Above what chance explains'],
      [
        'Counselor Kim Park',
        '88.0%',
        '88',
        '100',
        '72.2%',
        '87.8%',
        '67.6%',
        '92.4%',
        'Above the 95% limit, within what chance explains at 99.8%',
      ],
      ['Counselor Ray Cole', 'fewer than 11', '—', '—', '—', '—', '—', '—', 'Withheld: not placed'],
      ['Network (the selection)', '80.0%', '800', '1,000', '—', '—', '—', '—', 'The target the limits surround'],
    ]);

    const compliantFrame = byTestId('counselor-compliant-frame') as HTMLElement;
    expect(
      Array.from(compliantFrame.querySelectorAll('[data-testid="interval-bar-value"]')).map((node) => node.textContent),
    ).toEqual(['fewer than 11', '59.2%', '54.3%']);

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
    http.expectOne((req) => req.url === METRICS_PATHS.funnel).flush(FUNNEL);
    http.expectOne((req) => req.url === METRICS_PATHS.breakdown).flush(counselorBreakdown('compliant'));
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
