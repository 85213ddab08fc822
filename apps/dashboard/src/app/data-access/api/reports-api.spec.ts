import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { QUEUED_JOB, RUNNING_JOB, WEEKLY_SCHEDULE } from './testing/report-fixtures';
import { episodeExportUrl, ReportsApi, REPORTS_PATHS } from './reports-api';

describe('ReportsApi', () => {
  let api: ReportsApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(withFetch()), provideHttpClientTesting()] });
    api = TestBed.inject(ReportsApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('posts a report request with its filters and answers the queued job', async () => {
    const answer = api.generate({ kind: 'outcomes', filters: { payer: ['medicaid'] } });
    const request = http.expectOne(REPORTS_PATHS.reports);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ kind: 'outcomes', filters: { payer: ['medicaid'] } });
    request.flush(QUEUED_JOB, { status: 202, statusText: 'Accepted' });
    expect(await answer).toEqual(QUEUED_JOB);
  });

  it('reads one job by its id', async () => {
    const answer = firstValueFrom(api.job('r-1'));
    const request = http.expectOne('/api/v1/reports/r-1');
    expect(request.request.method).toBe('GET');
    request.flush(RUNNING_JOB);
    expect(await answer).toEqual(RUNNING_JOB);
  });

  it('creates and deletes schedules', async () => {
    const created = api.createSchedule({ kind: 'outcomes', cadence: 'weekly', filters: { programId: [2] } });
    const post = http.expectOne('/api/v1/reports/schedules');
    expect([post.request.method, post.request.body]).toEqual([
      'POST',
      { kind: 'outcomes', cadence: 'weekly', filters: { programId: [2] } },
    ]);
    post.flush(WEEKLY_SCHEDULE, { status: 201, statusText: 'Created' });
    expect(await created).toEqual(WEEKLY_SCHEDULE);

    const deleted = api.deleteSchedule('s-1');
    const remove = http.expectOne('/api/v1/reports/schedules/s-1');
    expect(remove.request.method).toBe('DELETE');
    remove.flush(null, { status: 204, statusText: 'No Content' });
    await expect(deleted).resolves.toBeUndefined();
  });

  it('builds the episode export links with repeated list parameters', () => {
    expect(episodeExportUrl('csv', {})).toBe('/api/v1/exports/episodes.csv');
    expect(episodeExportUrl('xlsx', { from: '2025-01-01', payer: ['medicaid', 'other'], programId: [3] })).toBe(
      '/api/v1/exports/episodes.xlsx?from=2025-01-01&payer=medicaid&payer=other&programId=3',
    );
  });
});
