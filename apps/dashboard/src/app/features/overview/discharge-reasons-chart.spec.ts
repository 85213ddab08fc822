import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { DischargeReasonsChart } from './discharge-reasons-chart';
import { DISCHARGE_REASONS } from './overview-test-data';

describe('DischargeReasonsChart', () => {
  it('draws the reasons, says the active count, and tables the same numbers', async () => {
    TestBed.configureTestingModule({ providers: [provideNoopAnimations(), provideRouter([])] });
    const fixture = TestBed.createComponent(DischargeReasonsChart);
    fixture.componentRef.setInput('response', DISCHARGE_REASONS);
    fixture.componentRef.setInput('state', 'ready');
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;

    expect(root.querySelector('[data-testid="frame-heading"]')?.textContent).toBe('Discharge reasons');
    expect(root.querySelector('[data-testid="frame-sample"]')?.textContent?.trim()).toBe(
      'n = 1,380 discharged episodes',
    );
    expect(root.querySelector('[data-testid="frame-chart"]')?.getAttribute('aria-label')).toBe(
      'Discharge reasons of 1,380 discharged episodes: Completed 33.5% (462), Dropped out 25.8% (356), Other 0.0% (0).',
    );
    expect(root.querySelector('[data-testid="discharge-active"]')?.textContent?.replace(/\s+/g, ' ')).toContain(
      'not in these shares: 120 episodes. Withheld (fewer than 11, or would reveal such a count): Death.',
    );
    expect(root.querySelector('[data-testid="frame-definition"]')?.getAttribute('href')).toBe(
      '/definitions#discharge-reasons',
    );

    root.querySelector<HTMLElement>('[data-testid="frame-show-table"] button')?.click();
    await fixture.whenStable();
    const cells = Array.from(root.querySelectorAll('[data-testid="frame-table"] tbody tr')).map((row) =>
      row.querySelector('td')?.textContent?.trim(),
    );
    expect(cells).toEqual(['Completed', 'Dropped out', 'Death', 'Other']);
  });

  it('shows the frame empty state', async () => {
    TestBed.configureTestingModule({ providers: [provideNoopAnimations(), provideRouter([])] });
    const fixture = TestBed.createComponent(DischargeReasonsChart);
    fixture.componentRef.setInput('response', { asOf: null, discharged: 0, active: 0, reasons: [] });
    fixture.componentRef.setInput('state', 'empty');
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid="frame-empty"]')?.textContent).toBe(
      'No episodes match these filters',
    );
  });
});
