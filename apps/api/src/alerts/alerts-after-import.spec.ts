import type { ImportOutcome } from '@iop/import';
import { Logger } from '@nestjs/common';
import type { ConfigService } from '@nestjs/config';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AppConfig } from '../config/app-config';
import { ImportFolders } from '../imports/import-files';
import { ImportJobRunner } from '../imports/import-job-runner';
import type { ImportWork } from '../imports/import-job.row';
import type { ImportsQuery } from '../imports/imports.query';
import type { AlertQueue, EvaluationReason } from './alert-queue';

const IMPORT_ID = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';

const config = {
  get: (key: keyof AppConfig) =>
    ({ DATABASE_URL: 'postgres://db/iop', IOP_PATIENT_KEY_SECRET: 'k'.repeat(32) })[key as string],
} as unknown as ConfigService<AppConfig, true>;

const outcome = (status: ImportOutcome['status'], dryRun: boolean): ImportOutcome => ({
  importId: IMPORT_ID,
  status,
  dryRun,
  counts: {},
  rejectedRows: 0,
  rejections: [],
  warnings: [],
  asOf: null,
  error: null,
  seconds: 0,
});

/**
 * The hook of the alerts in the import job: a committed import queues one evaluation (the rules then run in their
 * own job); a dry run, a rejected import or an unreachable queue queues nothing and fails nothing.
 */
describe('alert evaluation after an import', () => {
  beforeAll(() => {
    Logger.overrideLogger(false);
  });
  afterAll(() => {
    Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose']);
  });

  let root: string;
  let folders: ImportFolders;
  let queued: EvaluationReason[];
  let failures: string[];

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'iop-alerts-import-'));
    folders = new ImportFolders(root);
    await mkdir(folders.folderOf(IMPORT_ID));
    await writeFile(path.join(folders.folderOf(IMPORT_ID), 'episodes.csv'), 'source_id\n');
    queued = [];
    failures = [];
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  const run = async (dryRun: boolean, status: ImportOutcome['status'], queue: Partial<AlertQueue>) => {
    const row: ImportWork = {
      id: IMPORT_ID,
      organization: 'Lakeside',
      sourceSystem: 'kipu-east',
      mode: 'merge',
      dryRun,
      status: 'queued',
      files: [{ name: 'episodes.csv', bytes: 10, format: 'csv' }],
      requestedBy: 7,
      confirms: null,
    };
    const imports = {
      work: () => Promise.resolve(row),
      recordFailure: (_id: string, message: string) => {
        failures.push(message);
        return Promise.resolve();
      },
    } as unknown as ImportsQuery;
    const runner = new ImportJobRunner(
      config,
      imports,
      folders,
      () => Promise.resolve(outcome(status, dryRun)),
      queue as AlertQueue,
    );
    await runner.run(IMPORT_ID);
  };
  const recording: Partial<AlertQueue> = {
    enqueueEvaluation: (reason: EvaluationReason) => {
      queued.push(reason);
      return Promise.resolve();
    },
  };

  it('queues one evaluation when an import has committed', async () => {
    await run(false, 'succeeded', recording);
    expect(queued).toEqual(['load']);
  });

  it('queues none for a dry run or an import that did not succeed', async () => {
    await run(true, 'succeeded', recording);
    await run(false, 'rejected', recording);
    await run(false, 'failed', recording);
    expect(queued).toEqual([]);
  });

  it('does not fail the import when the evaluation cannot be queued', async () => {
    await run(false, 'succeeded', { enqueueEvaluation: () => Promise.reject(new Error('queue away')) });
    expect(failures).toEqual([]);
  });
});
