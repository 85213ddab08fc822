import { HttpErrorResponse } from '@angular/common/http';
import {
  FAILED_JOB,
  FILTER_OPTIONS,
  QUEUED_JOB,
  RUNNING_JOB,
  SUCCEEDED_JOB,
  WEEKLY_SCHEDULE,
} from '../../data-access/api/testing/report-fixtures';
import {
  describeFilters,
  formatFileSize,
  formatReportTime,
  historyStatusText,
  jobStatusText,
  lastRunText,
  mayExportEpisodes,
  reportKindsFor,
  requestProblem,
} from './report-format';

describe('report-format', () => {
  it('offers a payer the payer report only, and the episode exports to the other roles', () => {
    expect(reportKindsFor('payer')).toEqual(['payer']);
    expect(reportKindsFor('director')).toEqual(['outcomes', 'payer']);
    expect(reportKindsFor('quality')).toEqual(['outcomes', 'payer']);
    expect([mayExportEpisodes('payer'), mayExportEpisodes('quality'), mayExportEpisodes('admin')]).toEqual([
      false,
      true,
      true,
    ]);
  });

  it('says the filter in words, with program names from the options', () => {
    expect(describeFilters({}, FILTER_OPTIONS)).toBe('All episodes you may see (no filters)');
    expect(
      describeFilters({ from: '2025-01-01', programId: [2], payer: ['medicaid', 'self_pay'] }, FILTER_OPTIONS),
    ).toBe('From Jan 1, 2025; Program: Riverside IOP; Payer: Medicaid; Payer: Self-pay');
    expect(describeFilters({ programId: [7] }, undefined)).toBe('Program: #7');
  });

  it('formats times in UTC and sizes in decimal units', () => {
    expect(formatReportTime('2026-03-09T06:00:00.000Z')).toBe('Mar 9, 2026, 6:00 AM UTC');
    expect(formatReportTime(null)).toBe('—');
    expect(formatFileSize(48_213)).toBe('48.2 kB');
    expect(formatFileSize(2_400_000)).toBe('2.4 MB');
    expect(formatFileSize(null)).toBe('—');
  });

  it('describes each state of a job for the live status line', () => {
    expect(jobStatusText(QUEUED_JOB)).toBe('Queued: waiting for the report worker…');
    expect(jobStatusText({ ...QUEUED_JOB, attempts: 1, error: 'Timed out' })).toBe(
      'Waiting to retry after 1 attempt: Timed out',
    );
    expect(jobStatusText(RUNNING_JOB)).toBe('Retention curves… 40%');
    expect(jobStatusText(SUCCEEDED_JOB)).toBe('Done: 9 pages, 48.2 kB.');
    expect(jobStatusText(FAILED_JOB)).toBe('Failed after 3 attempts: The database did not answer in time');
    expect(historyStatusText(FAILED_JOB)).toBe('Failed: The database did not answer in time');
    expect(historyStatusText(SUCCEEDED_JOB)).toBe('Ready');
  });

  it('shows a schedule’s last run with the status it ended in', () => {
    expect(lastRunText(WEEKLY_SCHEDULE)).toBe('Mar 2, 2026, 6:00 AM UTC (Failed)');
    expect(lastRunText({ ...WEEKLY_SCHEDULE, lastRunAt: null, lastStatus: null })).toBe('Not run yet');
  });

  it('prefers the API’s own words for a refused request', () => {
    const forbidden = new HttpErrorResponse({
      status: 403,
      statusText: 'Forbidden',
      error: { message: 'A payer can only request the payer report' },
    });
    expect(requestProblem(forbidden)).toBe('A payer can only request the payer report');
    expect(requestProblem(new HttpErrorResponse({ status: 503, statusText: 'Service Unavailable' }))).toBe(
      'The API answered 503 Service Unavailable.',
    );
    expect(requestProblem(new HttpErrorResponse({ status: 0 }))).toBe(
      'The server cannot be reached; check the connection and try again.',
    );
  });
});
