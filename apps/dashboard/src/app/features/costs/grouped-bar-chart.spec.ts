import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { SERIES_COLORS } from '../../ui/charts/chart-panel';
import type { BarGroup } from './costs-display';
import { GroupedBarChart } from './grouped-bar-chart';

const GROUPS: BarGroup[] = [
  {
    name: 'Per episode',
    series: [
      { name: 'IOP (2.1)', value: 3515.73 },
      { name: 'Standard outpatient (1)', value: 1095.59 },
    ],
  },
  // Only outpatient has a value here: it must keep the outpatient colour, not take IOP's.
  { name: 'Per completer', series: [{ name: 'Standard outpatient (1)', value: 4432.73 }] },
];

describe('GroupedBarChart', () => {
  let fixture: ComponentFixture<GroupedBarChart>;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideNoopAnimations()] });
    fixture = TestBed.createComponent(GroupedBarChart);
    fixture.componentRef.setInput('groups', GROUPS);
    fixture.componentRef.setInput('seriesNames', ['IOP (2.1)', 'Standard outpatient (1)']);
    fixture.componentRef.setInput('valueAxisLabel', 'Cost, 2025 US dollars');
    fixture.componentRef.setInput('categoryAxisLabel', 'Cost measure');
    // ngx-charts measures its container; jsdom has no layout, so the chart is given a size.
    (fixture.nativeElement as HTMLElement).style.cssText = 'display:block;width:600px;height:300px';
    await fixture.whenStable();
  });

  const element = () => fixture.nativeElement as HTMLElement;

  it('shows a legend entry per series in the palette order', () => {
    const entries = Array.from(element().querySelectorAll('[data-testid="grouped-bar-legend"] li'));
    expect(entries.map((entry) => entry.textContent?.trim())).toEqual(['IOP (2.1)', 'Standard outpatient (1)']);
    const swatches = entries.map((entry) => (entry.querySelector('.swatch') as HTMLElement).style.background);
    expect(swatches).toEqual([SERIES_COLORS[0], SERIES_COLORS[1]].map(hexToRgb));
  });

  it('draws the chart with its axis labels', () => {
    expect(element().querySelector('ngx-charts-bar-horizontal-2d')).not.toBeNull();
    const text = element().textContent ?? '';
    expect(text).toContain('Cost, 2025 US dollars');
    expect(text).toContain('Cost measure');
  });

  it('does not mutate the groups it is given', () => {
    expect(GROUPS[0].series[0]).toEqual({ name: 'IOP (2.1)', value: 3515.73 });
    expect(Object.keys(GROUPS[0].series[0])).toEqual(['name', 'value']);
  });
});

function hexToRgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}
