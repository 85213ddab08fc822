import type { Page, TestInfo } from '@playwright/test';
import type { RateValue, SummaryResponse } from '@iop/contracts';
import { expectedCalendarDate, expectedCount, expectedPercent } from './support/expected-format';
import { expect, test } from './support/test';

async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  // The pointer off the page, so that no hover state (the theme toggle's) shows in the picture.
  await page.mouse.move(0, 0);
  // Finished animations (the chart's fade-in) so that the picture shows the page at rest.
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

test.describe('Overview', () => {
  test('opens cleanly and shows exactly the numbers the API returns', async ({ page, request, consoleErrors }) => {
    const response = await request.get('/api/v1/metrics/summary');
    expect(response.status()).toBe(200);
    const summary = (await response.json()) as SummaryResponse;
    // The seeded demo network is large enough that nothing on the overview is empty or suppressed.
    expect(summary.episodes).toBeGreaterThan(0);
    expect(summary.asOf).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(summary.attendanceRate).not.toHaveProperty('suppressed');
    const attendance = summary.attendanceRate as RateValue;
    expect(attendance.rate).toEqual(expect.any(Number));

    await page.goto('/');

    await expect(page).toHaveURL(/\/overview$/);
    await expect(page).toHaveTitle('Overview · IOP Outcomes');
    await expect(page.getByTestId('kpi-episodes')).toHaveText(expectedCount(summary.episodes));
    await expect(page.getByTestId('kpi-active')).toHaveText(expectedCount(summary.activeEpisodes));
    await expect(page.getByTestId('kpi-attendance-rate')).toHaveText(expectedPercent(attendance.rate ?? NaN));
    await expect(page.getByTestId('as-of')).toHaveText(expectedCalendarDate(summary.asOf ?? ''));
    await expect(page.getByTestId('chart-sample')).toHaveText(
      `n = ${expectedCount(attendance.denominator)} appointments`,
    );

    // The table view holds the chart's numbers: attended is the numerator, missed the rest.
    await page.getByTestId('show-table').click();
    await expect(page.getByTestId('chart-table').locator('tr')).toHaveText([
      /Appointments\s*Count/,
      new RegExp(`Attended\\s*${expectedCount(attendance.numerator)}$`),
      new RegExp(`Missed\\s*${expectedCount(attendance.denominator - attendance.numerator)}$`),
      new RegExp(`Total\\s*${expectedCount(attendance.denominator)}$`),
    ]);

    expect(consoleErrors).toEqual([]);
  });

  test('is saved as a screenshot in the light and the dark theme', async ({ page, consoleErrors }, testInfo) => {
    await page.goto('/overview');
    await expect(page.getByTestId('kpi-episodes')).toBeVisible();
    await expect(page.getByTestId('chart')).toBeVisible();
    await expect(page.locator('html')).toHaveCSS('color-scheme', 'light');
    await saveScreenshot(page, testInfo, 'overview-light');

    await page.getByTestId('theme-toggle').click();
    await expect(page.locator('html')).toHaveCSS('color-scheme', 'dark');
    await saveScreenshot(page, testInfo, 'overview-dark');

    expect(consoleErrors).toEqual([]);
  });
});
