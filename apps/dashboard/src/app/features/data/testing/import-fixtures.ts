import type { DataQualityReport, DataStatus, ImportJob, ImportList } from '@iop/contracts';

/** A dry run as POST /imports answers it: queued, nothing read yet. */
export const CHECK_QUEUED: ImportJob = {
  id: 'i-1',
  organization: 'Demo Health',
  sourceSystem: 'kipu-east',
  mode: 'merge',
  dryRun: true,
  via: 'upload',
  status: 'queued',
  stage: null,
  progress: { rowsRead: 0, rowsValidated: 0, rowsLoaded: 0, bytesRead: 0, bytesTotal: 49_025 },
  files: [
    { name: 'programs.csv', bytes: 812, format: 'csv' },
    { name: 'patients.csv', bytes: 48_213, format: 'csv' },
  ],
  counts: {},
  warnings: [],
  rejectedRows: 0,
  firstRejections: [],
  asOf: null,
  error: null,
  confirms: null,
  confirmable: false,
  requestedBy: 'admin@test.local',
  createdAt: '2026-03-02T09:30:00.000Z',
  startedAt: null,
  finishedAt: null,
  durationSeconds: null,
  rejectionsPath: null,
};

/** Reading: 12,500 of 49,025 bytes is 25%. */
export const CHECK_READING: ImportJob = {
  ...CHECK_QUEUED,
  status: 'running',
  stage: 'reading',
  progress: { rowsRead: 300, rowsValidated: 0, rowsLoaded: 0, bytesRead: 12_500, bytesTotal: 49_025 },
  startedAt: '2026-03-02T09:30:01.000Z',
};

/** Checked: programs 3 read (1 new, 1 changed, 1 the same), patients 1,200 read (1,150 new, 40 changed, 10 the same). */
export const CHECK_DONE: ImportJob = {
  ...CHECK_READING,
  status: 'succeeded',
  stage: 'done',
  progress: { rowsRead: 1203, rowsValidated: 1203, rowsLoaded: 0, bytesRead: 49_025, bytesTotal: 49_025 },
  counts: {
    patients: { read: 1200, inserted: 1150, updated: 40, unchanged: 10, deleted: 0 },
    programs: { read: 3, inserted: 1, updated: 1, unchanged: 1, deleted: 0 },
  },
  warnings: ['patients.csv: unknown column "nickname" ignored'],
  asOf: '2026-02-28',
  confirmable: true,
  finishedAt: '2026-03-02T09:30:03.400Z',
  durationSeconds: 2.4,
};

/** The real import of CHECK_DONE, as POST /imports/i-1/confirm answers it. */
export const IMPORT_QUEUED: ImportJob = {
  ...CHECK_QUEUED,
  id: 'i-2',
  dryRun: false,
  confirms: 'i-1',
  createdAt: '2026-03-02T09:31:00.000Z',
};

/** Writing: 601 of 1,203 validated rows loaded is 50%. */
export const IMPORT_WRITING: ImportJob = {
  ...IMPORT_QUEUED,
  status: 'running',
  stage: 'writing',
  progress: { rowsRead: 1203, rowsValidated: 1203, rowsLoaded: 601, bytesRead: 49_025, bytesTotal: 49_025 },
  startedAt: '2026-03-02T09:31:01.000Z',
};

export const IMPORT_DONE: ImportJob = {
  ...IMPORT_WRITING,
  status: 'succeeded',
  stage: 'done',
  progress: { ...IMPORT_WRITING.progress, rowsLoaded: 1203 },
  counts: CHECK_DONE.counts,
  asOf: '2026-02-28',
  finishedAt: '2026-03-02T09:33:06.000Z',
  durationSeconds: 125,
};

/** 57 rejected rows, two of them listed: one CSV line and one FHIR resource. */
export const CHECK_REJECTED: ImportJob = {
  ...CHECK_READING,
  id: 'i-3',
  status: 'rejected',
  stage: 'checking',
  rejectedRows: 57,
  firstRejections: [
    {
      file: 'episodes.csv',
      line: 14,
      resourceId: null,
      field: 'admit_date',
      value: '2026-02-30',
      reason: 'not a date (YYYY-MM-DD)',
    },
    {
      file: 'Patient.ndjson',
      line: null,
      resourceId: 'Patient/p-9',
      field: 'birthDate',
      value: null,
      reason: 'Patient.birthDate is missing',
    },
  ],
  finishedAt: '2026-03-02T09:30:02.000Z',
  durationSeconds: 1,
  rejectionsPath: '/api/v1/imports/i-3/rejections.csv',
};

/** A snapshot whose files lack 12 episodes of the source: confirming deletes them. */
export const SNAPSHOT_CHECKED: ImportJob = {
  ...CHECK_DONE,
  id: 'i-4',
  mode: 'snapshot',
  counts: { episodes: { read: 10, inserted: 0, updated: 2, unchanged: 8, deleted: 12 } },
  warnings: [],
};

export const FAILED_IMPORT: ImportJob = {
  ...IMPORT_WRITING,
  id: 'i-5',
  via: 'cli',
  requestedBy: null,
  status: 'failed',
  error: 'The database connection was lost',
  finishedAt: '2026-03-02T09:32:00.000Z',
  durationSeconds: 59,
};

export const importList = (imports: ImportJob[]): ImportList => ({
  imports,
  maxFileBytes: 512 * 1024 * 1024,
  maxFiles: 20,
});

export const LOADED_STATUS: DataStatus = {
  asOf: '2026-02-28',
  loadedAt: '2026-03-02T09:33:06.000Z',
  source: 'kipu-east',
  synthetic: false,
};

export const QUALITY_REPORT: DataQualityReport = {
  entities: [
    {
      entity: 'patients',
      rows: 1200,
      completeness: [{ field: 'zip3', present: 1104, rows: 1200 }],
      outOfRange: [{ check: 'patient older than 90 or younger than 12 at admission', rows: 3 }],
      orphans: [{ check: 'patients with no episode', rows: 0 }],
      latestServiceDate: null,
      lagDays: null,
    },
    {
      entity: 'episodes',
      rows: 1350,
      completeness: [
        { field: 'referral_date', present: 1283, rows: 1350 },
        { field: 'discharge_date', present: 540, rows: 1350 },
      ],
      outOfRange: [{ check: 'episode longer than 365 days', rows: 2 }],
      orphans: [{ check: 'episodes with no appointment', rows: 14 }],
      latestServiceDate: '2026-02-27',
      lagDays: 3,
    },
    {
      entity: 'charges',
      rows: 0,
      completeness: [{ field: 'amount', present: 0, rows: 0 }],
      outOfRange: [],
      orphans: [],
      latestServiceDate: null,
      lagDays: null,
    },
  ],
  status: LOADED_STATUS,
};
