import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router, TitleStrategy, withComponentInputBinding } from '@angular/router';
import { App } from './app';
import { appRoutes } from './app.routes';
import { provideSignedInUser } from './data-access/auth/testing/signed-in-session';
import { PageTitleStrategy } from './page-title-strategy';
import { FILTERS_PATHS } from './data-access/api/filters-api';

const NO_FILTER_OPTIONS = {
  programs: [],
  counselors: [],
  levelsOfCare: [],
  payers: [],
  substances: [],
  ageBands: [],
  admitDateRange: { from: null, to: null },
};

/** The shell imports the filter bar after its first render; the bar then asks for its options once. */
async function answerFilterOptions(): Promise<void> {
  const http = TestBed.inject(HttpTestingController);
  for (let attempt = 0; attempt < 20; attempt++) {
    TestBed.tick();
    const requests = http.match(FILTERS_PATHS.options);
    if (requests.length > 0) {
      requests.forEach((request) => request.flush(NO_FILTER_OPTIONS));
      return;
    }
    await new Promise((resolve) => setTimeout(resolve));
  }
  throw new Error('The filter bar did not ask for its options.');
}

// A navigation loads a lazy page and compiles its components just in time: well under jest's 5 s alone, but
// four times that on a machine busy with other suites.
jest.setTimeout(30_000);

describe('App shell', () => {
  let fixture: ComponentFixture<App>;
  let element: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(appRoutes, withComponentInputBinding()),
        { provide: TitleStrategy, useClass: PageTitleStrategy },
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        provideSignedInUser(),
      ],
    });
    fixture = TestBed.createComponent(App);
    element = fixture.nativeElement as HTMLElement;
    await answerFilterOptions();
    await fixture.whenStable();
  });

  /**
   * Navigates and lets the page settle. The shell is under test, not the pages: their data requests are
   * answered with a server error, which every page shows as its error state.
   */
  async function navigateTo(url: string): Promise<void> {
    const navigation = TestBed.inject(Router).navigateByUrl(url);
    const http = TestBed.inject(HttpTestingController);
    for (let round = 0; round < 20; round++) {
      TestBed.tick();
      await new Promise((resolve) => setTimeout(resolve));
      for (const request of http.match(() => true)) {
        request.flush({ message: 'not under test' }, { status: 500, statusText: 'Server Error' });
      }
    }
    await navigation;
    await fixture.whenStable();
  }

  it('has the product name and a link to every page', () => {
    expect(element.querySelector('.product-name')?.textContent?.trim()).toBe('IOP Outcomes');
    const links = Array.from(element.querySelectorAll<HTMLAnchorElement>('nav a')).map((link) => [
      link.textContent?.trim(),
      link.getAttribute('href'),
    ]);
    expect(links).toEqual([
      ['Overview', '/overview'],
      ['Evidence board', '/evidence'],
      ['Retention', '/retention'],
      ['Attendance & compliance', '/attendance'],
      ['Cost-effectiveness', '/costs'],
      ['Quality measures', '/quality'],
      ['Reports', '/reports'],
      ['Admin', '/admin'],
    ]);
  });

  it('opens the overview by default', async () => {
    await navigateTo('/');

    expect(TestBed.inject(Router).url).toBe('/overview');
    expect(document.title).toBe('Overview · IOP Outcomes');
    expect(element.querySelector('h1')?.textContent).toBe('Overview');
  });

  it('opens the Reports page, titled from the route and current in the navigation', async () => {
    await navigateTo('/reports');

    expect(document.title).toBe('Reports · IOP Outcomes');
    expect(element.querySelector('h1')?.textContent).toBe('Reports');
    const current = element.querySelector('nav a[aria-current="page"]');
    expect(current?.textContent?.trim()).toBe('Reports');
  });

  it('shows the filter bar above the page', async () => {
    await navigateTo('/retention?groupBy=payer');

    const main = element.querySelector('main');
    expect(main?.firstElementChild?.tagName.toLowerCase()).toBe('iop-filter-bar');
    expect(element.querySelector('iop-filter-bar section')?.getAttribute('aria-labelledby')).toBe('filter-bar-heading');
  });
});
