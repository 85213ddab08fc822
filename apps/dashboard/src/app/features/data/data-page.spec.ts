import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import type { ImportJob } from '@iop/contracts';
import { Subject, take } from 'rxjs';
import { DATA_PATHS } from '../../data-access/api/data-api';
import { IMPORT_POLL_WAIT, IMPORTS_PATHS } from '../../data-access/api/imports-api';
import { provideSignedInUser, testUser } from '../../data-access/auth/testing/signed-in-session';
import { DataStatusState } from '../../data-access/data-status/data-status-state';
import { DataPage } from './data-page';
import {
  CHECK_DONE,
  CHECK_QUEUED,
  CHECK_READING,
  CHECK_REJECTED,
  IMPORT_DONE,
  IMPORT_QUEUED,
  IMPORT_WRITING,
  importList,
  LOADED_STATUS,
  QUALITY_REPORT,
  SNAPSHOT_CHECKED,
} from './testing/import-fixtures';

// The first test walks a check and an import through every state: well under jest's 5 s alone, but longer on a
// machine busy with other suites.
jest.setTimeout(30_000);

describe('DataPage', () => {
  let fixture: ComponentFixture<DataPage>;
  let http: HttpTestingController;
  /** Each value lets the page take its next look at the running import (instead of waiting 750 ms). */
  let pollTicks: Subject<void>;

  const root = () => fixture.nativeElement as HTMLElement;
  const byTestId = <T extends HTMLElement = HTMLElement>(id: string) =>
    root().querySelector<T>(`[data-testid="${id}"]`);
  const clean = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim();
  const textOf = (id: string) => clean(byTestId(id)?.textContent);
  const rowsOf = (testId: string) =>
    Array.from(root().querySelectorAll(`[data-testid="${testId}"]`)).map((row) =>
      Array.from(row.querySelectorAll('td')).map((cell) => clean(cell.textContent)),
    );

  /** Lets promises and change detection run (whenStable() would wait for the request just sent). */
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  };
  async function answer(request: TestRequest, body: object, status = 200): Promise<void> {
    request.flush(body, { status, statusText: status === 202 ? 'Accepted' : 'OK' });
    await settle();
  }
  const listRequest = () =>
    http.expectOne((request) => request.url === IMPORTS_PATHS.imports && request.method === 'GET');

  async function openPage(history: ImportJob[] = []): Promise<void> {
    pollTicks = new Subject<void>();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withFetch()),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        provideSignedInUser(testUser('admin')),
        { provide: IMPORT_POLL_WAIT, useValue: () => pollTicks.pipe(take(1)) },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(DataPage);
    TestBed.tick();
    listRequest().flush(importList(history));
    await answer(http.expectOne(DATA_PATHS.quality), QUALITY_REPORT);
  }

  afterEach(() => http.verify());

  async function chooseFiles(...files: File[]): Promise<void> {
    const input = byTestId<HTMLInputElement>('import-file-input') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    input.dispatchEvent(new Event('change'));
    await settle();
  }
  async function typeSource(value: string): Promise<void> {
    const input = byTestId<HTMLInputElement>('import-source') as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await settle();
  }
  async function clickCheck(): Promise<void> {
    byTestId('import-check')?.click();
    await settle();
  }
  const uploadRequest = () =>
    http.expectOne((request) => request.url === IMPORTS_PATHS.imports && request.method === 'POST');
  /** Lets the page look at the job once more and answers that look. */
  async function nextLook(job: ImportJob): Promise<void> {
    pollTicks.next();
    TestBed.tick();
    await answer(http.expectOne(`${IMPORTS_PATHS.imports}/${job.id}`), job);
  }

  const programsCsv = new File(['p'.repeat(812)], 'programs.csv', { type: 'text/csv' });
  const patientsCsv = new File(['p'.repeat(48_213)], 'patients.csv', { type: 'text/csv' });

  it('checks the chosen files as a dry run, shows the preview, imports it and refreshes what depends on it', async () => {
    await openPage();
    expect(textOf('import-history-empty')).toBe('No import yet: check your files above.');
    expect(textOf('import-drop-zone')).toContain('Up to 20 files of at most 512 MB each.');

    await chooseFiles(programsCsv, patientsCsv);
    expect(rowsOfList()).toEqual([
      ['programs.csv', '812 bytes'],
      ['patients.csv', '47.1 kB'],
    ]);
    // 812 + 48,213 = 49,025 bytes = 47.88 kB.
    expect(textOf('import-files-total')).toBe('2 files, 47.9 kB');
    await typeSource('kipu-east');
    await clickCheck();

    const upload = uploadRequest();
    const form = upload.request.body as FormData;
    expect((form.getAll('files') as File[]).map((file) => file.name)).toEqual(['programs.csv', 'patients.csv']);
    expect([form.get('sourceSystem'), form.get('mode'), form.get('dryRun')]).toEqual(['kipu-east', 'merge', 'true']);
    expect(textOf('import-uploading')).toBe('Uploading 2 files (47.9 kB)…');
    await answer(upload, CHECK_QUEUED, 202);
    expect(textOf('import-status')).toBe('Queued: waiting for the import worker…');
    expect(byTestId('import-check')?.hasAttribute('disabled')).toBe(true);
    await answer(listRequest(), importList([CHECK_QUEUED]));

    await nextLook(CHECK_READING);
    const bar = byTestId('import-progress');
    expect(bar?.getAttribute('mode')).toBe('determinate');
    expect(bar?.getAttribute('aria-valuenow')).toBe('25');
    expect(textOf('import-status')).toBe('Reading the files…');
    expect(textOf('import-progress-counts')).toBe('300 rows read, 0 validated, 0 loaded');

    await nextLook(CHECK_DONE);
    expect(pollTicks.observed).toBe(false);
    expect(byTestId('import-progress')).toBeNull();
    expect(textOf('import-status')).toBe(
      'Checked 1,203 rows: nothing has been written yet. The preview shows what the import would do.',
    );
    const headers = Array.from(byTestId('import-counts')?.querySelectorAll('th') ?? []).map((th) =>
      clean(th.textContent),
    );
    expect(headers).toEqual(['Table', 'Read', 'Would insert', 'Would update', 'Unchanged', 'Would delete']);
    expect(rowsOf('import-count-row')).toEqual([
      ['Programs', '3', '1', '1', '1', '0'],
      ['Patients', '1,200', '1,150', '40', '10', '0'],
    ]);
    expect(rowsOf('import-count-total')).toEqual([['Total', '1,203', '1,151', '41', '11', '0']]);
    expect(textOf('import-warnings')).toBe('patients.csv: unknown column "nickname" ignored');
    expect(byTestId('import-rejections-csv')).toBeNull();
    expect(textOf('import-confirm')).toBe('Import now');
    await answer(listRequest(), importList([CHECK_DONE]));
    expect(rowsOf('import-history-row')).toEqual([
      [
        'Mar 2, 2026, 9:30 AM UTC',
        'admin@test.local',
        'kipu-east',
        'Merge',
        'Check (dry run)',
        'programs.csv, patients.csv',
        '1,151',
        '41',
        '0',
        '2.4 s',
        'Succeeded',
        '—',
      ],
    ]);

    byTestId('import-confirm')?.click();
    TestBed.tick();
    const confirm = http.expectOne(`${IMPORTS_PATHS.imports}/i-1/confirm`);
    expect(confirm.request.method).toBe('POST');
    await answer(confirm, IMPORT_QUEUED, 202);
    await answer(listRequest(), importList([IMPORT_QUEUED, CHECK_DONE]));
    expect(byTestId('import-confirm')).toBeNull();

    await nextLook(IMPORT_WRITING);
    expect(byTestId('import-progress')?.getAttribute('aria-valuenow')).toBe('50');
    expect(textOf('import-status')).toBe('Writing the rows…');

    await nextLook(IMPORT_DONE);
    expect(textOf('import-status')).toBe('Imported: 1,151 rows inserted, 41 updated, 0 deleted.');
    const doneHeaders = Array.from(byTestId('import-counts')?.querySelectorAll('th') ?? []).map((th) =>
      clean(th.textContent),
    );
    expect(doneHeaders).toEqual(['Table', 'Read', 'Inserted', 'Updated', 'Unchanged', 'Deleted']);
    // Written: the history, the quality report and every page's "Data as of" line are asked again.
    await answer(listRequest(), importList([IMPORT_DONE, CHECK_DONE]));
    await answer(http.expectOne(DATA_PATHS.quality), QUALITY_REPORT);
    await answer(http.expectOne(DATA_PATHS.status), LOADED_STATUS);
    expect(TestBed.inject(DataStatusState).status()).toEqual(LOADED_STATUS);
    expect(rowsOf('import-history-row')[0]).toEqual([
      'Mar 2, 2026, 9:31 AM UTC',
      'admin@test.local',
      'kipu-east',
      'Merge',
      'Import',
      'programs.csv, patients.csv',
      '1,151',
      '41',
      '0',
      '2 min 5 s',
      'Succeeded',
      '—',
    ]);
  });

  function rowsOfList(): string[][] {
    return Array.from(root().querySelectorAll('[data-testid="import-file"]')).map((item) =>
      Array.from(item.querySelectorAll('.file-name, .file-size')).map((span) => clean(span.textContent) ?? ''),
    );
  }

  it('lists a rejected check’s first rows with the download of all of them, and offers no import', async () => {
    await openPage();
    await chooseFiles(new File(['e'], 'episodes.csv'), new File(['{}'], 'Patient.ndjson'));
    await typeSource('kipu-east');
    await clickCheck();
    await answer(uploadRequest(), { ...CHECK_REJECTED, status: 'queued', rejectedRows: 0, firstRejections: [] }, 202);
    await answer(listRequest(), importList([]));
    await nextLook(CHECK_REJECTED);

    expect(textOf('import-status')).toBe(
      'Rejected: 57 rows cannot be imported, so nothing was written. Correct them and check again.',
    );
    expect(byTestId('import-status')?.classList).toContain('problem');
    expect(textOf('import-rejections-summary')).toBe('The first 2 of 57 rejected rows.');
    expect(rowsOf('import-rejection-row')).toEqual([
      ['episodes.csv', 'line 14', 'admit_date', '2026-02-30', 'not a date (YYYY-MM-DD)'],
      ['Patient.ndjson', 'Patient/p-9', 'birthDate', '—', 'Patient.birthDate is missing'],
    ]);
    expect(byTestId('import-rejections-csv')?.getAttribute('href')).toBe('/api/v1/imports/i-3/rejections.csv');
    expect(textOf('import-rejections-csv')).toBe('Download all rejections (CSV)');
    expect(byTestId('import-confirm')).toBeNull();
    await answer(listRequest(), importList([CHECK_REJECTED]));
    expect(textOf('import-history-status')).toBe('Rejected');
    expect(textOf('import-history-rejections')).toBe('57 rejected (CSV)');
  });

  it('says on the button how many rows a snapshot deletes', async () => {
    await openPage();
    await chooseFiles(new File(['e'], 'episodes.csv'));
    await typeSource('kipu-east');
    const mode = await TestbedHarnessEnvironment.loader(fixture).getHarness(
      MatSelectHarness.with({ selector: '[data-testid="import-mode"]' }),
    );
    expect(textOf('import-mode-description')).toBe('Inserts new rows and updates changed ones; deletes nothing.');
    await mode.open();
    await mode.clickOptions({ text: 'Snapshot' });
    expect(textOf('import-mode-description')).toBe(
      'The files are the whole truth for this source: its rows missing from them are deleted.',
    );
    await clickCheck();
    const upload = uploadRequest();
    expect((upload.request.body as FormData).get('mode')).toBe('snapshot');
    await answer(upload, SNAPSHOT_CHECKED, 202);
    // Already finished when it answered: no look at the job, one look at the history.
    await answer(listRequest(), importList([SNAPSHOT_CHECKED]));
    expect(textOf('import-confirm')).toBe('Import now and delete 12 rows');
    expect(byTestId('import-confirm')?.classList).toContain('danger');

    // Changing the form drops the preview: it no longer says what these files would do.
    await typeSource('kipu-west');
    expect(byTestId('import-job')).toBeNull();
  });

  it('refuses an invalid source or file name before uploading, and shows the API’s refusal', async () => {
    await openPage();
    await clickCheck();
    expect(textOf('import-problem')).toBe('Choose at least one file to check.');

    await chooseFiles(new File(['x'], 'notes.txt'), programsCsv);
    expect(textOf('import-file-problems')).toBe(
      'notes.txt: not a file the import reads. CSV files are named after their table (programs.csv, staff.csv, …); ' +
        'FHIR files end in .ndjson or .json.',
    );
    await typeSource('kipu east');
    await clickCheck();
    expect(textOf('import-problem')).toBeUndefined();
    expect(clean(root().querySelector('mat-error')?.textContent)).toBe(
      'Letters, digits, dots, dashes and underscores; at most 64, starting with a letter or digit.',
    );

    const remove = byTestId('import-file-remove');
    expect(remove?.getAttribute('aria-label')).toBe('Remove notes.txt');
    remove?.click();
    await settle();
    expect(rowsOfList()).toEqual([['programs.csv', '812 bytes']]);
    expect(byTestId('import-file-problems')).toBeNull();
    await typeSource('kipu-east');
    await clickCheck();
    const upload = uploadRequest();
    upload.flush(
      { statusCode: 413, message: 'programs.csv is larger than the limit of 512 MB per file' },
      { status: 413, statusText: 'Payload Too Large' },
    );
    await settle();
    expect(textOf('import-problem')).toBe(
      'The files could not be checked. programs.csv is larger than the limit of 512 MB per file',
    );
    expect(byTestId('import-job')).toBeNull();
    expect(byTestId('import-check')?.hasAttribute('disabled')).toBe(false);
  });

  it('shows the API’s reason when a check can no longer be confirmed', async () => {
    await openPage();
    await chooseFiles(programsCsv);
    await typeSource('kipu-east');
    await clickCheck();
    await answer(uploadRequest(), CHECK_DONE, 202);
    await answer(listRequest(), importList([CHECK_DONE]));
    byTestId('import-confirm')?.click();
    TestBed.tick();
    http
      .expectOne(`${IMPORTS_PATHS.imports}/i-1/confirm`)
      .flush(
        { statusCode: 409, message: 'The files of this check are no longer kept' },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    expect(textOf('import-problem')).toBe(
      'The import could not be started. The files of this check are no longer kept',
    );
    expect(byTestId('import-confirm')?.hasAttribute('disabled')).toBe(false);
  });

  it('stops looking at the import when the page is left', async () => {
    await openPage();
    await chooseFiles(programsCsv);
    await typeSource('kipu-east');
    await clickCheck();
    await answer(uploadRequest(), CHECK_QUEUED, 202);
    await answer(listRequest(), importList([CHECK_QUEUED]));
    await nextLook(CHECK_READING);
    expect(pollTicks.observed).toBe(true);

    fixture.destroy();
    expect(pollTicks.observed).toBe(false);
    pollTicks.next();
    // afterEach's verify() fails if that asked for the import again.
  });
});
