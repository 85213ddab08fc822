import type { Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { AttendanceHeatmap } from './attendance-heatmap';
import { COMPLIANCE, counselorBreakdown, HEATMAP, HOURS, NO_SHOWS } from './attendance-fixtures.spec-data';
import { ComplianceChart } from './compliance-chart';
import { toComplianceDisplay } from './compliance-display';
import { toCounselorDisplay } from './counselor-display';
import { toHeatmapDisplay } from './heatmap-display';
import { HoursHistogram } from './hours-histogram';
import { toHoursDisplay } from './hours-display';
import { IntervalBarChart } from '../../ui/charts/interval-bar-chart';
import { NoShowsChart } from './no-shows-chart';
import { toNoShowsDisplay } from './no-shows-display';

async function render<T>(component: Type<T>, inputs: Record<string, unknown>): Promise<HTMLElement> {
  TestBed.configureTestingModule({ providers: [provideNoopAnimations()] });
  const fixture = TestBed.createComponent(component);
  for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

const texts = (element: HTMLElement, selector: string) =>
  Array.from(element.querySelectorAll(selector)).map((node) => node.textContent?.trim());

describe('AttendanceHeatmap', () => {
  it("prints every cell's rate over its colour, and a legend of the scale", async () => {
    const element = await render(AttendanceHeatmap, { display: toHeatmapDisplay(HEATMAP) });
    const cells = element.querySelectorAll('[data-testid="heatmap-cell"]');
    expect(cells).toHaveLength(21);
    expect(cells[0].querySelector('text')?.textContent?.trim()).toBe('75.0%');
    expect(cells[0].querySelector('rect')?.getAttribute('fill')).toBe('#deebf7');
    expect(cells[0].querySelector('title')?.textContent).toBe('Monday morning: 75.0%, 95% CI 73.0%–77.0%, n = 800');
    expect(cells[17].querySelector('text')?.textContent?.trim()).toBe('fewer than 11');
    expect(cells[17].querySelector('rect')?.getAttribute('fill')).toBeNull();
    expect(texts(element, 'svg > text').slice(0, 4)).toEqual(['Morning', 'Afternoon', 'Evening', 'Monday']);
    expect(element.textContent).toContain('75.0% (lowest)');
    expect(element.textContent).toContain('91.3% (highest)');
  });
});

describe('IntervalBarChart', () => {
  it('draws the bars in the given order with their values and interval whiskers', async () => {
    const display = toCounselorDisplay(counselorBreakdown('attendanceRate'), 'Attendance rate');
    const element = await render(IntervalBarChart, {
      bars: display.bars,
      axisLabel: 'Attendance rate (% of appointments)',
    });
    expect(texts(element, '[data-testid="interval-bar-value"]')).toEqual(['fewer than 11', '59.2%', '54.3%']);
    expect(element.querySelectorAll('[data-testid="interval-bar"] rect')).toHaveLength(2);
    expect(element.querySelectorAll('.whisker')).toHaveLength(2);
    expect(element.textContent).toContain('Attendance rate (% of appointments)');
    expect(texts(element, 'svg > text').slice(0, 5)).toEqual(['0%', '25%', '50%', '75%', '100%']);
  });
});

describe('ngx-charts wrappers', () => {
  it('draws the no-shows as stacked bars with a themed legend of the five statuses', async () => {
    const element = await render(NoShowsChart, { display: toNoShowsDisplay(NO_SHOWS) });
    expect(element.querySelector('ngx-charts-bar-horizontal-stacked')).not.toBeNull();
    expect(texts(element, '[data-testid="chart-legend"] li')).toEqual([
      'Attended',
      'No-show',
      'Cancelled by patient',
      'Cancelled by program',
      'Scheduled',
    ]);
  });

  it('draws the compliance components with a legend of mean and share meeting', async () => {
    const element = await render(ComplianceChart, { display: toComplianceDisplay(COMPLIANCE) });
    expect(element.querySelector('ngx-charts-bar-horizontal-2d')).not.toBeNull();
    expect(texts(element, '[data-testid="chart-legend"] li')).toEqual(['Mean', 'Share at or above 80.0%']);
  });

  it('draws the hours histogram and names the floor in its legend', async () => {
    const element = await render(HoursHistogram, { display: toHoursDisplay(HOURS) });
    expect(element.querySelector('ngx-charts-bar-vertical')).not.toBeNull();
    expect(texts(element, '[data-testid="chart-legend"] li')).toEqual([
      'Below the adult floor (under 9 hours)',
      'At or above 9 hours',
    ]);
  });
});
