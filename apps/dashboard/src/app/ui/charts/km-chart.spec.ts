import { Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { SERIES_COLORS } from './chart-panel';
import { KmChart } from './km-chart';
import type { KmCurveInput } from './km-geometry';

const CURVES: KmCurveInput[] = [
  {
    label: 'MAT',
    steps: [
      { time: 20, atRisk: 80, survival: 0.9, lower: 0.8, upper: 0.95 },
      { time: 70, atRisk: 40, survival: 0.7, lower: 0.6, upper: 0.8 },
    ],
  },
  { label: 'No MAT', color: '#123456', steps: [{ time: 40, atRisk: 30, survival: 0.5, lower: 0.3, upper: 0.7 }] },
];

@Component({
  imports: [KmChart],
  template: `<iop-km-chart
    [curves]="curves()"
    [referenceDay]="referenceDay()"
    referenceLabel="Day 90"
    timeLabel="Days since admission"
    description="Two curves"
  />`,
})
class Host {
  readonly curves = signal(CURVES);
  readonly referenceDay = signal<number | null>(90);
}

describe('KmChart', () => {
  let fixture: ComponentFixture<Host>;
  const all = (selector: string) => Array.from((fixture.nativeElement as HTMLElement).querySelectorAll(selector));
  const texts = (selector: string) => all(selector).map((element) => element.textContent?.trim());

  beforeEach(async () => {
    fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
  });

  it('draws a line and a band per curve in the palette, or the colour given', () => {
    expect(all('[data-testid="km-line"]').map((line) => line.getAttribute('stroke'))).toEqual([
      SERIES_COLORS[0],
      '#123456',
    ]);
    expect(all('[data-testid="km-band"]')).toHaveLength(2);
    expect(all('[data-testid="km-line"]')[0].getAttribute('d')).toMatch(/^M60,24H/);
    expect(texts('[data-testid="km-legend"] li')).toEqual(['MAT', 'No MAT']);
  });

  it('labels both axes and the reference line, and names the SVG', () => {
    const svg = all('[data-testid="km-svg"]')[0];
    expect(svg.getAttribute('aria-label')).toBe('Two curves');
    expect(texts('.km-axis-title')).toEqual(['Days since admission', 'Share still engaged (%)']);
    expect(texts('.km-tick')).toEqual(['0', '30', '60', '90', '0%', '25%', '50%', '75%', '100%']);
    expect(all('[data-testid="km-reference"] text')[0].textContent?.trim()).toBe('Day 90');
  });

  it('lists the number at risk at each time mark under the axis', () => {
    const rows = all('[data-testid="km-at-risk-row"]').map((row) =>
      Array.from(row.children).map((cell) => cell.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['MAT', '80', '40', '40', '0'],
      ['No MAT', '30', '30', '0', '0'],
    ]);
  });

  it('leaves out a reference line that falls off the axis', async () => {
    fixture.componentInstance.referenceDay.set(400);
    await fixture.whenStable();
    expect(all('[data-testid="km-reference"]')).toHaveLength(0);
  });
});
