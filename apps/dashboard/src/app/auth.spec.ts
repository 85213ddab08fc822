import { HttpClient, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { AUTH_PATHS } from '@iop/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthSession, safeReturnUrl } from './data-access/auth/auth-session';
import { roleAllowed, signedIn } from './auth.guards';
import { renewExpiredSession } from './data-access/auth/auth.interceptor';
import { LoginPage } from './features/sign-in/login-page';
import { testUser } from './data-access/auth/testing/signed-in-session';

@Component({ selector: 'iop-stub-page', template: 'page' })
class StubPage {}

function setUp() {
  TestBed.configureTestingModule({
    providers: [
      provideRouter(
        [
          { path: 'login', component: LoginPage },
          { path: 'overview', component: StubPage, canActivate: [signedIn] },
          {
            path: 'retention',
            component: StubPage,
            canActivate: [signedIn, roleAllowed],
            data: { roles: ['director'] },
          },
        ],
        withComponentInputBinding(),
      ),
      provideHttpClient(withInterceptors([renewExpiredSession])),
      provideHttpClientTesting(),
      provideNoopAnimations(),
    ],
  });
  return { http: TestBed.inject(HttpTestingController), router: TestBed.inject(Router) };
}

/** Lets pending promises and the router run, then returns the open requests matching the URL. */
async function settle(http: HttpTestingController, url: string) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const requests = http.match(url);
    if (requests.length) return requests;
    await new Promise((resolve) => setTimeout(resolve));
  }
  throw new Error(`no request to ${url}`);
}

describe('safeReturnUrl', () => {
  it.each([
    ['/retention?groupBy=payer', '/retention?groupBy=payer'],
    ['https://evil.example/', '/overview'],
    ['//evil.example/', '/overview'],
    ['/login?returnUrl=/x', '/overview'],
    [undefined, '/overview'],
  ])('%s -> %s', (candidate, expected) => expect(safeReturnUrl(candidate)).toBe(expected));
});

describe('signing in', () => {
  it('sends a signed-out visitor to sign-in, then back to the page they asked for', async () => {
    const { http, router } = setUp();
    const navigation = router.navigateByUrl('/overview?levelOfCare=2.1');
    (await settle(http, AUTH_PATHS.session))[0].flush({ user: null, canRefresh: false });
    await navigation;
    // No refresh cookie came, so nothing is tried that could only answer 401.
    http.expectNone(AUTH_PATHS.refresh);
    http.expectNone(AUTH_PATHS.me);
    expect(router.url).toBe('/login?returnUrl=%2Foverview%3FlevelOfCare%3D2.1');

    const fixture = TestBed.createComponent(LoginPage);
    fixture.componentRef.setInput('returnUrl', '/overview?levelOfCare=2.1');
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const type = (testId: string, value: string) => {
      const input = element.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    type('login-email', 'director@demo.local');
    type('login-password', 'wrong');
    element.querySelector<HTMLButtonElement>('[data-testid="login-submit"]')?.click();
    const refused = (await settle(http, AUTH_PATHS.login))[0];
    expect(refused.request.body).toEqual({ email: 'director@demo.local', password: 'wrong' });
    refused.flush({ message: 'no' }, { status: 401, statusText: 'Unauthorized' });
    await fixture.whenStable();
    expect(element.querySelector('[data-testid="login-problem"]')?.textContent).toBe(
      'The e-mail or the password is not right.',
    );

    type('login-password', 'right');
    element.querySelector<HTMLButtonElement>('[data-testid="login-submit"]')?.click();
    (await settle(http, AUTH_PATHS.login))[0].flush({ accessToken: 't', expiresIn: 900, user: testUser('director') });
    await fixture.whenStable();
    expect(router.url).toBe('/overview?levelOfCare=2.1');
    expect(TestBed.inject(AuthSession).user()?.role).toBe('director');
  });

  it('keeps a role away from pages it may not open, sending it to one it may', async () => {
    const { http, router } = setUp();
    const navigation = router.navigateByUrl('/retention');
    (await settle(http, AUTH_PATHS.session))[0].flush({ user: testUser('payer'), canRefresh: true });
    await navigation;
    expect(router.url).toBe('/overview');
  });
});

describe('a returning visitor whose access cookie has expired', () => {
  it('is signed in again from the refresh cookie the API says came, and lands on the page', async () => {
    const { http, router } = setUp();
    const navigation = router.navigateByUrl('/overview');
    (await settle(http, AUTH_PATHS.session))[0].flush({ user: null, canRefresh: true });
    (await settle(http, AUTH_PATHS.refresh))[0].flush({ accessToken: 't', expiresIn: 900, user: testUser('quality') });
    await navigation;
    expect(router.url).toBe('/overview');
    expect(TestBed.inject(AuthSession).user()?.role).toBe('quality');
  });

  it('goes to sign-in when the refresh cookie no longer opens a session', async () => {
    const { http, router } = setUp();
    const navigation = router.navigateByUrl('/overview');
    (await settle(http, AUTH_PATHS.session))[0].flush({ user: null, canRefresh: true });
    (await settle(http, AUTH_PATHS.refresh))[0].flush({ message: 'ended' }, { status: 401, statusText: 'No' });
    await navigation;
    expect(router.url).toBe('/login?returnUrl=%2Foverview');
  });
});

describe('an expired access token', () => {
  it('is renewed once from the refresh cookie and the request repeated', async () => {
    const { http } = setUp();
    const answer = firstValueFrom(TestBed.inject(HttpClient).get<{ episodes: number }>('/api/v1/metrics/summary'));
    (await settle(http, '/api/v1/metrics/summary'))[0].flush({ message: 'expired' }, { status: 401, statusText: 'No' });
    (await settle(http, AUTH_PATHS.refresh))[0].flush({ accessToken: 't', expiresIn: 900, user: testUser('quality') });
    (await settle(http, '/api/v1/metrics/summary'))[0].flush({ episodes: 12 });
    expect(await answer).toEqual({ episodes: 12 });
    http.verify();
  });

  it('ends at sign-in, keeping the page, when the session itself is over', async () => {
    const { http, router } = setUp();
    await router.navigateByUrl('/login');
    const answer = firstValueFrom(TestBed.inject(HttpClient).get('/api/v1/metrics/summary')).catch((error: unknown) =>
      error instanceof HttpErrorResponse ? error.status : error,
    );
    (await settle(http, '/api/v1/metrics/summary'))[0].flush({}, { status: 401, statusText: 'No' });
    (await settle(http, AUTH_PATHS.refresh))[0].flush({}, { status: 401, statusText: 'No' });
    expect(await answer).toBe(401);
    expect(TestBed.inject(AuthSession).signedIn()).toBe(false);
  });
});
