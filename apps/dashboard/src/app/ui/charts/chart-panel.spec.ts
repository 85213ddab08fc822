import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { ChartDatum } from './chart-datum';
import { ChartPanel } from './chart-panel';

describe('ChartPanel', () => {
  let fixture: ComponentFixture<ChartPanel>;
  let element: HTMLElement;
  const data: ChartDatum[] = [
    { name: 'Attended', value: 45_612 },
    { name: 'Missed', value: 12_619 },
  ];

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideNoopAnimations()] });
    fixture = TestBed.createComponent(ChartPanel);
    fixture.componentRef.setInput('heading', 'Appointments: attended vs missed');
    fixture.componentRef.setInput('data', data);
    fixture.componentRef.setInput('n', 58_231);
    fixture.componentRef.setInput('unit', 'appointments');
    fixture.componentRef.setInput('categoryHeader', 'Appointments');
    await fixture.whenStable();
    element = fixture.nativeElement as HTMLElement;
  });

  const text = (selector: string) => element.querySelector(selector)?.textContent?.trim();

  it('shows the title, n and the chart, described in words for screen readers', () => {
    expect(text('h2')).toBe('Appointments: attended vs missed');
    expect(text('[data-testid="chart-sample"]')).toBe('n = 58,231 appointments');
    const chart = element.querySelector('[data-testid="chart"]');
    expect(chart?.getAttribute('role')).toBe('img');
    expect(chart?.getAttribute('aria-label')).toBe('Appointments: attended vs missed: Attended 45,612, Missed 12,619');
    expect(chart?.querySelector('ngx-charts-bar-horizontal')).not.toBeNull();
    expect(element.querySelector('[data-testid="chart-table"]')).toBeNull();
  });

  it('switches to a table with the same numbers, and back', async () => {
    const tableToggle = element.querySelector<HTMLButtonElement>('[data-testid="show-table"] button');
    tableToggle?.click();
    await fixture.whenStable();

    expect(element.querySelector('[data-testid="chart"]')).toBeNull();
    const rows = Array.from(element.querySelectorAll('[data-testid="chart-table"] tr')).map((row) =>
      Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['Appointments', 'Count'],
      ['Attended', '45,612'],
      ['Missed', '12,619'],
      ['Total', '58,231'],
    ]);
    expect(text('[data-testid="chart-table"] caption')).toBe(
      'Appointments: attended vs missed, n = 58,231 appointments',
    );

    element.querySelector<HTMLButtonElement>('[data-testid="show-chart"] button')?.click();
    await fixture.whenStable();
    expect(element.querySelector('[data-testid="chart"]')).not.toBeNull();
  });
});
