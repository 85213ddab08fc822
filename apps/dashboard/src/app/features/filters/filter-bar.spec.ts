import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, signal } from '@angular/core';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatChipHarness } from '@angular/material/chips/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router } from '@angular/router';
import type { FilterOptionsResponse, UserRole } from '@iop/contracts';
import { AuthSession } from '../../data-access/auth/auth-session';
import { FilterBar } from './filter-bar';
import { FILTERS_PATHS } from '../../data-access/api/filters-api';

const OPTIONS: FilterOptionsResponse = {
  programs: [
    { id: 1, name: 'Evening IOP' },
    { id: 2, name: 'Outpatient' },
  ],
  counselors: [
    { id: 7, name: 'Counselor A', programId: 1 },
    { id: 8, name: 'Counselor B', programId: 2 },
  ],
  levelsOfCare: [
    { key: '1', label: 'Level 1 (outpatient)' },
    { key: '2.1', label: 'Level 2.1 (intensive outpatient)' },
  ],
  payers: [{ key: 'medicaid', label: 'Medicaid' }],
  substances: [{ key: 'opioids', label: 'Opioids' }],
  ageBands: [{ key: '65+', label: '65 and over' }],
  admitDateRange: { from: '2023-01-02', to: '2025-06-30' },
};

@Component({ template: '' })
class EmptyPage {}

describe('FilterBar', () => {
  let fixture: ComponentFixture<FilterBar>;
  let router: Router;

  async function open(url: string, role: UserRole = 'director'): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'overview', component: EmptyPage }]),
        provideHttpClient(withFetch()),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        { provide: AuthSession, useValue: { user: signal({ role }) } },
      ],
    });
    router = TestBed.inject(Router);
    await router.navigateByUrl(url);
    fixture = TestBed.createComponent(FilterBar);
    TestBed.tick();
    TestBed.inject(HttpTestingController).expectOne(FILTERS_PATHS.options).flush(OPTIONS);
    await fixture.whenStable();
  }

  const harnesses = () => TestbedHarnessEnvironment.loader(fixture);
  const select = async (testId: string) =>
    harnesses().getHarness(MatSelectHarness.with({ selector: `[data-testid="${testId}"]` }));
  const input = (testId: string) => {
    const element = (fixture.nativeElement as HTMLElement).querySelector<HTMLInputElement>(`[data-testid="${testId}"]`);
    if (!element) throw new Error(`no input ${testId}`);
    return element;
  };

  it('tells a payer that dates select whole months, and nobody else', async () => {
    await open('/overview', 'payer');
    const hints = () =>
      Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('mat-hint'), (hint) =>
        hint.textContent?.trim(),
      );
    expect(hints()).toEqual(['From the first of the month', 'To the end of the month']);
    TestBed.resetTestingModule();
    await open('/overview', 'admin');
    expect(hints()).toEqual([]);
  });

  it('choosing a level of care puts it in the URL, next to the page parameters', async () => {
    await open('/overview?groupBy=payer');

    const levelOfCare = await select('filter-level-of-care');
    await levelOfCare.open();
    await levelOfCare.clickOptions({ text: 'Level 2.1 (intensive outpatient)' });
    await fixture.whenStable();

    expect(router.url).toBe('/overview?groupBy=payer&levelOfCare=2.1');
    const chips = await harnesses().getAllHarnesses(MatChipHarness);
    expect(await Promise.all(chips.map((chip) => chip.getText()))).toEqual([
      'Level of care: Level 2.1 (intensive outpatient)',
    ]);
  });

  it('a date typed in a date field goes to the URL as an ISO date', async () => {
    await open('/overview');
    const from = input('filter-from');
    from.value = '2024-03-01';
    from.dispatchEvent(new Event('change'));
    await fixture.whenStable();

    expect(router.url).toBe('/overview?from=2024-03-01');
  });

  it('loading a URL fills the controls and the chip summary', async () => {
    await open('/overview?from=2024-01-01&to=2024-12-31&programId=2&payer=medicaid&ageBand=65%2B&counselorId=8');

    expect(input('filter-from').value).toBe('2024-01-01');
    expect(input('filter-to').value).toBe('2024-12-31');
    expect(await (await select('filter-program')).getValueText()).toBe('Outpatient');
    expect(await (await select('filter-payer')).getValueText()).toBe('Medicaid');
    expect(await (await select('filter-age-band')).getValueText()).toBe('65 and over');
    const counselor = await select('filter-counselor');
    expect(await counselor.getValueText()).toBe('Counselor B');
    // Only the counselors of the chosen program are offered.
    await counselor.open();
    expect(await Promise.all((await counselor.getOptions()).map((option) => option.getText()))).toEqual([
      'Counselor B',
    ]);

    const chips = await harnesses().getAllHarnesses(MatChipHarness);
    expect(await Promise.all(chips.map((chip) => chip.getText()))).toEqual([
      'From Jan 1, 2024',
      'To Dec 31, 2024',
      'Program: Outpatient',
      'Payer: Medicaid',
      'Age: 65 and over',
      'Counselor: Counselor B',
    ]);
  });

  it('removing a chip removes that value, and "Clear filters" removes them all', async () => {
    await open('/overview?groupBy=payer&payer=medicaid&programId=1&programId=2');

    const chips = await harnesses().getAllHarnesses(MatChipHarness);
    await chips[0].remove();
    await fixture.whenStable();
    expect(router.url).toBe('/overview?groupBy=payer&payer=medicaid&programId=2');

    (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('[data-testid="filter-clear"]')?.click();
    await fixture.whenStable();
    expect(router.url).toBe('/overview?groupBy=payer');
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('All episodes');
  });
});
