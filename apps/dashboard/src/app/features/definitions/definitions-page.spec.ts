import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { METRIC_CATALOGUE } from '@iop/contracts/metric-catalogue';
import { DefinitionsPage } from './definitions-page';

describe('DefinitionsPage', () => {
  async function open(url: string): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [provideRouter([{ path: 'definitions', component: DefinitionsPage }])],
    });
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    harness.detectChanges();
    await harness.fixture.whenStable();
    return harness.routeNativeElement as HTMLElement;
  }

  it("lists the catalogue's groups and terms, each ratio under its definition", async () => {
    const page = await open('/definitions');
    expect(Array.from(page.querySelectorAll('h2'), (heading) => heading.textContent)).toEqual([
      'Conventions',
      'Headline metrics',
      'Retention, costs and evidence',
    ]);
    const completion = page.querySelector('[id="completion-rate"]');
    expect(Array.from(completion?.querySelectorAll('dt') ?? [], (term) => term.textContent)).toEqual([
      'Completion rate',
      'Positive conclusion rate',
      'Dropout rate',
    ]);
    expect(completion?.querySelector('dd')?.textContent).toBe(METRIC_CATALOGUE.completionRate.definition);
    expect(completion?.querySelector('dd.ratio')?.textContent).toBe(
      'Numerator: discharges as completed. Denominator: discharged episodes.',
    );
    expect(page.querySelector('[id="episodes"] dd.ratio')).toBeNull();
  });

  it('focuses the entry the link names', async () => {
    const page = await open('/definitions#icer');
    expect(TestBed.inject(Router).url).toBe('/definitions#icer');
    expect(document.activeElement).toBe(page.querySelector('[id="icer"]'));
  });
});
