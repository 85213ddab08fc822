import type { FilterOptionsResponse, SummaryResponse } from '@iop/contracts';
import type { Page } from '@playwright/test';
import type { AsAdminSees } from './support/expected-format';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './support/demo-accounts';
import { expectNoSeriousAccessibilityViolations, saveLightAndDarkScreenshots } from './support/page-checks';
import { expect, test } from './support/test';

// These start signed out, unlike the rest of the suite.
test.use({ storageState: { cookies: [], origins: [] } });

const ANALYST_PAGES = ['Overview', 'Evidence board', 'Retention', 'Attendance & compliance', 'Cost-effectiveness'];
const PAYER_PAGES = ['Overview', 'Cost-effectiveness', 'Quality measures', 'Reports', 'Notes', 'Alerts'];

async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

async function navigationLinks(page: Page): Promise<string[]> {
  return page.getByRole('navigation', { name: 'Pages' }).getByRole('link').allInnerTexts();
}

interface ExactRate {
  numerator: number;
  denominator: number;
  rate: number | null;
}

const SMALL_CANDIDATES = ['ageBand=65%2B', 'ageBand=13-17', 'ageBand=55-64', 'payer=medicare', 'payer=self_pay'];

/**
 * A selection of more than 10 episodes whose completion rate rests on 1-10 (numerator, denominator or the
 * non-completers), found from the signed-in user's own answers: the demo data decide which one it is.
 */
async function selectionWithSmallCompletionRate(page: Page): Promise<{ query: string; completion: ExactRate }> {
  const isSmall = (count: number) => count >= 1 && count <= 10;
  for (const query of SMALL_CANDIDATES) {
    const summary = (await (await page.request.get(`/api/v1/metrics/summary?${query}`)).json()) as {
      episodes: number;
      completionRate: ExactRate;
    };
    const completion = summary.completionRate;
    const counts = [completion.numerator, completion.denominator, completion.denominator - completion.numerator];
    if (summary.episodes > 10 && counts.some(isSmall)) return { query, completion };
  }
  throw new Error(`none of ${SMALL_CANDIDATES.join(', ')} gives a small completion rate`);
}

test.describe('Signing in and what each role sees', () => {
  test('a first visit to the sign-in page logs no error: the session check answers 200 signed out', async ({
    page,
    consoleErrors,
  }) => {
    const sessionAnswer = page.waitForResponse((response) => response.url().endsWith('/api/v1/auth/session'));
    await page.goto('/login');
    const answer = await sessionAnswer;
    expect(answer.status()).toBe(200);
    expect(await answer.json()).toEqual({ user: null, canRefresh: false });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
    await expect(page.getByTestId('login-submit')).toBeEnabled();
    expect(consoleErrors).toEqual([]);
  });

  test('a signed-out visitor is sent to sign-in and, signed in as the director, lands on the page asked for', async ({
    page,
    consoleErrors,
  }, testInfo) => {
    await page.goto('/retention?groupBy=payer');
    await expect(page).toHaveURL(/\/login\?returnUrl=%2Fretention%3FgroupBy%3Dpayer$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
    await expectNoSeriousAccessibilityViolations(page);
    await saveLightAndDarkScreenshots(page, testInfo, 'login');
    expect(consoleErrors).toEqual([]);

    await signIn(page, DEMO_ACCOUNTS.director, 'not the password');
    await expect(page.getByTestId('login-problem')).toHaveText('The e-mail or the password is not right.');

    await signIn(page, DEMO_ACCOUNTS.director);
    await expect(page).toHaveURL(/\/retention\?groupBy=payer$/);
    await expect(page.getByTestId('signed-in-role')).toHaveText('Director');
    expect(await navigationLinks(page)).toEqual(expect.arrayContaining(ANALYST_PAGES));

    // The director's scope: two of the IOP programs, so fewer episodes than the whole network.
    const mine = (await (await page.request.get('/api/v1/metrics/summary')).json()) as AsAdminSees<SummaryResponse>;
    const options = (await (await page.request.get('/api/v1/filters/options')).json()) as FilterOptionsResponse;
    expect(options.programs).toHaveLength(2);
    expect(mine.episodes).toBeGreaterThan(0);
    // The refused password is the only 401: the browser logs the failed sign-in request.
    expect(consoleErrors.filter((error) => !error.includes('401'))).toEqual([]);
  });

  test('the director sees exact small counts, marked "Small count"', async ({ page }) => {
    await page.goto('/overview');
    await signIn(page, DEMO_ACCOUNTS.director);
    await expect(page.getByTestId('signed-in-role')).toHaveText('Director');

    const chosen = await selectionWithSmallCompletionRate(page);
    await page.goto(`/overview?${chosen.query}`);
    const expectedPercent = `${((chosen.completion.rate ?? NaN) * 100).toFixed(1)}%`;
    await expect(page.getByTestId('kpi-completion')).toHaveText(expectedPercent);
    await expect(page.getByTestId('kpi-completion-small-cell')).toContainText(
      'Small count Fewer than 11 episodes: exact for you, withheld from payers.',
    );
    // More than 10 episodes: the count itself is not marked.
    await expect(page.getByTestId('kpi-episodes-small-cell')).toHaveCount(0);
  });

  test('the payer sees only aggregate pages, is kept away from the others, and never sees a patient key', async ({
    page,
  }) => {
    await page.goto('/login');
    await signIn(page, DEMO_ACCOUNTS.payer);
    await expect(page).toHaveURL(/\/overview$/);
    await expect(page.getByTestId('signed-in-role')).toHaveText('Payer');
    expect(await navigationLinks(page)).toEqual(PAYER_PAGES);

    await page.goto('/evidence');
    await expect(page).toHaveURL(/\/overview$/);
    expect((await page.request.get('/api/v1/evidence')).status()).toBe(403);
    expect((await page.request.get('/api/v1/retention?groupBy=levelOfCare')).status()).toBe(403);

    for (const path of ['/overview', '/costs']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.locator('body')).not.toContainText(/SYN\d{7}/);
    }

    // Quality measures: the cards and the chosen measure's breakdown, but no patient drill-down and no patient key.
    await page.goto('/quality?measure=iet-initiation');
    await expect(page.getByTestId('quality-rate-iet-initiation')).toBeVisible();
    await expect(page.getByTestId('quality-trend-frame')).toBeVisible();
    await expect(page.getByTestId('quality-patients')).toHaveCount(0);
    await expect(page.getByTestId('quality-patients-open')).toHaveCount(0);
    await expect(page.locator('body')).not.toContainText(/SYN\d{7}/);
    expect(
      (await page.request.get('/api/v1/quality/measures/iet-initiation/patients?population=numerator')).status(),
    ).toBe(403);
  });

  test('quality sees the analysis pages; signing out ends the session', async ({ page }) => {
    await page.goto('/login');
    await signIn(page, DEMO_ACCOUNTS.quality);
    await expect(page.getByTestId('signed-in-role')).toHaveText('Quality');
    expect(await navigationLinks(page)).toEqual(expect.arrayContaining(ANALYST_PAGES));

    await page.getByTestId('sign-out').click();
    await expect(page).toHaveURL(/\/login$/);
    expect((await page.request.get('/api/v1/auth/me')).status()).toBe(401);
    await page.goto('/overview');
    await expect(page).toHaveURL(/\/login\?returnUrl=%2Foverview$/);
  });
});
