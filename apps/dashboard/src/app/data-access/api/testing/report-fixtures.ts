import type { FilterOptionsResponse, ReportJob, ReportSchedule } from '@iop/contracts';

/** A report as POST /reports answers it: queued, nothing computed yet. */
export const QUEUED_JOB: ReportJob = {
  id: 'r-1',
  kind: 'outcomes',
  status: 'queued',
  progress: 0,
  stage: null,
  filters: { payer: ['medicaid'] },
  period: null,
  attempts: 0,
  error: null,
  scheduleId: null,
  requestedBy: 'director@test.local',
  createdAt: '2026-03-02T09:30:00.000Z',
  startedAt: null,
  finishedAt: null,
  pageCount: null,
  sizeBytes: null,
  downloadPath: null,
};

export const RUNNING_JOB: ReportJob = {
  ...QUEUED_JOB,
  status: 'running',
  progress: 40,
  stage: 'Retention curves',
  attempts: 1,
  period: '1 Jan 2025 - 31 Oct 2026',
  startedAt: '2026-03-02T09:30:01.000Z',
};

export const SUCCEEDED_JOB: ReportJob = {
  ...RUNNING_JOB,
  status: 'succeeded',
  progress: 100,
  stage: 'Done',
  finishedAt: '2026-03-02T09:30:06.000Z',
  pageCount: 9,
  sizeBytes: 48_213,
  downloadPath: '/api/v1/reports/r-1/file',
};

export const FAILED_JOB: ReportJob = {
  ...RUNNING_JOB,
  status: 'failed',
  progress: 60,
  stage: 'Quality measures',
  attempts: 3,
  error: 'The database did not answer in time',
  finishedAt: '2026-03-02T09:31:00.000Z',
};

export const WEEKLY_SCHEDULE: ReportSchedule = {
  id: 's-1',
  kind: 'outcomes',
  cadence: 'weekly',
  filters: { programId: [2] },
  delivery: 'download',
  owner: 'director@test.local',
  createdAt: '2026-03-01T08:00:00.000Z',
  nextRunAt: '2026-03-09T06:00:00.000Z',
  lastRunAt: '2026-03-02T06:00:00.000Z',
  lastStatus: 'failed',
};

export const FILTER_OPTIONS: FilterOptionsResponse = {
  programs: [
    { id: 1, name: 'Northside IOP' },
    { id: 2, name: 'Riverside IOP' },
  ],
  counselors: [],
  levelsOfCare: [],
  payers: [],
  substances: [],
  ageBands: [],
  admitDateRange: { from: null, to: null },
};
