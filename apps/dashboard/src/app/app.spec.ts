import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router, TitleStrategy, withComponentInputBinding } from '@angular/router';
import { App } from './app';
import { appRoutes } from './app.routes';
import type { DataStatus, UserRole } from '@iop/contracts';
import { provideSignedInUser, testUser } from './data-access/auth/testing/signed-in-session';
import { PageTitleStrategy } from './page-title-strategy';
import { ALERTS_PATHS } from './data-access/api/alerts-api';
import { DATA_PATHS } from './data-access/api/data-api';
import { FILTERS_PATHS } from './data-access/api/filters-api';
import { DataStatusState } from './data-access/data-status/data-status-state';

const NO_FILTER_OPTIONS = {
  programs: [],
  counselors: [],
  levelsOfCare: [],
  payers: [],
  substances: [],
  ageBands: [],
  admitDateRange: { from: null, to: null },
};

/** Data imported from a program's own system. */
const IMPORTED: DataStatus = {
  asOf: '2026-06-30',
  loadedAt: '2026-07-02T08:00:00.000Z',
  source: 'kipu-east',
  synthetic: false,
};
const SYNTHETIC: DataStatus = {
  ...IMPORTED,
  loadedAt: '2026-07-01T06:00:00.000Z',
  source: 'synthetic',
  synthetic: true,
};

/**
 * What the shell asks for as it starts: the data status and the bell's unread count (once signed in) and, from
 * the filter bar it imports after its first render, the filter options.
 */
async function answerStartRequests(status: DataStatus, unread = 0): Promise<void> {
  const http = TestBed.inject(HttpTestingController);
  let options = false;
  let dataStatus = false;
  let unreadCount = false;
  for (let attempt = 0; attempt < 20 && !(options && dataStatus && unreadCount); attempt++) {
    TestBed.tick();
    for (const request of http.match(ALERTS_PATHS.unreadCount)) {
      request.flush({ unread });
      unreadCount = true;
    }
    for (const request of http.match(FILTERS_PATHS.options)) {
      request.flush(NO_FILTER_OPTIONS);
      options = true;
    }
    for (const request of http.match(DATA_PATHS.status)) {
      request.flush(status);
      dataStatus = true;
    }
    await new Promise((resolve) => setTimeout(resolve));
  }
  if (!options || !dataStatus || !unreadCount) {
    throw new Error('The shell did not ask for the filter options, the data status and the unread count.');
  }
}

// A navigation loads a lazy page and compiles its components just in time: well under jest's 5 s alone, but
// four times that on a machine busy with other suites.
jest.setTimeout(30_000);

