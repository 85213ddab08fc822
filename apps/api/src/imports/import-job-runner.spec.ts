import { Logger } from '@nestjs/common';
import type { ImportOutcome, ImportRequest } from '@iop/import';
import type { ConfigService } from '@nestjs/config';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AppConfig } from '../config/app-config';
import { ImportFolders } from './import-files';
import { ImportJobRunner } from './import-job-runner';
import type { ImportWork } from './import-job.row';
import type { ImportsQuery } from './imports.query';

const DRY_RUN = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const CONFIRMATION = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

const config = {
  get: (key: keyof AppConfig) =>
    ({ DATABASE_URL: 'postgres://db/iop', IOP_PATIENT_KEY_SECRET: 'k'.repeat(32) })[key as string],
} as unknown as ConfigService<AppConfig, true>;

function work(overrides: Partial<ImportWork>): ImportWork {
  return {
    id: DRY_RUN,
    organization: 'Lakeside',
    sourceSystem: 'kipu-east',
    mode: 'merge',
    dryRun: true,
    status: 'queued',
    files: [{ name: 'episodes.csv', bytes: 10, format: 'csv' }],
    requestedBy: 7,
    confirms: null,
    ...overrides,
  };
}

const outcome = (status: ImportOutcome['status']): ImportOutcome => ({
  importId: DRY_RUN,
  status,
  dryRun: true,
  counts: {},
  rejectedRows: 0,
  rejections: [],
  warnings: [],
  asOf: null,
  error: null,
  seconds: 0,
});

describe('ImportJobRunner', () => {
  // The runner and the sweeper log what they do; the assertions say it here.
  beforeAll(() => {
    Logger.overrideLogger(false);
  });
  afterAll(() => {
    Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose']);
  });

  let root: string;
  let folders: ImportFolders;
  let failures: Array<[string, string]>;
  let requests: ImportRequest[];

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'iop-runner-'));
    folders = new ImportFolders(root);
    await mkdir(folders.folderOf(DRY_RUN));
    await writeFile(path.join(folders.folderOf(DRY_RUN), 'episodes.csv'), 'source_id\n');
    failures = [];
    requests = [];
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  const runner = (row: ImportWork, run: (request: ImportRequest) => Promise<ImportOutcome>) => {
    const imports = {
      work: () => Promise.resolve(row),
      recordFailure: (id: string, message: string) => {
        failures.push([id, message]);
        return Promise.resolve();
      },
    } as unknown as ImportsQuery;
    return new ImportJobRunner(config, imports, folders, (_url, request) => {
      requests.push(request);
      return run(request);
    });
  };
  const kept = async () => folders.holds(DRY_RUN, ['episodes.csv']);

  it('runs a dry run on its own folder with the patient-key secret, and keeps the files when it succeeds', async () => {
    await runner(work({}), () => Promise.resolve(outcome('succeeded'))).run(DRY_RUN);
    expect(requests).toEqual([
      {
        importId: DRY_RUN,
        organization: 'Lakeside',
        sourceSystem: 'kipu-east',
        mode: 'merge',
        dryRun: true,
        files: [{ path: path.join(root, DRY_RUN, 'episodes.csv'), name: 'episodes.csv' }],
        patientKeySecret: 'k'.repeat(32),
        via: 'upload',
        requestedBy: 7,
        confirms: null,
      },
    ]);
    expect(await kept()).toBe(true);
  });

  it.each(['rejected', 'failed'] as const)('removes the files of a dry run that ended %s', async (status) => {
    await runner(work({}), () => Promise.resolve(outcome(status))).run(DRY_RUN);
    expect(await kept()).toBe(false);
  });

  it("reads a confirmation's files from the dry run's folder and removes them once written", async () => {
    await runner(work({ id: CONFIRMATION, dryRun: false, confirms: DRY_RUN }), () =>
      Promise.resolve(outcome('succeeded')),
    ).run(CONFIRMATION);
    expect(requests[0].files).toEqual([{ path: path.join(root, DRY_RUN, 'episodes.csv'), name: 'episodes.csv' }]);
    expect(await kept()).toBe(false);
  });

  it('keeps the files for another try when a confirmation is rejected', async () => {
    await runner(work({ id: CONFIRMATION, dryRun: false, confirms: DRY_RUN }), () =>
      Promise.resolve(outcome('rejected')),
    ).run(CONFIRMATION);
    expect(await kept()).toBe(true);
  });

  it('records a crash of the pipeline as the failure, in one line, and is not retried (no throw)', async () => {
    const crash = () => Promise.reject(new Error('connection terminated\n    at Socket.<anonymous>'));
    await expect(runner(work({}), crash).run(DRY_RUN)).resolves.toBeUndefined();
    expect(failures).toEqual([[DRY_RUN, 'connection terminated']]);
    expect(await kept()).toBe(false);
  });

  it('fails without running when the files are gone, and skips an import that is not queued', async () => {
    await rm(folders.folderOf(DRY_RUN), { recursive: true });
    await runner(work({}), () => Promise.resolve(outcome('succeeded'))).run(DRY_RUN);
    expect(requests).toEqual([]);
    expect(failures).toEqual([
      [DRY_RUN, 'The uploaded files are no longer kept (a dry run keeps them for 24 hours); upload them again'],
    ]);
    await runner(work({ status: 'running' }), () => Promise.resolve(outcome('succeeded'))).run(DRY_RUN);
    expect([requests.length, failures.length]).toEqual([0, 1]);
  });
});
