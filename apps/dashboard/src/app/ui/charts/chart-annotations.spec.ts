import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type { Annotation } from '@iop/contracts';
import { AnnotationOverlay } from './annotation-overlay';
import {
  type AnnotationMarker,
  annotationMarkers,
  annotationTable,
  describeAnnotation,
  pointScalePosition,
  withAnnotations,
} from './chart-annotations';
import { ChartFrame } from './chart-frame';
import { FRAME_FILTER_WORDS } from './frame-filter-words';
import type { PlotBox } from './plot-box';

const note = (id: number, fields: Partial<Annotation>): Annotation => ({
  id,
  programId: null,
  programName: null,
  on: '2025-03-03',
  until: null,
  text: `Note ${id}`,
  author: 'Dana Director',
  createdAt: '2025-03-04T10:00:00.000Z',
  updatedAt: '2025-03-04T10:00:00.000Z',
  editable: true,
  ...fields,
});

/** Oldest first, as the API lists them. */
const NOTES: Annotation[] = [
  note(1, { on: '2024-06-01', text: 'Before the chart' }),
  note(2, {
    on: '2025-01-20',
    until: '2025-02-10',
    text: 'Counselor on leave',
    programId: 1,
    programName: 'Evening IOP',
  }),
  note(3, { on: '2025-03-03', text: 'Evening group started' }),
  note(4, { on: '2025-03-17', text: 'New EHR' }),
];
const PERIODS = ['2025-01', '2025-02', '2025-03'];

describe('annotation markers on a month axis', () => {
  it("places a month where d3's point scale with ngx-charts' padding of 0.1 puts it", () => {
    // (0.1 + i) / (n - 1 + 0.2): 0.1 / 1.2, 1.1 / 1.2; 6.1 / 12.2 is the middle of 13 months; one month is centred.
    expect(pointScalePosition(0, 2)).toBeCloseTo(0.083333, 6);
    expect(pointScalePosition(1, 2)).toBeCloseTo(0.916667, 6);
    expect(pointScalePosition(6, 13)).toBe(0.5);
    expect(pointScalePosition(0, 1)).toBe(0.5);
  });

  it('marks each note touching the months once, where it enters, numbered in order and stacked per month', () => {
    const markers = annotationMarkers(NOTES, PERIODS);
    expect(
      markers.map(({ number, annotation, period, position, stack }) => [
        number,
        annotation.id,
        period,
        position,
        stack,
      ]),
    ).toEqual([
      // A range from 20 January to 10 February is marked once, in January; 3 months: 0.1 / 2.2 and 2.1 / 2.2.
      [1, 2, '2025-01', 0.1 / 2.2, 0],
      [2, 3, '2025-03', 2.1 / 2.2, 0],
      [3, 4, '2025-03', 2.1 / 2.2, 1],
    ]);
    // A range that starts before the chart is marked on its first month.
    expect(annotationMarkers(NOTES, ['2025-02']).map((marker) => [marker.annotation.id, marker.position])).toEqual([
      [2, 0.5],
    ]);
  });

  it('says each note in words, for the text alternative and the table view', () => {
    expect(describeAnnotation(NOTES[1])).toBe('Jan 20, 2025 – Feb 10, 2025, Evening IOP: Counselor on leave');
    expect(describeAnnotation(NOTES[2])).toBe('Mar 3, 2025, All programs: Evening group started');
    const markers = annotationMarkers(NOTES, PERIODS);
    expect(withAnnotations('Admissions by month.', markers.slice(0, 1))).toBe(
      'Admissions by month. One note on this chart: note 1, Jan 20, 2025 – Feb 10, 2025, Evening IOP: Counselor on leave.',
    );
    expect(withAnnotations('Admissions by month.', [])).toBe('Admissions by month.');
    expect(annotationTable(NOTES.slice(2)).rows).toEqual([
      { number: 1, dates: 'Mar 3, 2025', scope: 'All programs', text: 'Evening group started' },
      { number: 2, dates: 'Mar 17, 2025', scope: 'All programs', text: 'New EHR' },
    ]);
  });
});