describe('App shell', () => {
  let fixture: ComponentFixture<App>;
  let element: HTMLElement;

  async function startShell(status: DataStatus = IMPORTED, role: UserRole = 'admin', unread = 0): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(appRoutes, withComponentInputBinding()),
        { provide: TitleStrategy, useClass: PageTitleStrategy },
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        provideSignedInUser(testUser(role)),
      ],
    });
    fixture = TestBed.createComponent(App);
    element = fixture.nativeElement as HTMLElement;
    await answerStartRequests(status, unread);
    await fixture.whenStable();
  }
  const textOf = (testId: string) =>
    element.querySelector(`[data-testid="${testId}"]`)?.textContent?.replace(/\s+/g, ' ').trim();

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

  it('has the product name and a link to every page', async () => {
    await startShell();
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
      ['Early warning', '/early-warning'],
      ['Reports', '/reports'],
      ['Notes', '/notes'],
      ['Alerts', '/alerts'],
      ['Targets', '/targets'],
      ['Data', '/data'],
      ['Admin', '/admin'],
    ]);
  });

  it("shows the signed-in user's unread notifications on the toolbar's bell, linking to their list", async () => {
    await startShell(IMPORTED, 'director', 3);
    fixture.detectChanges();
    const bell = element.querySelector('[data-testid="notification-bell"]');
    expect(bell?.getAttribute('href')).toBe('/notifications');
    expect(bell?.getAttribute('aria-label')).toBe('Notifications, 3 unread');
    expect(textOf('notification-count')).toBe('3');
  });

  it('opens the overview by default', async () => {
    await startShell();
    await navigateTo('/');

    expect(TestBed.inject(Router).url).toBe('/overview');
    expect(document.title).toBe('Overview · IOP Outcomes');
    expect(element.querySelector('h1')?.textContent).toBe('Overview');
  });

  it('opens the Reports page, titled from the route and current in the navigation', async () => {
    await startShell();
    await navigateTo('/reports');

    expect(document.title).toBe('Reports · IOP Outcomes');
    expect(element.querySelector('h1')?.textContent).toBe('Reports');
    const current = element.querySelector('nav a[aria-current="page"]');
    expect(current?.textContent?.trim()).toBe('Reports');
  });

  it('shows the filter bar above the page', async () => {
    await startShell();
    await navigateTo('/retention?groupBy=payer');

    const main = element.querySelector('main');
    expect(main?.firstElementChild?.tagName.toLowerCase()).toBe('iop-filter-bar');
    expect(element.querySelector('iop-filter-bar section')?.getAttribute('aria-labelledby')).toBe('filter-bar-heading');
  });

  it('opens the Data page for an admin', async () => {
    await startShell();
    await navigateTo('/data');

    expect(document.title).toBe('Data · IOP Outcomes');
    expect(element.querySelector('h1')?.textContent).toBe('Data');
    expect(element.querySelector('nav a[aria-current="page"]')?.textContent?.trim()).toBe('Data');
  });

  it('offers a director neither the Data page nor its link', async () => {
    await startShell(IMPORTED, 'director');
    const links = Array.from(element.querySelectorAll('nav a')).map((link) => link.textContent?.trim());
    expect(links).not.toContain('Data');
    expect(links).not.toContain('Admin');
    expect(links).toContain('Targets');

    await navigateTo('/data');
    expect(TestBed.inject(Router).url).toBe('/overview');
  });

  it('states the data’s as-of date and last load above pages that do not state it themselves', async () => {
    await startShell();
    await navigateTo('/reports');
    expect(textOf('data-as-of')).toBe('Data as of Jun 30, 2026, last loaded Jul 2, 2026, 8:00 AM UTC from kipu-east');
    expect(element.querySelector('[data-testid="data-as-of"] time')?.getAttribute('datetime')).toBe('2026-06-30');
    expect(element.querySelector('[data-testid="data-loaded-at"]')?.getAttribute('datetime')).toBe(
      '2026-07-02T08:00:00.000Z',
    );
    expect(element.querySelector('[data-testid="synthetic-banner"]')).toBeNull();

    // The overview states it in its own header (when its numbers have loaded).
    await navigateTo('/overview');
    expect(element.querySelector('[data-testid="data-as-of"]')).toBeNull();
  });

  it('says on every page that the data is generated, until real data is loaded', async () => {
    await startShell(SYNTHETIC);
    await navigateTo('/reports');
    const banner = element.querySelector('[data-testid="synthetic-banner"]');
    expect(banner?.getAttribute('role')).toBe('status');
    expect(textOf('synthetic-banner')).toBe(
      "Demonstration data: this is a generated network, not a real program's records.",
    );
    expect(textOf('data-as-of')).toBe(
      'Data as of Jun 30, 2026, last loaded Jul 1, 2026, 6:00 AM UTC from the demonstration generator',
    );
    await navigateTo('/admin');
    expect(element.querySelector('[data-testid="synthetic-banner"]')).not.toBeNull();

    // An import wrote the program's own data.
    TestBed.inject(DataStatusState).reload();
    TestBed.inject(HttpTestingController).expectOne(DATA_PATHS.status).flush(IMPORTED);
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
    expect(element.querySelector('[data-testid="synthetic-banner"]')).toBeNull();
    expect(textOf('data-as-of')).toBe('Data as of Jun 30, 2026, last loaded Jul 2, 2026, 8:00 AM UTC from kipu-east');
  });
});
