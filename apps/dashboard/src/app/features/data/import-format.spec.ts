import {
  confirmLabel,
  countTotals,
  entityCountRows,
  fileProblems,
  isContractFileName,
  jobStatusText,
  progressBarOf,
  progressCountsText,
  rejectionPlace,
} from './import-format';
import {
  CHECK_DONE,
  CHECK_QUEUED,
  CHECK_READING,
  CHECK_REJECTED,
  FAILED_IMPORT,
  IMPORT_DONE,
  IMPORT_WRITING,
  SNAPSHOT_CHECKED,
} from './testing/import-fixtures';

const file = (name: string, bytes: number) => new File(['x'.repeat(bytes)], name);

describe('import display', () => {
  it('measures the bar by bytes while reading and by rows while writing, and has no measure in between', () => {
    expect(progressBarOf(CHECK_QUEUED)).toEqual({ mode: 'indeterminate', value: 0 });
    // 12,500 of 49,025 bytes = 25.5% -> 25.
    expect(progressBarOf(CHECK_READING)).toEqual({ mode: 'determinate', value: 25 });
    expect(progressBarOf({ ...CHECK_READING, stage: 'checking' })).toEqual({ mode: 'indeterminate', value: 0 });
    // 601 of 1,203 rows = 49.96% -> 50.
    expect(progressBarOf(IMPORT_WRITING)).toEqual({ mode: 'determinate', value: 50 });
    expect(progressBarOf({ ...IMPORT_WRITING, stage: 'refreshing' })).toEqual({ mode: 'indeterminate', value: 0 });
    expect(progressBarOf(CHECK_REJECTED)).toEqual({ mode: 'determinate', value: 100 });
  });

  it('counts the rows read, validated and loaded', () => {
    expect(progressCountsText(IMPORT_WRITING.progress)).toBe('1,203 rows read, 1,203 validated, 601 loaded');
    expect(progressCountsText({ ...CHECK_READING.progress, rowsRead: 1 })).toBe('1 row read, 0 validated, 0 loaded');
  });

  it('sums the counts and lists the tables parents first', () => {
    expect(countTotals(CHECK_DONE.counts)).toEqual({
      read: 1203,
      inserted: 1151,
      updated: 41,
      unchanged: 11,
      deleted: 0,
    });
    expect(countTotals({})).toEqual({ read: 0, inserted: 0, updated: 0, unchanged: 0, deleted: 0 });
    expect(entityCountRows(CHECK_DONE.counts).map((row) => [row.label, row.read])).toEqual([
      ['Programs', 3],
      ['Patients', 1200],
    ]);
  });

  it('says what the job is doing and how it ended', () => {
    expect(jobStatusText(CHECK_QUEUED)).toBe('Queued: waiting for the import worker…');
    expect(jobStatusText(CHECK_READING)).toBe('Reading the files…');
    expect(jobStatusText({ ...IMPORT_WRITING, stage: 'refreshing' })).toBe('Refreshing the episode facts…');
    expect(jobStatusText(CHECK_DONE)).toBe(
      'Checked 1,203 rows: nothing has been written yet. The preview shows what the import would do.',
    );
    expect(jobStatusText(IMPORT_DONE)).toBe('Imported: 1,151 rows inserted, 41 updated, 0 deleted.');
    expect(jobStatusText(CHECK_REJECTED)).toBe(
      'Rejected: 57 rows cannot be imported, so nothing was written. Correct them and check again.',
    );
    expect(jobStatusText(FAILED_IMPORT)).toBe('Failed: The database connection was lost. Nothing was written.');
  });

  it('names the rows a snapshot would delete on its confirm button', () => {
    expect(confirmLabel(CHECK_DONE)).toBe('Import now');
    expect(confirmLabel(SNAPSHOT_CHECKED)).toBe('Import now and delete 12 rows');
    const oneDeleted = { episodes: { read: 1, inserted: 0, updated: 0, unchanged: 1, deleted: 1 } };
    expect(confirmLabel({ ...SNAPSHOT_CHECKED, counts: oneDeleted })).toBe('Import now and delete 1 row');
    // A merge deletes nothing, whatever a count says.
    expect(confirmLabel({ ...SNAPSHOT_CHECKED, mode: 'merge' })).toBe('Import now');
  });

  it('places a rejection by its line, else by its resource', () => {
    expect(CHECK_REJECTED.firstRejections.map(rejectionPlace)).toEqual(['line 14', 'Patient/p-9']);
    expect(rejectionPlace({ ...CHECK_REJECTED.firstRejections[1], resourceId: null })).toBe('—');
    expect(rejectionPlace({ ...CHECK_REJECTED.firstRejections[0], line: 12345 })).toBe('line 12,345');
  });

  it('accepts the contract’s file names only', () => {
    expect(['programs.csv', 'drug_screens.csv', 'Patient.ndjson', 'bundle.JSON'].map(isContractFileName)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['Programs.csv', 'notes.txt', 'patients.csv.bak', 'visits.csv'].map(isContractFileName)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('refuses wrong names, files over the size limit and too many files, before anything is sent', () => {
    const limits = { maxFileBytes: 1024, maxFiles: 2 };
    expect(fileProblems([file('programs.csv', 1024), file('staff.csv', 10)], limits)).toEqual([]);
    expect(fileProblems([file('notes.txt', 10), file('patients.csv', 1025), file('staff.csv', 1)], limits)).toEqual([
      'notes.txt: not a file the import reads. CSV files are named after their table (programs.csv, staff.csv, …); ' +
        'FHIR files end in .ndjson or .json.',
      'patients.csv is larger than the limit of 1 kB per file.',
      '3 files chosen; one import takes at most 2.',
    ]);
    // Before the limits are known, only the names are checked.
    expect(fileProblems([file('patients.csv', 5000)], null)).toEqual([]);
  });
});
