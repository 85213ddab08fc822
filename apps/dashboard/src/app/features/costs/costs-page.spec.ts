import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router } from '@angular/router';
import type { CostSummaryResponse } from '@iop/contracts';
import { DEMO_COST_SUMMARY } from './cost-summary.fixture';
import { CostsPage } from './costs-page';
import { COSTS_PATHS } from '../../data-access/api/costs-api';

describe('CostsPage', () => {
  let fixture: ComponentFixture<CostsPage>;
  let httpTesting: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withFetch()),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        provideRouter([{ path: 'costs', component: CostsPage }]),
      ],
    });
    httpTesting = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CostsPage);
    TestBed.tick();
  });

  afterEach(() => httpTesting.verify());

  const root = () => fixture.nativeElement as HTMLElement;
  const byTestId = (id: string, within: ParentNode = root()) =>
    within.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const textOf = (id: string) => byTestId(id)?.textContent?.trim();

  async function answer(body: CostSummaryResponse): Promise<void> {
    httpTesting.expectOne((request) => request.url === COSTS_PATHS.summary).flush(body);
    await fixture.whenStable();
  }

  it('shows skeletons until the summary arrives', async () => {
    expect(byTestId('costs-loading')?.getAttribute('aria-busy')).toBe('true');
    expect(root().querySelectorAll('[data-testid="frame-loading"]')).toHaveLength(5);
    await answer(DEMO_COST_SUMMARY);
    expect(byTestId('costs-loading')).toBeNull();
    expect(root().querySelectorAll('[data-testid="frame-loading"]')).toHaveLength(0);
  });

  it('renders the IOP headline amounts, their basis and the exclusion note', async () => {
    await answer(DEMO_COST_SUMMARY);

    expect(textOf('cost-card-costPerEpisode')).toBe('$3,516');
    expect(textOf('cost-card-costPerWeek')).toBe('$467');
    expect(textOf('cost-card-costPerCompleter')).toBe('$9,638');
    expect(textOf('cost-card-costPerRetained90')).toBe('$11,734');
    expect(textOf('cost-card-costPerAbstinent')).toBe('$16,354');
    expect(textOf('costs-headline-basis')).toBe(
      'Level 2.1 (intensive outpatient), n = 1,028 discharged episodes · 2025 US dollars, charges at face value',
    );
    expect(textOf('costs-exclusion')).toContain('120 active episodes are left out');
    expect(textOf('costs-as-of')).toBe('Jun 30, 2026');
  });

  it('puts each chart in a frame with its n and the table of the same numbers', async () => {
    await answer(DEMO_COST_SUMMARY);
    const frame = byTestId('cost-comparison-frame') as HTMLElement;
    expect(byTestId('frame-sample', frame)?.textContent).toBe('n = 1,380 discharged episodes');
    expect(byTestId('frame-definition', frame)?.getAttribute('href')).toBe('/definitions#costs');
    expect(byTestId('frame-chart', frame)?.getAttribute('aria-label')).toContain(
      'Per episode: IOP (2.1) $3,516, Standard outpatient (1) $1,096',
    );

    byTestId('frame-show-table', frame)?.querySelector('button')?.click();
    await fixture.whenStable();
    const rows = Array.from(frame.querySelectorAll('[data-testid="frame-table"] tbody tr')).map((row) =>
      Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['Per episode', '$3,516', '$1,096'],
      ['Per week', '$467', '$121'],
      ['Per completer', '$9,638', '$4,433'],
      ['Per 90-day retained', '$11,734', '$3,268'],
      ['Per abstinent patient', '$16,354', '$7,870'],
    ]);
  });

  it('lists the outcome rates with intervals, the ICER in words and the savings', async () => {
    await answer(DEMO_COST_SUMMARY);

    const intervals = Array.from(root().querySelectorAll('[data-testid="outcome-intervals"] li')).map((item) =>
      item.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(intervals).toHaveLength(6);
    expect(intervals[0]).toBe('IOP (2.1), completed: 36.5% (95% CI 33.6%–39.5%, n = 1,028)');

    expect(textOf('icer-completer-status')).toBe('Trade-off');
    expect(textOf('icer-completer-verdict')).toBe(
      'IOP costs more and achieves more: $20,575 per additional completer.',
    );
    expect(textOf('icer-abstinent-verdict')).toBe(
      'IOP costs more and achieves more: $31,938 per additional abstinent patient.',
    );
    expect(byTestId('per-day-savings')?.textContent).toContain('Residential (3.5): $5,484 saved per episode');
    const lines = Array.from(root().querySelectorAll('[data-testid="comparator-line"]'));
    expect(lines).toHaveLength(2);
    const inpatient = lines[0] as HTMLElement;
    expect(byTestId('comparator-los', inpatient)?.textContent?.trim()).toBe(
      'Typical stay 11 days (published range 11–29).',
    );
    expect(byTestId('comparator-range', inpatient)?.textContent?.trim()).toBe(
      'From 11 to 29 days: savings $10,234 to $32,734; IOP is cheaper across the whole range.',
    );
    expect(byTestId('comparator-source', inpatient)?.textContent).toContain(
      'median length of stay 11 days, mean 29 days',
    );
    expect(byTestId('frame-sample', byTestId('per-episode-frame') as HTMLElement)?.textContent).toBe(
      'n = 1,028 discharged IOP episodes',
    );
  });

  it('asks again with the filter of the URL', async () => {
    await answer(DEMO_COST_SUMMARY);
    await TestBed.inject(Router).navigateByUrl('/costs?levelOfCare=2.1');
    TestBed.tick();
    const request = httpTesting.expectOne((req) => req.url === COSTS_PATHS.summary);
    expect(request.request.params.getAll('levelOfCare')).toEqual(['2.1']);
    request.flush({
      ...DEMO_COST_SUMMARY,
      byLevelOfCare: DEMO_COST_SUMMARY.byLevelOfCare.filter((block) => block.levelOfCare === '2.1'),
      icer: {
        ...DEMO_COST_SUMMARY.icer,
        perAdditionalCompleter: {
          ...DEMO_COST_SUMMARY.icer.perAdditionalCompleter,
          costB: { dollars: null, dollarYear: 2025, source: 'charges' },
          effectB: null,
          incrementalCost: { dollars: null, dollarYear: 2025, source: 'charges' },
          incrementalEffect: null,
          icer: { dollars: null, dollarYear: 2025, source: 'charges' },
          status: 'not_estimable',
        },
      },
    });
    await fixture.whenStable();
    expect(textOf('icer-completer-verdict')).toBe(
      'Not estimable because no discharged standard outpatient (level 1) episode matches these filters.',
    );
  });

  it('shows the empty state when no selected episode is discharged', async () => {
    await answer({ ...DEMO_COST_SUMMARY, overall: { ...DEMO_COST_SUMMARY.overall, discharged: 0 } });
    expect(textOf('costs-empty')).toBe('No episodes match these filters');
    expect(root().querySelectorAll('[data-testid="frame-empty"]')).toHaveLength(5);
    expect(byTestId('icer-panel')).toBeNull();
  });

  it('shows an error with a Retry that asks again', async () => {
    httpTesting
      .expectOne((request) => request.url === COSTS_PATHS.summary)
      .flush('down', { status: 503, statusText: 'Service Unavailable' });
    await fixture.whenStable();
    expect(textOf('costs-error')).toBe('The costs could not be loaded. The API answered 503 Service Unavailable.');
    expect(root().querySelectorAll('[data-testid="frame-error"]')).toHaveLength(5);

    byTestId('frame-retry')?.click();
    TestBed.tick();
    await answer(DEMO_COST_SUMMARY);
    expect(textOf('cost-card-costPerEpisode')).toBe('$3,516');
  });
});
