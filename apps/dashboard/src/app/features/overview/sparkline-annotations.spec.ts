import { TestBed } from '@angular/core/testing';
import type { Annotation } from '@iop/contracts';
import { Sparkline } from './sparkline';

const EVENING_GROUP: Annotation = {
  id: 3,
  programId: null,
  programName: null,
  on: '2025-03-03',
  until: null,
  text: 'Evening group started',
  author: 'Dana Director',
  createdAt: '2025-03-04T10:00:00.000Z',
  updatedAt: '2025-03-04T10:00:00.000Z',
  editable: true,
};

describe('Sparkline with notes', () => {
  it("marks a note's month with a line at that point's x and reads the note out with the description", async () => {
    const fixture = TestBed.createComponent(Sparkline);
    fixture.componentRef.setInput('points', [
      { period: '2025-01', value: 1 },
      { period: '2025-02', value: 2 },
      { period: '2025-03', value: 3 },
    ]);
    fixture.componentRef.setInput('description', 'Episodes by month.');
    fixture.componentRef.setInput('annotations', [EVENING_GROUP]);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    // The third of three points in a 200-wide box with 3 of padding: x = 3 + 2 * 194 / 2 = 197.
    const lines = Array.from(root.querySelectorAll('[data-testid="sparkline-annotation"]'));
    expect(lines.map((line) => [line.getAttribute('x1'), line.getAttribute('x2')])).toEqual([['197', '197']]);
    expect(root.querySelector('svg')?.getAttribute('aria-label')).toBe(
      'Episodes by month. One note on this chart: note 1, Mar 3, 2025, All programs: Evening group started.',
    );
  });
});
