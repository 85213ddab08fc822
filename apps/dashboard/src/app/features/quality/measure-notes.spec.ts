import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture } from '@angular/core/testing';
import type { Annotation, AnnotationList, ProgramTargetsResponse } from '@iop/contracts';
import { ANNOTATIONS_PATHS } from '../../data-access/api/annotations-api';
import { BENCHMARKS_PATHS } from '../../data-access/api/benchmarks-api';
import { QUALITY_PATHS } from '../../data-access/api/quality-api';
import { IET_INITIATION_DETAIL, QUALITY_MEASURES } from './quality-fixture';
import { QualityPage } from './quality-page';
import { openQualityPage, settle } from './testing/open-quality-page';

const note = (id: number, on: string, text: string): Annotation => ({
  id,
  programId: null,
  programName: null,
  on,
  until: null,
  text,
  author: 'Dana Director',
  createdAt: '2025-03-04T10:00:00.000Z',
  updatedAt: '2025-03-04T10:00:00.000Z',
  editable: true,
});

/** The fixture's trend runs from January to March 2025: one note in March, one in December 2024 before it. */
const NOTES: AnnotationList = {
  annotations: [note(11, '2024-12-01', 'Before the trend'), note(12, '2025-03-03', 'Evening group started')],
};
const NO_TARGETS: ProgramTargetsResponse = { programId: 3, targets: [] };

describe('QualityPage notes on the trend by month', () => {
  let fixture: ComponentFixture<QualityPage>;
  let httpTesting: HttpTestingController;
  let notesRequestParams: Record<string, string[] | null>;

  beforeEach(async () => {
    ({ fixture, httpTesting } = await openQualityPage(
      'director',
      '/quality?programId=3&from=2025-01-01&to=2025-03-31&payer=medicaid&measure=iet-initiation',
    ));
    httpTesting.expectOne(BENCHMARKS_PATHS.targets(3)).flush(NO_TARGETS);
    httpTesting.expectOne((req) => req.url === QUALITY_PATHS.measures).flush(QUALITY_MEASURES);
    await settle();
    httpTesting.expectOne((req) => req.url === QUALITY_PATHS.detail('iet-initiation')).flush(IET_INITIATION_DETAIL);
    const notes = httpTesting.expectOne((req) => req.url === ANNOTATIONS_PATHS.list);
    notesRequestParams = Object.fromEntries(
      notes.request.params.keys().map((key) => [key, notes.request.params.getAll(key)]),
    );
    notes.flush(NOTES);
    await settle();
  });

  afterEach(() => httpTesting.verify());

  const root = () => fixture.nativeElement as HTMLElement;
  const frame = (testId: string) => root().querySelector(`[data-testid="${testId}"]`) as HTMLElement;

  it("asks for the notes of the filter's programs and window, as the overview does (not by payer)", () => {
    expect(notesRequestParams).toEqual({ programId: ['3'], from: ['2025-01-01'], to: ['2025-03-31'] });
  });

  it('marks the note inside the months on its month, not the one before them, and only on the trend', () => {
    const trend = frame('quality-trend-frame');
    expect(
      Array.from(trend.querySelectorAll('[data-testid="annotation-marker"]')).map((marker) => [
        marker.getAttribute('data-period'),
        marker.textContent?.trim(),
      ]),
    ).toEqual([['2025-03', '1']]);
    for (const id of ['quality-funnel-frame', 'quality-payer-frame']) {
      expect([id, frame(id).querySelectorAll('[data-testid="annotation-marker"]').length]).toEqual([id, 0]);
    }
    // Listed under the chart and read out with it, numbered as the marker.
    expect(
      Array.from(trend.querySelectorAll('[data-testid="frame-notes"] li')).map((item) => item.textContent?.trim()),
    ).toEqual(['Mar 3, 2025, All programs: Evening group started']);
    expect(trend.querySelector('[data-testid="frame-chart"]')?.getAttribute('aria-label')).toBe(
      'IET initiation, by month of admission: 2 of 3 groups have a rate to draw. The table view lists every value. ' +
        'One note on this chart: note 1, Mar 3, 2025, All programs: Evening group started.',
    );
    expect(root().textContent).not.toContain('Before the trend');
    expect(frame('quality-payer-frame').querySelector('[data-testid="frame-notes"]')).toBeNull();
  });

  it("lists the marked note in the trend's table view, after the months", async () => {
    const trend = frame('quality-trend-frame');
    trend.querySelector<HTMLElement>('[data-testid="frame-show-table"] button')?.click();
    await fixture.whenStable();
    expect(trend.querySelectorAll('[data-testid="frame-table"] tbody tr')).toHaveLength(3);
    expect(
      Array.from(trend.querySelectorAll('[data-testid="frame-notes-table"] tbody tr')).map((row) =>
        Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent?.trim()),
      ),
    ).toEqual([['1', 'Mar 3, 2025', 'All programs', 'Evening group started']]);
  });
});
