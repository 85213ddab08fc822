import { TestBed } from '@angular/core/testing';
import { Sparkline, sparklineGeometry } from './sparkline';

describe('sparklineGeometry', () => {
  it('spans the box, puts the highest value on top and keeps the floor inside', () => {
    const geometry = sparklineGeometry(
      [
        { period: '2026-01', value: 8 },
        { period: '2026-02', value: 7 },
      ],
      100,
      26,
      9,
    );
    // Values 7..9 over y 23..3: 8 sits half way, the floor of 9 at the top.
    expect(geometry.path).toBe('M3,13 L97,23');
    expect(geometry.last).toEqual({ x: 97, y: 23 });
    expect(geometry.floorY).toBe(3);
  });

  it('stretches the value axis to hold a benchmark above and a target below the data', () => {
    const geometry = sparklineGeometry(
      [
        { period: '2026-01', value: 8 },
        { period: '2026-02', value: 7 },
      ],
      100,
      26,
      null,
      [10, 6],
    );
    // Values 6..10 over y 23..3, 5 px a unit: 8 at 13, 7 at 18, the benchmark of 10 at the top, 6 at the bottom.
    expect(geometry.path).toBe('M3,13 L97,18');
    expect(geometry.referenceYs).toEqual([3, 23]);
    expect(geometry.floorY).toBeNull();
  });

  it('draws nothing without points and centres a single one', () => {
    expect(sparklineGeometry([], 100, 20)).toEqual({ path: '', last: null, floorY: null, referenceYs: [] });
    expect(sparklineGeometry([{ period: '2026-01', value: 5 }], 100, 20).last?.x).toBe(50);
  });
});

describe('Sparkline', () => {
  it('renders the line with its text alternative', async () => {
    const fixture = TestBed.createComponent(Sparkline);
    fixture.componentRef.setInput('points', [
      { period: '2026-01', value: 1 },
      { period: '2026-02', value: 2 },
    ]);
    fixture.componentRef.setInput('description', 'Episodes by month');
    await fixture.whenStable();
    const svg = (fixture.nativeElement as HTMLElement).querySelector('svg');
    expect(svg?.getAttribute('role')).toBe('img');
    expect(svg?.getAttribute('aria-label')).toBe('Episodes by month');
    expect(svg?.querySelector('path')?.getAttribute('d')).toMatch(/^M3,/);
    expect(svg?.querySelector('line')).toBeNull();
  });
});
