import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type { Annotation, AnnotationList, FilterOptionsResponse, UserRole } from '@iop/contracts';
import { ANNOTATIONS_PATHS } from '../../data-access/api/annotations-api';
import { FILTERS_PATHS } from '../../data-access/api/filters-api';
import { provideSignedInUser, testUser } from '../../data-access/auth/testing/signed-in-session';
import { NotesPage } from './notes-page';
import { toAnnotationValue } from './notes-display';

const NOTE: Annotation = {
  id: 7,
  programId: 1,
  programName: 'Evening IOP',
  on: '2025-03-03',
  until: '2025-03-14',
  text: 'Counselor on leave',
  author: 'Dana Director',
  createdAt: '2025-03-04T10:00:00.000Z',
  updatedAt: '2025-03-04T10:00:00.000Z',
  editable: true,
};

const OPTIONS = {
  programs: [
    { id: 1, name: 'Evening IOP' },
    { id: 2, name: 'Outpatient' },
  ],
  counselors: [],
  levelsOfCare: [],
  payers: [],
  substances: [],
  ageBands: [],
} as unknown as FilterOptionsResponse;

describe('NotesPage', () => {
  let httpTesting: HttpTestingController;

  async function open(role: UserRole, notes: Annotation[]): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withFetch()),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        provideRouter([]),
        provideSignedInUser(testUser(role)),
      ],
    });
    httpTesting = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(NotesPage);
    TestBed.tick();
    httpTesting.expectOne(FILTERS_PATHS.options).flush(OPTIONS);
    httpTesting.expectOne(ANNOTATIONS_PATHS.list).flush({ annotations: notes } satisfies AnnotationList);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  afterEach(() => httpTesting.verify());

  const cells = (root: HTMLElement) =>
    Array.from(root.querySelectorAll('[data-testid="notes-table"] tbody tr')).map((row) =>
      Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent?.trim()),
    );

  it('lists the notes with their dates, program and author, and offers to change the ones the scope covers', async () => {
    const root = await open('director', [
      NOTE,
      { ...NOTE, id: 8, programId: null, programName: null, editable: false },
    ]);
    expect(cells(root)).toEqual([
      [
        'Mar 3, 2025 – Mar 14, 2025',
        'Evening IOP',
        'Counselor on leave',
        'Dana Director',
        'Edit the note of Mar 3, 2025 – Mar 14, 2025 Delete the note of Mar 3, 2025 – Mar 14, 2025',
      ],
      ['Mar 3, 2025 – Mar 14, 2025', 'All programs', 'Counselor on leave', 'Dana Director', ''],
    ]);
    expect(root.querySelector('[data-testid="note-add"]')).not.toBeNull();
  });

  it('gives a payer the list without the author, and no way to write', async () => {
    const root = await open('payer', [{ ...NOTE, programId: null, programName: null, author: null, editable: false }]);
    expect(cells(root)).toEqual([['Mar 3, 2025 – Mar 14, 2025', 'All programs', 'Counselor on leave']]);
    expect(root.querySelector('[data-testid="note-add"]')).toBeNull();
  });

  it('deletes a note and lists the notes again', async () => {
    const root = await open('admin', [NOTE]);
    root.querySelector<HTMLButtonElement>('[data-testid="note-delete"]')?.click();
    httpTesting
      .expectOne({ method: 'DELETE', url: ANNOTATIONS_PATHS.annotation(7) })
      .flush(null, { status: 204, statusText: 'No Content' });
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
    httpTesting.expectOne(ANNOTATIONS_PATHS.list).flush({ annotations: [] } satisfies AnnotationList);
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
    expect(root.querySelector('[data-testid="notes-notice"]')?.textContent).toBe(
      'Note of Mar 3, 2025 – Mar 14, 2025 deleted.',
    );
    expect(root.querySelector('[data-testid="notes-empty"]')?.textContent?.trim()).toBe(
      'No note for these programs and dates yet.',
    );
  });
});

describe('toAnnotationValue', () => {
  it('sends a network-wide note without a program, a single day without until, and the text trimmed', () => {
    expect(toAnnotationValue({ program: 'network', on: '2025-03-03', until: '', text: '  New EHR \n' })).toEqual({
      programId: null,
      on: '2025-03-03',
      until: null,
      text: 'New EHR',
    });
    expect(toAnnotationValue({ program: 2, on: '2025-03-03', until: '2025-03-31', text: 'Leave' })).toEqual({
      programId: 2,
      on: '2025-03-03',
      until: '2025-03-31',
      text: 'Leave',
    });
  });
});
