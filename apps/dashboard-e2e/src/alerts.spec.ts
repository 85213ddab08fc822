import type { AlertEvaluationResponse, AlertRule, AlertRulesResponse, NotificationsResponse } from '@iop/contracts';
import type { Page } from '@playwright/test';
import { expectNoSeriousAccessibilityViolations } from './support/page-checks';
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

test.describe('Alerts', () => {
  // The demo database is shared with the other specs: the admin's rules and notifications go again.
  test.afterEach(async ({ request }) => {
    const { rules } = (await (await request.get('/api/v1/alerts/rules')).json()) as AlertRulesResponse;
    for (const rule of rules) expect((await request.delete(`/api/v1/alerts/rules/${rule.id}`)).status()).toBe(204);
    expect((await request.post('/api/v1/notifications/read-all')).status()).toBe(204);
  });

  test('the admin adds a rule, an evaluation fires it, the bell counts it and the list shows it, axe-clean light and dark', async ({
    page,
    consoleErrors,
  }) => {
    // Four axe runs and an evaluation of every rule over the demo network: on a busy machine, more than the default.
    test.setTimeout(240_000);
    await page.goto('/alerts');
    await expect(page).toHaveTitle('Alerts · IOP Outcomes');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alerts');
    // Every network has episodes: "Episodes above 0" for all programs fires on the demo data.
    await page.getByTestId('alert-metric').click();
    await page.getByRole('option', { name: 'Episodes', exact: true }).click();
    await page.getByTestId('alert-comparison').click();
    await page.getByRole('option', { name: 'Above' }).click();
    await page.getByTestId('alert-threshold').fill('0');
    await expectAccessibleLightAndDark(page);

    const saving = page.waitForResponse(
      (response) => response.url().endsWith('/api/v1/alerts/rules') && response.request().method() === 'POST',
    );
    await page.getByTestId('alert-save').click();
    const response = await saving;
    expect(response.status()).toBe(201);
    const rule = (await response.json()) as AlertRule;
    expect(rule).toMatchObject({ metric: 'episodes', scope: 'network', comparison: 'above', threshold: 0 });
    await expect(page.getByTestId('alert-rule')).toHaveCount(1);
    await expect(page.getByTestId('alert-rule')).toContainText('Above 0');

    // What a data load does, asked for by the admin.
    const evaluation = (await (await page.request.post('/api/v1/alerts/evaluate')).json()) as AlertEvaluationResponse;
    expect(evaluation.fired).toBeGreaterThanOrEqual(1);

    await page.goto('/alerts');
    await expect(page.getByTestId('notification-count')).toHaveText('1');
    await expect(page.getByTestId('notification-bell')).toHaveAttribute('aria-label', 'Notifications, 1 unread');

    await page.getByTestId('notification-bell').click();
    await expect(page).toHaveTitle('Notifications · IOP Outcomes');
    const listed = page.getByTestId('notification');
    await expect(listed).toHaveCount(1);
    const { notifications } = (await (await page.request.get('/api/v1/notifications')).json()) as NotificationsResponse;
    expect(notifications[0]).toMatchObject({ ruleId: rule.id, metric: 'episodes', ci95: null });
    await expect(listed.first()).toContainText(notifications[0].message);
    await expectAccessibleLightAndDark(page);

    await page.getByTestId('notification-read').click();
    await expect(page.getByTestId('notification-count')).toHaveCount(0);
    await expect(page.getByTestId('notifications-unread')).toHaveText('0 unread');
    expect(consoleErrors).toEqual([]);
  });
});
