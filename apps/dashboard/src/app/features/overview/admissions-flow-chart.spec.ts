import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { AdmissionsFlowChart } from './admissions-flow-chart';
import { FLOW } from './overview-test-data';

describe('AdmissionsFlowChart', () => {
  it('labels the chart with its totals and tables every month', async () => {
    TestBed.configureTestingModule({ providers: [provideNoopAnimations(), provideRouter([])] });
    const fixture = TestBed.createComponent(AdmissionsFlowChart);
    fixture.componentRef.setInput('response', FLOW);
    fixture.componentRef.setInput('state', 'ready');
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;

    expect(root.querySelector('[data-testid="frame-sample"]')?.textContent?.trim()).toBe('n = 182 episodes admitted');
    expect(root.querySelector('[data-testid="frame-chart"]')?.getAttribute('aria-label')).toBe(
      'Admissions and discharges by month, Apr 2026 to Jun 2026: 182 admissions and 172 discharges in all. The table view lists every month.',
    );
    expect(root.querySelector('ngx-charts-line-chart')).not.toBeNull();

    root.querySelector<HTMLElement>('[data-testid="frame-show-table"] button')?.click();
    await fixture.whenStable();
    const rows = Array.from(root.querySelectorAll('[data-testid="frame-table"] tr')).map((row) =>
      Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['Month', 'Admissions', 'Discharges'],
      ['Apr 2026', '63', '50'],
      ['May 2026', '62', '70'],
      ['Jun 2026', '57', '52'],
    ]);
  });

  it('shows the error with a retry that the page answers', async () => {
    TestBed.configureTestingModule({ providers: [provideNoopAnimations(), provideRouter([])] });
    const fixture = TestBed.createComponent(AdmissionsFlowChart);
    fixture.componentRef.setInput('state', 'error');
    fixture.componentRef.setInput('errorMessage', 'The API answered 503 Service Unavailable.');
    let retried = 0;
    fixture.componentInstance.retry.subscribe(() => retried++);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    expect(root.querySelector('[data-testid="frame-error"]')?.textContent).toContain('503 Service Unavailable');
    root.querySelector<HTMLButtonElement>('[data-testid="frame-retry"]')?.click();
    expect(retried).toBe(1);
  });
});
