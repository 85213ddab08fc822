import { Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { FunnelResponse } from '@iop/contracts';
import { SERIES_COLORS } from './chart-panel';
import { FunnelChart } from './funnel-chart';
import { FUNNEL } from './funnel-fixture.spec-data';

@Component({
  imports: [FunnelChart],
  template: `<iop-funnel-chart
    [funnel]="funnel()"
    rateLabel="Attendance rate"
    denominatorName="appointments"
    unitsName="counselors"
  />`,
})
class Host {
  readonly funnel = signal<FunnelResponse>(FUNNEL);
}

describe('FunnelChart', () => {
  let fixture: ComponentFixture<Host>;
  const all = (selector: string) => Array.from((fixture.nativeElement as HTMLElement).querySelectorAll(selector));
  const texts = (selector: string) => all(selector).map((element) => element.textContent?.replace(/\s+/g, ' ').trim());

  beforeEach(async () => {
    fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
  });

  it('draws a point per placed unit with its title, and none for the withheld unit', () => {
    expect(texts('[data-testid="funnel-point"] title')).toEqual([
      'Counselor Jo Lee: 60.0% of 50 appointments. Below what chance explains.',
      'Counselor Sam Ortiz: 80.0% of 200 appointments. Within what chance explains.',
      'Counselor Alex Brown: 95.0% of 400 appointments. Above what chance explains.',
      'Counselor Kim Park: 88.0% of 100 appointments. Above the 95% limit, within what chance explains at 99.8%.',
    ]);
    // Only the units outside the 99.8% limits get the ring and the second colour.
    expect(all('[data-testid="funnel-point"]').map((point) => point.getAttribute('data-outside'))).toEqual([
      'true',
      'false',
      'true',
      'false',
    ]);
    expect(all('[data-testid="funnel-point"] .unit-point').map((dot) => dot.getAttribute('fill'))).toEqual([
      SERIES_COLORS[1],
      SERIES_COLORS[0],
      SERIES_COLORS[1],
      SERIES_COLORS[0],
    ]);
    expect(all('[data-testid="funnel-point"] .outside-ring')).toHaveLength(2);
  });

  it('places each point by its denominator on a log axis and its rate on the rate axis', () => {
    // jsdom has no layout: the chart keeps its 640px fallback, so the plot runs from x 56 to 624 and, under a
    // one-row legend (28px) and the 12px top margin, from y 40 to 320. Axis: n 25-440 (the curve's ends), 50%-100%.
    const [joLee, , alexBrown] = all('[data-testid="funnel-point"] .unit-point');
    const x = (n: number) => 56 + (Math.log10(n / 25) / Math.log10(440 / 25)) * 568;
    const y = (rate: number) => 320 - ((rate - 0.5) / 0.5) * 280;
    expect(Number(joLee.getAttribute('cx'))).toBeCloseTo(x(50), 6);
    expect(Number(joLee.getAttribute('cy'))).toBeCloseTo(y(0.6), 6);
    expect(Number(alexBrown.getAttribute('cx'))).toBeCloseTo(x(400), 6);
    expect(Number(alexBrown.getAttribute('cy'))).toBeCloseTo(y(0.95), 6);
    expect(texts('.funnel-axis text')).toEqual([
      '50',
      '100',
      '200',
      '50%',
      '60%',
      '70%',
      '80%',
      '90%',
      '100%',
      'appointments (log scale)',
      'Attendance rate',
    ]);
  });

  it('draws the network rate as a line and the 95% and 99.8% limits as curves', () => {
    // The rate is written in the legend and the line's title, not on the line, where it would cover points.
    expect(texts('[data-testid="funnel-network"] title')).toEqual(['Network rate 80.0%']);
    expect(texts('.funnel-legend text')).toEqual([
      'Network rate 80.0%',
      '95% limits',
      '99.8% limits',
      'Unit',
      'Outside 99.8%',
    ]);
    expect(all('[data-testid="funnel-limit-95"]')).toHaveLength(2);
    expect(all('[data-testid="funnel-limit-998"]')).toHaveLength(2);
    // One vertex per curve point, starting at the left edge of the plot (n = 25).
    const upper998 = all('[data-testid="funnel-limit-998"]')[1].getAttribute('d') ?? '';
    expect(upper998.match(/[ML]/g)).toHaveLength(FUNNEL.curve.length);
    expect(upper998.startsWith('M56,')).toBe(true);
  });

  it('names the units outside the 99.8% limits in words, in the order of the data, and the withheld ones', () => {
    expect(texts('[data-testid="funnel-network-note"]')).toEqual(['Network rate 80.0%.']);
    expect(texts('[data-testid="funnel-outside"]')).toEqual([
      'Counselor Jo Lee: Below what chance explains (60.0% of 50 appointments).',
      'Counselor Alex Brown: Above what chance explains (95.0% of 400 appointments).',
    ]);
    expect(texts('[data-testid="funnel-withheld"]')).toEqual(['Counselor Ray Cole (fewer than 11)']);
    expect(all('[data-testid="funnel-none-outside"]')).toHaveLength(0);
  });

  it('writes the names beside the points, those named in words first', () => {
    const labels = texts('[data-testid="funnel-point-label"]');
    expect(labels.slice(0, 2)).toEqual(['Counselor Jo Lee', 'Counselor Alex Brown']);
    expect([...labels].sort()).toEqual(
      ['Counselor Alex Brown', 'Counselor Jo Lee', 'Counselor Kim Park', 'Counselor Sam Ortiz'].sort(),
    );
  });

  it('says so when no unit lies outside the 99.8% limits', async () => {
    fixture.componentInstance.funnel.set({
      ...FUNNEL,
      units: FUNNEL.units.map((unit) => ({ ...unit, at95: 'within', at998: 'within' })),
      withheld: [],
    });
    await fixture.whenStable();
    expect(all('[data-testid="funnel-outside"]')).toHaveLength(0);
    expect(texts('[data-testid="funnel-none-outside"]')).toEqual([
      'No counselors outside the 99.8% limits: every difference from the network rate is within what chance explains.',
    ]);
  });

  it('compares nobody when the network rate is withheld, and draws no limits', async () => {
    fixture.componentInstance.funnel.set({
      ...FUNNEL,
      network: { suppressed: true, reason: 'fewer than 11' },
      units: FUNNEL.units.map((unit) => ({ ...unit, limits: null, at95: null, at998: null })),
      curve: [],
    });
    await fixture.whenStable();
    expect(all('[data-testid="funnel-limits"]')).toHaveLength(0);
    expect(all('[data-testid="funnel-network"]')).toHaveLength(0);
    expect(texts('.funnel-legend text')).toEqual(['Unit']);
    expect(texts('[data-testid="funnel-network-note"]')).toEqual([
      'The network rate is withheld (fewer than 11), so no counselor is compared with it.',
    ]);
    expect(all('[data-testid="funnel-none-outside"]')).toHaveLength(0);
    expect(texts('[data-testid="funnel-point"] title')[0]).toBe(
      'Counselor Jo Lee: 60.0% of 50 appointments. Not compared: the network rate is withheld.',
    );
  });
});
