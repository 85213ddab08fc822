import type { Type } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { DataQualityPanel } from './data-quality-panel';
import { ImportHistory } from './import-history';
import { CHECK_REJECTED, FAILED_IMPORT, IMPORT_DONE, QUALITY_REPORT } from './testing/import-fixtures';

const clean = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim();

function render<T>(component: Type<T>, inputs: Record<string, unknown>): ComponentFixture<T> {
  TestBed.configureTestingModule({ providers: [provideNoopAnimations()] });
  const fixture = TestBed.createComponent(component);
  for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
  fixture.detectChanges();
  return fixture;
}

function rowsOf(fixture: ComponentFixture<unknown>, testId: string): (string | undefined)[][] {
  const root = fixture.nativeElement as HTMLElement;
  return Array.from(root.querySelectorAll(`[data-testid="${testId}"]`)).map((row) =>
    Array.from(row.querySelectorAll('td')).map((cell) => clean(cell.textContent)),
  );
}

describe('ImportHistory', () => {
  it('shows each import with its totals, duration, status and rejections; a failure with its reason', () => {
    const fixture = render(ImportHistory, { imports: [FAILED_IMPORT, CHECK_REJECTED, IMPORT_DONE] });
    expect(rowsOf(fixture, 'import-history-row')).toEqual([
      [
        'Mar 2, 2026, 9:31 AM UTC',
        // From the command line: nobody signed in asked for it.
        'Command line',
        'kipu-east',
        'Merge',
        'Import',
        'programs.csv, patients.csv',
        '—',
        '—',
        '—',
        '59 s',
        'Failed: The database connection was lost',
        '—',
      ],
      [
        'Mar 2, 2026, 9:30 AM UTC',
        'admin@test.local',
        'kipu-east',
        'Merge',
        'Check (dry run)',
        'programs.csv, patients.csv',
        '—',
        '—',
        '—',
        '1 s',
        'Rejected',
        '57 rejected (CSV)',
      ],
      [
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
      ],
    ]);
    const root = fixture.nativeElement as HTMLElement;
    expect(root.querySelector('[data-testid="import-history-rejections"]')?.getAttribute('href')).toBe(
      '/api/v1/imports/i-3/rejections.csv',
    );
    const chips = Array.from(root.querySelectorAll('mat-chip')).map((chip) => chip.classList.contains('status-failed'));
    expect(chips).toEqual([true, false, false]);
    // The counts and the duration are right-aligned numbers.
    const firstRow = root.querySelectorAll('[data-testid="import-history-row"] td');
    expect([6, 7, 8, 9].map((index) => firstRow[index].classList.contains('numeric'))).toEqual([
      true,
      true,
      true,
      true,
    ]);
  });

  it('says when the list is loading, empty or failed', () => {
    const loading = render(ImportHistory, { imports: undefined });
    const text = (fixture: ComponentFixture<unknown>, id: string) =>
      clean((fixture.nativeElement as HTMLElement).querySelector(`[data-testid="${id}"]`)?.textContent);
    expect(text(loading, 'import-history-loading')).toBe('Loading the history…');
    loading.componentRef.setInput('errorMessage', 'The API answered 500 Server Error.');
    loading.detectChanges();
    expect(text(loading, 'import-history-error')).toBe(
      'The history could not be loaded. The API answered 500 Server Error. Retry',
    );
  });
});

describe('DataQualityPanel', () => {
  it('draws the tables, completeness and checks with the numbers right-aligned and the flagged ones marked', () => {
    const fixture = render(DataQualityPanel, { report: QUALITY_REPORT });
    expect(rowsOf(fixture, 'data-quality-table-row')).toEqual([
      ['Patients', '1,200', '—', '—'],
      ['Episodes', '1,350', 'Feb 27, 2026', '3'],
      ['Charges', '0', '—', '—'],
    ]);
    expect(rowsOf(fixture, 'data-quality-completeness-row')).toEqual([
      ['Patients', 'zip3', '1,104', '1,200', '92.0%'],
      ['Episodes', 'referral_date', '1,283', '1,350', '95.0%'],
      ['Episodes', 'discharge_date', '540', '1,350', '40.0%'],
      ['Charges', 'amount', '0', '0', '—'],
    ]);
    expect(rowsOf(fixture, 'data-quality-check-row')).toEqual([
      ['Patients', 'Out of range', 'patient older than 90 or younger than 12 at admission', '3'],
      ['Patients', 'Orphans', 'patients with no episode', '0'],
      ['Episodes', 'Out of range', 'episode longer than 365 days', '2'],
      ['Episodes', 'Orphans', 'episodes with no appointment', '14'],
    ]);
    const root = fixture.nativeElement as HTMLElement;
    const flagged = Array.from(root.querySelectorAll('.flagged')).map((cell) => clean(cell.textContent));
    expect(flagged).toEqual(['40.0%', '3', '2', '14']);
    const headers = Array.from(root.querySelectorAll('[data-testid="data-quality-tables"] th'));
    expect(headers.map((th) => [clean(th.textContent), th.classList.contains('numeric')])).toEqual([
      ['Table', false],
      ['Rows', true],
      ['Latest service date', true],
      ['Lag (days)', true],
    ]);
  });
});
