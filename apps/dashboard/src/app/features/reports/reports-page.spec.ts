import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router } from '@angular/router';
import type { ReportJob, ReportSchedule, UserRole } from '@iop/contracts';
import { Subject, take } from 'rxjs';
import { REPORT_POLL_WAIT, REPORTS_PATHS } from '../../data-access/api/reports-api';
import { provideSignedInUser, testUser } from '../../data-access/auth/testing/signed-in-session';
import {
  FAILED_JOB,
  FILTER_OPTIONS,
  QUEUED_JOB,
  RUNNING_JOB,
  SUCCEEDED_JOB,
  WEEKLY_SCHEDULE,
} from '../../data-access/api/testing/report-fixtures';
import { ReportsPage } from './reports-page';
import { FILTERS_PATHS } from '../../data-access/api/filters-api';

describe('ReportsPage', () => {
  let fixture: ComponentFixture<ReportsPage>;
  let http: HttpTestingController;
  /** Each value lets the page take its next look at the running job (instead of a real second). */
  let pollTicks: Subject<void>;

  async function openPage(role: UserRole, url = '/reports?payer=medicaid'): Promise<void> {
    pollTicks = new Subject<void>();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withFetch()),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        provideRouter([{ path: 'reports', component: ReportsPage }]),
        provideSignedInUser(testUser(role)),
        { provide: REPORT_POLL_WAIT, useValue: () => pollTicks.pipe(take(1)) },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await TestBed.inject(Router).navigateByUrl(url);
    fixture = TestBed.createComponent(ReportsPage);
    TestBed.tick();
    http.expectOne(FILTERS_PATHS.options).flush(FILTER_OPTIONS);
  }

  afterEach(() => http.verify());

  const root = () => fixture.nativeElement as HTMLElement;
  const byTestId = (id: string) => root().querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const textOf = (id: string) => byTestId(id)?.textContent?.replace(/\s+/g, ' ').trim();
  const rowsOf = (testId: string) =>
    Array.from(root().querySelectorAll(`[data-testid="${testId}"]`)).map((row) =>
      Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()),
    );

  /**
   * Lets promises and change detection run without whenStable(), which would wait for the request the step
   * has just sent (and so for ever, in a test that answers it afterwards).
   */
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  };
  async function answer(request: TestRequest, body: object, status = 200): Promise<void> {
    request.flush(body, { status, statusText: status === 202 ? 'Accepted' : 'OK' });
    await settle();
  }
  const historyRequest = () =>
    http.expectOne((request) => request.url === REPORTS_PATHS.reports && request.method === 'GET');
  const schedulesRequest = () =>
    http.expectOne((request) => request.url === REPORTS_PATHS.schedules && request.method === 'GET');
  async function answerLists(reports: ReportJob[], schedules: ReportSchedule[]): Promise<void> {
    // The panels' resources send their requests once the panels have been created.
    TestBed.tick();
    historyRequest().flush({ reports });
    await answer(schedulesRequest(), { schedules });
  }
  /** Lets the page look at the job once more and answers that look. */
  async function nextLook(job: ReportJob): Promise<void> {
    pollTicks.next();
    await answer(http.expectOne(`${REPORTS_PATHS.reports}/${job.id}`), job);
  }
  function generate(): TestRequest {
    byTestId('report-generate')?.click();
    TestBed.tick();
    return http.expectOne((request) => request.url === REPORTS_PATHS.reports && request.method === 'POST');
  }

  it('generates a report with the page’s filters, shows its progress and then the download', async () => {
    await openPage('director');
    await answerLists([], []);
    expect(textOf('report-filters')).toBe('Filters: Payer: Medicaid. Change them with the filter bar above.');
    expect(textOf('history-empty')).toBe('No report yet: generate one above, or schedule one below.');

    const post = generate();
    expect(post.request.body).toEqual({ kind: 'outcomes', filters: { payer: ['medicaid'] } });
    await answer(post, QUEUED_JOB, 202);
    expect(textOf('report-status')).toBe('Queued: waiting for the report worker…');
    expect(byTestId('report-generate')?.hasAttribute('disabled')).toBe(true);
    // The queued job shows in the history at once.
    await answer(historyRequest(), { reports: [QUEUED_JOB] });
    expect(rowsOf('history-row')).toEqual([
      ['Mar 2, 2026, 9:30 AM UTC', 'Monthly outcomes report', '—', 'Queued', '—', '—', ''],
    ]);

    await nextLook(RUNNING_JOB);
    const bar = byTestId('report-progress');
    expect(bar?.getAttribute('aria-valuenow')).toBe('40');
    expect(bar?.getAttribute('mode')).toBe('determinate');
    expect(byTestId('report-status')?.getAttribute('aria-live')).toBe('polite');
    expect(textOf('report-status')).toBe('Retention curves… 40%');
    expect(byTestId('report-download')).toBeNull();

    await nextLook(SUCCEEDED_JOB);
    expect(bar?.getAttribute('aria-valuenow')).toBe('100');
    expect(textOf('report-status')).toBe('Done: 9 pages, 48.2 kB.');
    expect(byTestId('report-download')?.getAttribute('href')).toBe('/api/v1/reports/r-1/file');
    expect(byTestId('report-generate')?.hasAttribute('disabled')).toBe(false);

    // Finished: the history is asked again, and the page stops looking at the job.
    await answer(historyRequest(), { reports: [SUCCEEDED_JOB] });
    expect(pollTicks.observed).toBe(false);
    expect(rowsOf('history-row')).toEqual([
      [
        'Mar 2, 2026, 9:30 AM UTC',
        'Monthly outcomes report',
        '1 Jan 2025 - 31 Oct 2026',
        'Ready',
        '9',
        '48.2 kB',
        'Download',
      ],
    ]);
    expect(byTestId('history-download')?.getAttribute('href')).toBe('/api/v1/reports/r-1/file');
  });

  it('shows a failed report’s error and attempts, and marks it failed in the history', async () => {
    await openPage('director');
    await answerLists([], []);
    await answer(generate(), QUEUED_JOB, 202);
    await answer(historyRequest(), { reports: [QUEUED_JOB] });

    await nextLook(FAILED_JOB);
    expect(textOf('report-status')).toBe('Failed after 3 attempts: The database did not answer in time');
    expect(byTestId('report-status')?.classList).toContain('problem');
    expect(byTestId('report-download')).toBeNull();

    await answer(historyRequest(), { reports: [FAILED_JOB] });
    expect(textOf('history-status')).toBe('Failed: The database did not answer in time');
    expect(byTestId('history-status')?.classList).toContain('status-failed');
    expect(byTestId('history-download')).toBeNull();
  });

  it('says why a report could not be started', async () => {
    await openPage('director');
    await answerLists([], []);
    const post = generate();
    post.flush({ message: 'filters.from must be a date' }, { status: 400, statusText: 'Bad Request' });
    await settle();
    expect(textOf('report-problem')).toBe('The report could not be started. filters.from must be a date');
    expect(byTestId('report-job')).toBeNull();
  });

  it('stops looking at the job when the page is left', async () => {
    await openPage('director');
    await answerLists([], []);
    await answer(generate(), QUEUED_JOB, 202);
    await answer(historyRequest(), { reports: [QUEUED_JOB] });
    await nextLook(RUNNING_JOB);
    expect(pollTicks.observed).toBe(true);

    fixture.destroy();
    expect(pollTicks.observed).toBe(false);
    pollTicks.next();
    // afterEach's verify() fails if that asked for the job again.
  });

  it('offers a payer the payer report only, explained, and no data exports', async () => {
    await openPage('payer', '/reports');
    await answerLists([], []);
    expect(byTestId('report-kind')).toBeNull();
    expect(byTestId('schedule-kind')).toBeNull();
    expect(textOf('report-kind-only')).toBe(
      'Your account receives the Payer report: payers see aggregates only, so the outcomes report with its ' +
        'episode-level analyses is not offered.',
    );
    expect(textOf('report-filters')).toBe(
      'Filters: All episodes you may see (no filters). Change them with the filter bar above.',
    );
    expect(byTestId('data-exports')).toBeNull();

    const post = generate();
    expect(post.request.body).toEqual({ kind: 'payer', filters: {} });
    await answer(post, { ...QUEUED_JOB, kind: 'payer', filters: {} }, 202);
    await answer(historyRequest(), { reports: [] });
  });

  it('lets a director choose the payer variant and download the selected episodes', async () => {
    await openPage('director');
    await answerLists([], []);
    expect(byTestId('export-csv')?.getAttribute('href')).toBe('/api/v1/exports/episodes.csv?payer=medicaid');
    expect(byTestId('export-xlsx')?.getAttribute('href')).toBe('/api/v1/exports/episodes.xlsx?payer=medicaid');
    expect(textOf('data-exports')).toContain('Quality accounts get de-identified rows');
    expect(textOf('data-exports')).toContain('Every export is written to the audit log.');

    const kind = await TestbedHarnessEnvironment.loader(fixture).getHarness(
      MatSelectHarness.with({ selector: '[data-testid="report-kind"]' }),
    );
    await kind.open();
    expect(await Promise.all((await kind.getOptions()).map((option) => option.getText()))).toEqual([
      'Monthly outcomes report',
      'Payer report',
    ]);
    await kind.clickOptions({ text: 'Payer report' });
    expect(textOf('report-kind-description')).toBe(
      'Cost-effectiveness first; small cells suppressed and no patient-level detail.',
    );
    const post = generate();
    expect(post.request.body).toEqual({ kind: 'payer', filters: { payer: ['medicaid'] } });
    await answer(post, { ...SUCCEEDED_JOB, kind: 'payer' }, 202);
    // Already finished when it answered: no look at the job, and one new look at the history.
    await answer(historyRequest(), { reports: [{ ...SUCCEEDED_JOB, kind: 'payer' }] });
    expect(textOf('report-status')).toBe('Done: 9 pages, 48.2 kB.');
  });

  it('creates a weekly schedule with the current filters and deletes it after confirming', async () => {
    await openPage('quality');
    await answerLists([], []);
    expect(textOf('schedules-empty')).toBe('No schedule yet.');
    expect(textOf('data-exports')).toContain('Yours will be de-identified.');

    const cadence = await TestbedHarnessEnvironment.loader(fixture).getHarness(
      MatSelectHarness.with({ selector: '[data-testid="schedule-cadence"]' }),
    );
    await cadence.open();
    await cadence.clickOptions({ text: 'Weekly (Mondays, 06:00 UTC)' });
    byTestId('schedule-create')?.click();
    TestBed.tick();
    const post = http.expectOne((request) => request.url === REPORTS_PATHS.schedules && request.method === 'POST');
    expect(post.request.body).toEqual({ kind: 'outcomes', cadence: 'weekly', filters: { payer: ['medicaid'] } });
    await answer(post, WEEKLY_SCHEDULE, 201);
    await answer(schedulesRequest(), { schedules: [WEEKLY_SCHEDULE] });
    expect(textOf('schedule-notice')).toBe(
      'Scheduled the Monthly outcomes report, weekly; next run Mar 9, 2026, 6:00 AM UTC.',
    );
    expect(rowsOf('schedule-row')).toEqual([
      [
        'Monthly outcomes report',
        'Weekly (Mondays, 06:00 UTC)',
        'Program: Riverside IOP',
        'Mar 9, 2026, 6:00 AM UTC',
        'Mar 2, 2026, 6:00 AM UTC (Failed)',
        'Kept for download here',
        'Delete',
      ],
    ]);

    // The first click only asks; "Keep" leaves the schedule alone.
    byTestId('schedule-delete')?.click();
    await settle();
    expect(textOf('schedule-row')).toContain('Delete this schedule?');
    byTestId('schedule-cancel-delete')?.click();
    await settle();
    expect(byTestId('schedule-confirm-delete')).toBeNull();

    byTestId('schedule-delete')?.click();
    await settle();
    byTestId('schedule-confirm-delete')?.click();
    TestBed.tick();
    const remove = http.expectOne(`${REPORTS_PATHS.schedules}/s-1`);
    expect(remove.request.method).toBe('DELETE');
    remove.flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    await answer(schedulesRequest(), { schedules: [] });
    expect(textOf('schedule-notice')).toBe('Deleted the weekly Monthly outcomes report schedule.');
    expect(textOf('schedules-empty')).toBe('No schedule yet.');
  });
});
