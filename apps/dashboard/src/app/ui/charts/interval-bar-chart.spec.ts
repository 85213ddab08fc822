import { TestBed } from '@angular/core/testing';
import type { Annotation } from '@iop/contracts';
import { intervalBarMarkers, monthRowsOf } from './interval-bar-annotations';
import { type IntervalBar, IntervalBarChart } from './interval-bar-chart';

const note = (id: number, on: string, until: string | null = null): Annotation => ({
  id,
  programId: null,
  programName: null,
  on,
  until,
  text: `Note ${id}`,
  author: 'Dana Director',
  createdAt: '2025-03-04T10:00:00.000Z',
  updatedAt: '2025-03-04T10:00:00.000Z',
  editable: true,
});

const bar = (key: string, label: string, value: number | null): IntervalBar => ({
  key,
  label,
  value,
  ci: value === null ? null : [value - 0.1, value + 0.1],
  text: value === null ? '—' : `${value * 100}%`,
});

/** Three months, as the quality measure's trend draws them. */
const MONTHS: IntervalBar[] = [
  bar('2025-01', 'Jan 2025', 0.6),
  bar('2025-02', 'Feb 2025', null),
  bar('2025-03', 'Mar 2025', 0.4),
];
const PAYERS: IntervalBar[] = [bar('commercial', 'Commercial', 0.6), bar('medicaid', 'Medicaid', 0.7)];

async function render(bars: readonly IntervalBar[], annotations?: readonly Annotation[]): Promise<HTMLElement> {
  const fixture = TestBed.createComponent(IntervalBarChart);
  fixture.componentRef.setInput('bars', bars);
  fixture.componentRef.setInput('axisLabel', 'Rate (% of the denominator)');
  if (annotations) fixture.componentRef.setInput('annotations', annotations);
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

const markersOf = (element: HTMLElement) =>
  Array.from(element.querySelectorAll<SVGGElement>('[data-testid="annotation-marker"]')).map((marker) => {
    const line = marker.querySelector('line');
    const badge = marker.querySelector('rect');
    return {
      period: marker.getAttribute('data-period'),
      line: ['x1', 'x2', 'y1', 'y2'].map((name) => line?.getAttribute(name)),
      badge: ['x', 'y'].map((name) => badge?.getAttribute(name)),
      number: marker.querySelector('text')?.textContent?.trim(),
    };
  });
/** Where the 100% grid line stands: the right edge of the plot. */
const plotRight = (element: HTMLElement) => element.querySelectorAll('line.grid')[4]?.getAttribute('x1');

describe('IntervalBarChart with notes', () => {
  // jsdom lays nothing out, so the chart keeps its fallback width of 640px. The labels ("Jan 2025", 8 characters)
  // get 8 * 7 + 16 = 72px; with no reference line the rows start at y = 8 and are 30px apart.

  it("marks a note on its month's row: a dashed line along the row's top edge and the numbered badge beside it", async () => {
    const element = await render(MONTHS, [note(1, '2024-11-02'), note(2, '2025-03-03')]);
    // March is the third row: top edge 8 + 2 * 30 = 68, centre 83. One badge column: 6 + 22 = 28px right of the
    // values, the badges from 640 - 28 + 6 = 618, the badge centred at 618 + 11 = 629 (18 x 16: x 620, y 75).
    // The note before the chart's first month is not marked; the marked one keeps its number among the marked.
    expect(markersOf(element)).toEqual([
      { period: '2025-03', line: ['72', '618', '68', '68'], badge: ['620', '75'], number: '1' },
    ]);
    // The plot gives the badges their room: 640 - 72 - 64 - 28 = 476px wide, so 100% stands at 72 + 476 = 548.
    expect(plotRight(element)).toBe('548');
    // The SVG stays hidden from assistive technology: the frame's list and the page's description read the notes.
    expect(element.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('stacks two notes of one month side by side, and marks a range where it enters the chart', async () => {
    const element = await render(MONTHS, [note(1, '2024-12-20', '2025-01-10'), note(2, '2025-01-15')]);
    // Two columns: 6 + 2 * 22 = 50px, badges from 640 - 50 + 6 = 596, centred at 607 and 629; January's top edge is 8.
    expect(markersOf(element)).toEqual([
      { period: '2025-01', line: ['72', '596', '8', '8'], badge: ['598', '15'], number: '1' },
      { period: '2025-01', line: ['72', '596', '8', '8'], badge: ['620', '15'], number: '2' },
    ]);
  });

  it('draws no marker, and keeps the layout it has without notes, for a note outside its months', async () => {
    const element = await render(MONTHS, [note(1, '2025-04-01')]);
    expect(markersOf(element)).toEqual([]);
    // 640 - 72 - 64 = 504px wide: 100% at 576, as with no notes at all.
    expect(plotRight(element)).toBe('576');
    expect(plotRight(await render(MONTHS))).toBe('576');
  });

  it('marks nothing on rows that are not calendar months', async () => {
    const element = await render(PAYERS, [note(1, '2025-01-15')]);
    expect(markersOf(element)).toEqual([]);
    expect(element.querySelectorAll('[data-testid="interval-bar"]')).toHaveLength(2);
  });
});

describe('interval bar markers', () => {
  it("takes the rows as months only when every key is one, and places a marker at its row's centre", () => {
    expect(monthRowsOf(MONTHS)).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(monthRowsOf(PAYERS)).toEqual([]);
    expect(monthRowsOf([...MONTHS, bar('total', 'All months', 0.5)])).toEqual([]);
    expect(monthRowsOf([bar('2025-13', 'Not a month', 0.5)])).toEqual([]);
    // The centres of 3 rows: 0.5 / 3 and 2.5 / 3 of the rows' height.
    expect(
      intervalBarMarkers([note(1, '2025-01-15'), note(2, '2025-03-01')], MONTHS).map((marker) => [
        marker.number,
        marker.period,
        marker.position,
      ]),
    ).toEqual([
      [1, '2025-01', 0.5 / 3],
      [2, '2025-03', 2.5 / 3],
    ]);
  });
});
