import type { Benchmark, BenchmarksResponse, ProgramTarget, SummaryResponse } from '@iop/contracts';
import type { Page } from '@playwright/test';
import type { AsAdminSees } from './support/expected-format';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './support/demo-accounts';
import { expectNoSeriousAccessibilityViolations, saveLightAndDarkScreenshots } from './support/page-checks';
import { expect, test } from './support/test';

/** Runs axe in the light scheme and again in the dark one (the shell's toggle), and leaves the page light. */
async function expectAccessibleLightAndDark(page: Page): Promise<void> {
  const toggle = page.getByTestId('theme-toggle');
  for (const scheme of ['light', 'dark'] as const) {
    if ((await toggle.getAttribute('aria-pressed')) !== String(scheme === 'dark')) await toggle.click();
    await expect(page.locator('html')).toHaveCSS('color-scheme', scheme);
    await expectNoSeriousAccessibilityViolations(page);
  }
  await toggle.click();
  await expect(page.locator('html')).toHaveCSS('color-scheme', 'light');
}

/** The status word the cards give a completion rate against a higher-is-better reference, at their precision. */
async function completionStatusAgainst(page: Page, reference: number, query = ''): Promise<'meets' | 'below'> {
  const summary = (await (
    await page.request.get(`/api/v1/metrics/summary${query}`)
  ).json()) as AsAdminSees<SummaryResponse>;
  const rate = summary.completionRate.rate ?? Number.NaN;
  return Math.round(rate * 1000) >= Math.round(reference * 1000) ? 'meets' : 'below';
}

/**
 * Each test runs axe four to six times and saves screenshots, on pages that load a dozen answers: well within the
 * default 30 s alone, not on a machine shared with other suites. The first look at a page waits as long.
 */
const SLOW_TEST_MS = 180_000;
const PAGE_LOAD = { timeout: 30_000 };

const withoutMeta = ({ metric, value, direction, source, year, comparable, notComparableReason }: Benchmark) => ({
  metric,
  value,
  direction,
  source,
  year,
  comparable,
  notComparableReason,
});

test.describe('Benchmarks on the Admin page', () => {
  test("the admin edits a benchmark's value and the Overview card shows it, axe-clean light and dark", async ({
    page,
    consoleErrors,
  }, testInfo) => {
    test.setTimeout(SLOW_TEST_MS);
    const listed = (await (await page.request.get('/api/v1/benchmarks')).json()) as BenchmarksResponse;
    const completion = listed.benchmarks.find((benchmark) => benchmark.metric === 'completionRate');
    expect(completion).toMatchObject({ value: 0.3768, comparable: true, year: 2004 });
    const original = completion as Benchmark;
    const expectedStatus = await completionStatusAgainst(page, 0.45);

    try {
      await page.goto('/admin');
      const row = page.getByTestId('benchmark-row').filter({ hasText: 'Completion rate' });
      await expect(row).toHaveCount(1, PAGE_LOAD);
      await expect(row.locator('td').nth(1)).toHaveText('37.7%');
      await expect(row.locator('td').nth(3)).toHaveText('2004');
      await expectAccessibleLightAndDark(page);

      await row.getByTestId('benchmark-edit').click();
      await expect(page.getByTestId('benchmark-value')).toHaveValue('37.68');
      await page.getByTestId('benchmark-value').fill('45');
      await expectAccessibleLightAndDark(page);
      const saving = page.waitForResponse(
        (response) =>
          response.url().endsWith(`/api/v1/benchmarks/${original.id}`) && response.request().method() === 'PUT',
      );
      await page.getByTestId('benchmark-save').click();
      expect((await saving).status()).toBe(200);
      await expect(page.getByTestId('benchmarks-notice')).toHaveText('Saved the benchmark for Completion rate (2004).');
      await expect(row.locator('td').nth(1)).toHaveText('45.0%');
      await saveLightAndDarkScreenshots(page, testInfo, 'admin-benchmarks');

      // Within the app, so that the benchmarks it read before the change are the ones that must have been reloaded.
      await page
        .getByRole('navigation', { name: 'Pages' })
        .getByRole('link', { name: 'Overview', exact: true })
        .click();
      await expect(page).toHaveURL(/\/overview$/);
      await expect(page.getByTestId('kpi-completion-benchmark')).toContainText(
        `Benchmark 45.0%: ${expectedStatus}`,
        PAGE_LOAD,
      );
      await expect(page.getByTestId('kpi-completion-benchmark')).toHaveAttribute('data-status', expectedStatus);
    } finally {
      // The demo database is shared with the other specs: the seeded figure goes back.
      const restored = await page.request.put(`/api/v1/benchmarks/${original.id}`, { data: withoutMeta(original) });
      expect(restored.status()).toBe(200);
    }
    expect(consoleErrors).toEqual([]);
  });
});

