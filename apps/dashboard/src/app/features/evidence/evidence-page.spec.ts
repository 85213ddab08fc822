import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { EvidencePage } from './evidence-page';
import { BOARD, MAT_DETAIL } from './testing/evidence-fixtures';
import { EVIDENCE_PATHS } from '../../data-access/api/evidence-api';

describe('EvidencePage', () => {
  let fixture: ComponentFixture<EvidencePage>;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withFetch()),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        provideRouter([]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(EvidencePage);
    TestBed.tick();
  });

  afterEach(() => http.verify());

  const root = () => fixture.nativeElement as HTMLElement;
  const within = (card: string, id: string) =>
    root().querySelector(`[data-testid="${card}"]`)?.querySelector<HTMLElement>(`[data-testid="${id}"]`);

  /** The board, then the one detail it asks for (the survival claim's curves); stable only once both are in. */
  async function answerBoardAndDetail(): Promise<void> {
    http.expectOne({ method: 'GET', url: EVIDENCE_PATHS.board }).flush(BOARD);
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
    http.expectOne(EVIDENCE_PATHS.claim(10)).flush(MAT_DETAIL);
    await fixture.whenStable();
  }

  it('shows a skeleton, then one card per claim with its verdict, effects and sentence', async () => {
    expect(root().querySelector('[data-testid="evidence-loading"]')).not.toBeNull();
    await answerBoardAndDetail();

    expect(root().querySelectorAll('iop-evidence-claim-card')).toHaveLength(3);
    expect(within('claim-card-1', 'claim-verdict')?.textContent?.trim()).toBe('● Associated');
    expect(within('claim-card-10', 'claim-verdict')?.textContent?.trim()).toBe('○ No clear association');
    expect(within('claim-card-1', 'claim-adjusted')?.textContent).toContain(
      '0.0126 (95% CI 0.011 to 0.0142), p < 0.001',
    );
    expect(within('claim-card-1', 'claim-n')?.textContent?.trim()).toBe('1,500 episodes');
    // Every card shows the adjusted effect's p and its Benjamini-Hochberg q.
    expect(within('claim-card-1', 'claim-p-q')?.textContent?.trim()).toBe('p < 0.001, q < 0.001');
    expect(within('claim-card-10', 'claim-p-q')?.textContent?.trim()).toBe('p = 0.078, q = 0.1');
    expect(root().querySelector('.intro')?.textContent).toContain('false discovery rate');
    expect(within('claim-card-1', 'claim-sentence')?.textContent).toContain(
      'This is an association, not proof of cause.',
    );
    expect(within('claim-card-10', 'frame-sample')?.textContent).toBe('n = 476 episodes');
    expect(within('claim-card-10', 'frame-chart')?.querySelectorAll('path').length).toBeGreaterThan(0);
    expect(within('claim-card-7', 'claim-open-7')?.getAttribute('href')).toBe('/evidence/7');
    expect(root().querySelector('[data-testid="as-of"]')?.textContent).toBe('Jun 30, 2026');
  });

  it('shows the table with the same numbers as the chart', async () => {
    await answerBoardAndDetail();

    within('claim-card-7', 'frame-show-table')?.querySelector('button')?.click();
    await fixture.whenStable();
    const rows = Array.from(within('claim-card-7', 'frame-table')?.querySelectorAll('tbody tr') ?? []).map((row) =>
      Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['any family session', 'Completion', '64.9%', '59.1%', '70.2%', '179', '276'],
      ['none', 'Completion', '53.0%', '48.8%', '57.2%', '283', '534'],
    ]);
  });

  it('shows an error with a retry that asks again', async () => {
    http.expectOne(EVIDENCE_PATHS.board).flush('boom', { status: 500, statusText: 'Internal Server Error' });
    await fixture.whenStable();
    expect(root().querySelector('[data-testid="evidence-error"]')?.textContent).toContain('The API answered 500');

    root().querySelector<HTMLElement>('[data-testid="evidence-retry"]')?.click();
    TestBed.tick();
    await answerBoardAndDetail();
    expect(root().querySelectorAll('iop-evidence-claim-card')).toHaveLength(3);
  });

  it('says no episodes match when every claim has n = 0', async () => {
    http
      .expectOne(EVIDENCE_PATHS.board)
      .flush({ asOf: '2026-06-30', claims: BOARD.claims.map((claim) => ({ ...claim, n: 0 })) });
    await fixture.whenStable();
    expect(root().querySelector('[data-testid="evidence-empty"]')?.textContent).toContain(
      'No episodes match these filters',
    );
  });
});