@Component({
  imports: [AnnotationOverlay],
  template: `<div style="position: relative"><iop-annotation-overlay [markers]="markers()" [plot]="plot()" /></div>`,
})
class OverlayHost {
  readonly markers = signal<AnnotationMarker[]>(annotationMarkers(NOTES, PERIODS));
  readonly plot = signal<PlotBox | null>(null);
}

describe('AnnotationOverlay', () => {
  it('draws nothing before the plot is laid out, then a numbered dashed line per note at its month', async () => {
    const fixture = TestBed.createComponent(OverlayHost);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    const markers = () => Array.from(root.querySelectorAll<HTMLElement>('[data-testid="annotation-marker"]'));
    expect(markers()).toEqual([]);

    fixture.componentInstance.plot.set({ left: 40, top: 10, width: 440, height: 200 });
    await fixture.whenStable();
    // x = 40 + 440 * position: 40 + 20 = 60 for January, 40 + 420 = 460 for March (twice, the second badge lower).
    expect(
      markers().map((marker) => [
        marker.dataset['period'],
        marker.style.left,
        marker.style.top,
        marker.style.height,
        marker.textContent?.trim(),
        marker.querySelector<HTMLElement>('.annotation-badge')?.style.top,
      ]),
    ).toEqual([
      ['2025-01', '60px', '10px', '200px', '1', '0px'],
      ['2025-03', '460px', '10px', '200px', '2', '0px'],
      ['2025-03', '460px', '10px', '200px', '3', '18px'],
    ]);
    // The chart's text alternative and the list under it carry the notes; the markers are not read twice.
    expect(root.querySelector('iop-annotation-overlay')?.getAttribute('aria-hidden')).toBe('true');
  });
});

@Component({
  imports: [ChartFrame],
  template: `
    <iop-chart-frame heading="Admissions by month" [annotations]="notes" [table]="table">
      <svg width="10" height="10"></svg>
    </iop-chart-frame>
  `,
})
class FrameHost {
  readonly notes = NOTES.slice(1, 3);
  readonly table = { columns: [{ key: 'month', header: 'Month' }], rows: [{ month: 'Jan 2025' }] };
}

describe('ChartFrame with notes', () => {
  it('lists the notes under the chart, numbered as the markers, and adds them as a table to the table view', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideNoopAnimations(),
        { provide: FRAME_FILTER_WORDS, useValue: () => Promise.resolve([]) },
      ],
    });
    const fixture = TestBed.createComponent(FrameHost);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    const items = Array.from(root.querySelectorAll('[data-testid="frame-notes"] li')).map((li) =>
      li.textContent?.trim(),
    );
    expect(items).toEqual([
      'Jan 20, 2025 – Feb 10, 2025, Evening IOP: Counselor on leave',
      'Mar 3, 2025, All programs: Evening group started',
    ]);
    expect(root.querySelector('[data-testid="frame-notes"]')?.tagName).toBe('OL');

    root.querySelector<HTMLElement>('[data-testid="frame-show-table"] button')?.click();
    await fixture.whenStable();
    const notesTable = root.querySelector('[data-testid="frame-notes-table"]');
    expect(notesTable?.querySelector('caption')?.textContent?.trim()).toBe('Notes on this chart');
    expect(
      Array.from(notesTable?.querySelectorAll('tbody tr') ?? []).map((row) =>
        Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent?.trim()),
      ),
    ).toEqual([
      ['1', 'Jan 20, 2025 – Feb 10, 2025', 'Evening IOP', 'Counselor on leave'],
      ['2', 'Mar 3, 2025', 'All programs', 'Evening group started'],
    ]);
    expect(root.querySelector('[data-testid="frame-notes"]')).toBeNull();
  });
});
