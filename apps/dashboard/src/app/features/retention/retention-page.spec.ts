import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router } from '@angular/router';
import type { RetentionResponse } from '@iop/contracts';
import { RetentionPage } from './retention-page';
import { RETENTION_BY_LEVEL } from './retention-fixture';
import { RETENTION_PATHS } from '../../data-access/api/retention-api';

describe('RetentionPage', () => {
  let fixture: ComponentFixture<RetentionPage>;
  let http: HttpTestingController;
  const element = () => fixture.nativeElement as HTMLElement;
  const byTestId = (id: string) => element().querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const allText = (id: string) =>
    Array.from(element().querySelectorAll(`[data-testid="${id}"]`)).map((node) =>
      Array.from(node.children)
        .map((cell) => cell.textContent?.trim())
        .join(' | '),
    );

  async function answer(body: RetentionResponse, groupBy = 'levelOfCare'): Promise<void> {
    const request = http.expectOne((req) => req.url === RETENTION_PATHS.curves);
    expect(request.request.params.get('groupBy')).toBe(groupBy);
    request.flush(body);
    await fixture.whenStable();
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withFetch()),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        provideRouter([]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await TestBed.inject(Router).navigateByUrl('/?levelOfCare=2.1');
    fixture = TestBed.createComponent(RetentionPage);
    TestBed.tick();
  });

  afterEach(() => http.verify());

  it('asks for the curves with the filters of the URL and shows a skeleton meanwhile', async () => {
    expect(byTestId('frame-loading')).not.toBeNull();
    const request = http.expectOne((req) => req.url === RETENTION_PATHS.curves);
    expect(request.request.params.getAll('levelOfCare')).toEqual(['2.1']);
    request.flush(RETENTION_BY_LEVEL);
    await fixture.whenStable();
    expect(byTestId('frame-loading')).toBeNull();
  });

  it('renders the curves, n, the medians and the log-rank test of the answer', async () => {
    await answer(RETENTION_BY_LEVEL);
    expect(byTestId('frame-heading')?.textContent).toBe('Share of episodes still engaged over time, by level of care');
    expect(byTestId('frame-sample')?.textContent).toBe('n = 170 episodes');
    expect(element().querySelectorAll('[data-testid="km-line"]')).toHaveLength(2);
    expect(allText('retention-summary-row')).toEqual([
      'Level 2.1 | 120 | 40 | 75 days (95% CI 60–not reached) | 41.2% (95% CI 33.0%–49.0%)',
      'Level 2.5 | 50 | 5 | not reached | not observed that long',
    ]);
    expect(byTestId('retention-log-rank')?.textContent).toContain('Log-rank test: χ² = 7.4, df = 1, p = 0.0064');
    expect(byTestId('frame-definition')?.getAttribute('href')).toBe('/definitions#retention-curves');
  });

  it('shows the same numbers in the table view, one row per group per 30 days', async () => {
    await answer(RETENTION_BY_LEVEL);
    byTestId('frame-show-table')?.querySelector('button')?.click();
    await fixture.whenStable();
    const rows = Array.from(element().querySelectorAll('[data-testid="frame-table"] tbody tr')).map((row) =>
      Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['Level 2.1', '0', '100.0%', '—', '—', '120'],
      ['Level 2.1', '30', '90.0%', '83.0%', '94.0%', '100'],
      ['Level 2.1', '60', '72.0%', '63.0%', '79.0%', '60'],
      ['Level 2.1', '90', '41.2%', '33.0%', '49.0%', '20'],
      ['Level 2.5', '0', '100.0%', '—', '—', '50'],
    ]);
  });

  it('keeps the grouping in the URL next to the filters and asks again', async () => {
    await answer(RETENTION_BY_LEVEL);
    await TestBed.inject(Router).navigate([], {
      queryParams: { groupBy: 'groupTercile' },
      queryParamsHandling: 'merge',
    });
    TestBed.tick();
    await answer(
      { ...RETENTION_BY_LEVEL, groupBy: 'groupTercile', timeOriginDay: 28, tercileCutPoints: [1.5, 2.25] },
      'groupTercile',
    );
    expect(TestBed.inject(Router).url).toBe('/?levelOfCare=2.1&groupBy=groupTercile');
    expect(byTestId('km-svg')?.textContent).toContain('Days since day 28');
    expect(byTestId('frame-subtitle')?.textContent).toContain('cut at 1.50 and 2.25');
  });

  it('says when no episode matches and offers a retry after an error', async () => {
    await answer({ ...RETENTION_BY_LEVEL, curves: [], logRank: null });
    expect(byTestId('frame-empty')?.textContent).toBe('No episodes match these filters');
    expect(byTestId('retention-summary')).toBeNull();

    await TestBed.inject(Router).navigateByUrl('/?payer=medicare');
    TestBed.tick();
    http
      .expectOne((req) => req.url === RETENTION_PATHS.curves)
      .flush('boom', { status: 500, statusText: 'Internal Server Error' });
    await fixture.whenStable();
    expect(byTestId('frame-error')?.textContent).toContain('The API answered 500 Internal Server Error.');
    byTestId('frame-retry')?.click();
    TestBed.tick();
    await answer(RETENTION_BY_LEVEL);
    expect(byTestId('frame-sample')?.textContent).toBe('n = 170 episodes');
  });
});