test.describe('Targets for a director', () => {
  // Signed in as the director, unlike the rest of the suite.
  test.use({ storageState: { cookies: [], origins: [] } });

  test('a director sets a target for one of their programs and sees it on the Overview card, axe-clean', async ({
    page,
    consoleErrors,
  }, testInfo) => {
    test.setTimeout(SLOW_TEST_MS);
    const login = await page.request.post('/api/v1/auth/login', {
      data: { email: DEMO_ACCOUNTS.director, password: DEMO_PASSWORD },
    });
    expect(login.status()).toBe(200);
    let programId: number | undefined;
    let targetSet = false;

    try {
      await page.goto('/overview');
      const navigation = page.getByRole('navigation', { name: 'Pages' });
      await expect(navigation.getByRole('link', { name: 'Targets', exact: true })).toBeVisible(PAGE_LOAD);
      await expect(navigation.getByRole('link', { name: 'Admin', exact: true })).toHaveCount(0);
      await navigation.getByRole('link', { name: 'Targets', exact: true }).click();
      await expect(page).toHaveURL(/\/targets$/);
      await expect(page).toHaveTitle('Targets · IOP Outcomes');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Targets');

      const overviewLink = page.getByTestId('targets-overview');
      await expect(overviewLink).toHaveAttribute('href', /\/overview\?programId=\d+$/, PAGE_LOAD);
      programId = Number(/programId=(\d+)/.exec((await overviewLink.getAttribute('href')) ?? '')?.[1]);
      const row = page.getByTestId('target-row').filter({ hasText: 'Completion rate' });
      await expect(row.getByTestId('target-cell')).toHaveText('No target');
      await expect(row.locator('td').nth(1)).toHaveText('37.7% (2004)');
      await expectAccessibleLightAndDark(page);

      await row.getByTestId('target-edit').click();
      await page.getByTestId('target-value').fill('50');
      await expectAccessibleLightAndDark(page);
      const saving = page.waitForResponse(
        (response) =>
          response.url().endsWith(`/api/v1/benchmarks/targets/${programId}/completionRate`) &&
          response.request().method() === 'PUT',
      );
      await page.getByTestId('target-save').click();
      const response = await saving;
      expect(response.status()).toBe(200);
      targetSet = true;
      expect((await response.json()) as ProgramTarget).toMatchObject({
        programId,
        metric: 'completionRate',
        value: 0.5,
        direction: 'higher',
        setBy: DEMO_ACCOUNTS.director,
      });
      await expect(row.getByTestId('target-cell')).toHaveText('50.0%, higher is better');
      await saveLightAndDarkScreenshots(page, testInfo, 'targets');

      const expectedStatus = await completionStatusAgainst(page, 0.5, `?programId=${programId}`);
      await overviewLink.click();
      await expect(page).toHaveURL(new RegExp(`/overview\\?programId=${programId}$`));
      await expect(page.getByTestId('kpi-completion-target')).toContainText(
        `Target 50.0%: ${expectedStatus}`,
        PAGE_LOAD,
      );
    } finally {
      // The demo database is shared with the other specs: the target goes again.
      if (targetSet && programId !== undefined) {
        const cleared = await page.request.delete(`/api/v1/benchmarks/targets/${programId}/completionRate`);
        expect(cleared.status()).toBe(204);
      }
    }
    expect(consoleErrors).toEqual([]);
  });
});
