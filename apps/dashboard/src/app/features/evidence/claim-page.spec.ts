import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { ClaimPage } from './claim-page';
import { MAT_DETAIL } from './testing/evidence-fixtures';
import { EVIDENCE_PATHS } from '../../data-access/api/evidence-api';

describe('ClaimPage', () => {
  let fixture: ComponentFixture<ClaimPage>;
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
    fixture = TestBed.createComponent(ClaimPage);
    fixture.componentRef.setInput('id', '10');
    TestBed.tick();
  });

  afterEach(() => http.verify());

  const root = () => fixture.nativeElement as HTMLElement;
  const byTestId = (id: string) => root().querySelector<HTMLElement>(`[data-testid="${id}"]`);

  it('shows the claim with its full curves, bands, method and covariates', async () => {
    http.expectOne({ method: 'GET', url: EVIDENCE_PATHS.claim(10) }).flush(MAT_DETAIL);
    await fixture.whenStable();

    expect(byTestId('claim-title')?.textContent).toBe(
      '“Medication-assisted treatment helps patients with opioid addiction”',
    );
    expect(byTestId('claim-method')?.textContent).toContain('Kaplan-Meier MAT vs none');
    expect(
      Array.from(root().querySelectorAll('[data-testid="claim-covariates"] li')).map((li) => li.textContent),
    ).toEqual(['age band', 'sex', 'primary substance', 'severity', 'prior episodes', 'payer']);
    expect(byTestId('frame-subtitle')?.textContent).toBe(
      'Log-rank test: χ² = 0.902 on 1 df, p = 0.34. Shaded: 95% bands.',
    );
    // Two curves and their two bands.
    expect(byTestId('frame-chart')?.querySelectorAll('path[fill-opacity]')).toHaveLength(2);
    expect(byTestId('claim-back')?.getAttribute('href')).toBe('/evidence');
  });

  it('shows an error with a retry', async () => {
    http.expectOne(EVIDENCE_PATHS.claim(10)).flush('missing', { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();
    expect(byTestId('claim-error')?.textContent).toContain('The API answered 404 Not Found.');
    byTestId('claim-retry')?.click();
    TestBed.tick();
    http.expectOne(EVIDENCE_PATHS.claim(10)).flush(MAT_DETAIL);
    await fixture.whenStable();
    expect(byTestId('claim-error')).toBeNull();
  });
});
