import type { EarlyWarningResponse } from '@iop/contracts';
import type { Page } from '@playwright/test';
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

/** The C-statistic as the page writes it, worked out independently of the app: two places. */
const expectedC = ({ estimate, lower, upper }: { estimate: number; lower: number; upper: number }) =>
  `${estimate.toFixed(2)} (95% CI ${lower.toFixed(2)}–${upper.toFixed(2)})`;

test.describe('Early warning', () => {
  test('the list and its validation match the API, sort, filter by counselor and are axe-clean light and dark', async ({
    page,
    consoleErrors,
  }, testInfo) => {
    // The first request of a fresh database fits the model, and axe runs in both schemes on a long table.
    test.setTimeout(240_000);
    const response = await page.request.get('/api/v1/early-warning');
    expect(response.status()).toBe(200);
    const answer = (await response.json()) as EarlyWarningResponse;
    // The demo network holds months of history after the cut-off: the validation is there.
    expect(answer.validation).not.toBeNull();
    expect(answer.rows.length).toBeGreaterThan(0);
    const validation = answer.validation as NonNullable<EarlyWarningResponse['validation']>;

    await page.goto('/early-warning');
    await expect(page).toHaveTitle('Early warning · IOP Outcomes');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Early warning');
    await expect(page.getByTestId('early-warning-c-statistic')).toHaveText(expectedC(validation.cStatistic));
    await expect(page.getByTestId('early-warning-statement')).toHaveText(answer.statement);
    await expect(page.getByTestId('early-warning-calibration-chart')).toBeVisible();
    await expect(page.getByTestId('early-warning-count')).toHaveText(
      `${answer.rows.length} active ${answer.rows.length === 1 ? 'patient' : 'patients'}`,
    );
    // The first page of the table, in the API's order (highest risk first).
    const keys = page.getByTestId('early-warning-row').locator('td:first-child');
    await expect(keys).toHaveCount(Math.min(25, answer.rows.length));
    await expect(keys.first()).toHaveText(answer.rows[0].patientKey);

    // The calibration chart's data table holds the ten deciles.
    await page.getByTestId('early-warning-calibration-toggle').click();
    await expect(page.getByTestId('early-warning-calibration-table').locator('tbody tr')).toHaveCount(
      validation.calibration.length,
    );

    // Sorting by week puts the earliest week first.
    await page.getByRole('columnheader', { name: 'Week' }).click();
    const earliest = Math.min(...answer.rows.map((row) => row.weekOfTreatment));
    await expect(page.getByTestId('early-warning-row').first().locator('td').nth(3)).toHaveText(String(earliest));

    // One counselor's patients, and the downloads follow the choice.
    const counselor = answer.rows.find((row) => row.counselorId !== null);
    if (counselor) {
      await page.getByTestId('early-warning-counselor').click();
      await page.getByRole('option', { name: counselor.counselorName as string, exact: true }).click();
      const theirs = answer.rows.filter((row) => row.counselorId === counselor.counselorId).length;
      await expect(page.getByTestId('early-warning-count')).toHaveText(
        `${theirs} active ${theirs === 1 ? 'patient' : 'patients'}`,
      );
      await expect(page.getByTestId('early-warning-csv')).toHaveAttribute(
        'href',
        new RegExp(`counselorId=${counselor.counselorId}`),
      );
    }

    await expectAccessibleLightAndDark(page);
    await saveLightAndDarkScreenshots(page, testInfo, 'early-warning');
    expect(consoleErrors).toEqual([]);
  });
});
