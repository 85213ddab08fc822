import type { FilterOptionsResponse, RetentionResponse } from '@iop/contracts';
import { readFile } from 'node:fs/promises';
import { expectedCount, expectedPercent } from './support/expected-format';
import { expectNoSeriousAccessibilityViolations, saveLightAndDarkScreenshots } from './support/page-checks';
import { expect, test } from './support/test';

const episodesOf = (response: RetentionResponse) => response.curves.reduce((sum, curve) => sum + curve.episodes, 0);
/** The data table holds one row per group per 30-day mark, from day 0 to the group's last time. */
const tableRowsOf = (response: RetentionResponse) =>
  response.curves.reduce((sum, curve) => sum + Math.floor((curve.steps.at(-1)?.time ?? 0) / 30) + 1, 0);
const decimal = (value: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(value);

test.describe('Retention', () => {
  test('shows the curves, medians and log-rank test the API returns', async ({ page, request, consoleErrors }) => {
    const response = (await (await request.get('/api/v1/retention')).json()) as RetentionResponse;
    expect(response.groupBy).toBe('levelOfCare');
    expect(response.curves.length).toBeGreaterThan(1);

    await page.goto('/retention');
    await expect(page).toHaveTitle(/Retention/);
    await expect(page.getByTestId('km-line')).toHaveCount(response.curves.length);
    await expect(page.getByTestId('km-reference')).toContainText('Day 90');
    await expect(page.getByTestId('frame-sample')).toHaveText(`n = ${expectedCount(episodesOf(response))} episodes`);

    const rows = page.getByTestId('retention-summary-row');
    await expect(rows).toHaveCount(response.curves.length);
    const first = response.curves[0];
    await expect(rows.first().locator('th')).toHaveText(first.label);
    // The demo's curves all reach day 90 and differ enough for a log-rank test.
    expect(first.atReference).not.toBeNull();
    await expect(page.getByTestId('retention-at-reference').first()).toContainText(
      expectedPercent(first.atReference?.survival as number),
    );
    const median = first.median.estimate;
    await expect(page.getByTestId('retention-median').first()).toContainText(
      median === null ? 'not reached' : `${expectedCount(median)} days`,
    );
    expect(response.logRank).not.toBeNull();
    const logRank = response.logRank as NonNullable<typeof response.logRank>;
    await expect(page.getByTestId('retention-log-rank')).toContainText(
      `χ² = ${decimal(logRank.chiSquare)}, df = ${logRank.df}`,
    );
    // The number at risk at day 0 is every episode of the group.
    await expect(page.getByTestId('km-at-risk-row').first().locator('td').first()).toHaveText(
      expectedCount(first.steps[0].atRisk),
    );

    expect(consoleErrors).toEqual([]);
  });

  test('a filter and the group-by selector change the numbers and the URL', async ({
    page,
    request,
    consoleErrors,
  }) => {
    const options = (await (await request.get('/api/v1/filters/options')).json()) as FilterOptionsResponse;
    const level = options.levelsOfCare[0].key;
    const all = (await (await request.get('/api/v1/retention')).json()) as RetentionResponse;
    const filtered = (await (
      await request.get(`/api/v1/retention?levelOfCare=${encodeURIComponent(level)}`)
    ).json()) as RetentionResponse;
    expect(episodesOf(filtered)).toBeLessThan(episodesOf(all));

    await page.goto(`/retention?levelOfCare=${encodeURIComponent(level)}`);
    await expect(page.getByTestId('frame-sample')).toHaveText(`n = ${expectedCount(episodesOf(filtered))} episodes`);

    const byPayer = (await (
      await request.get(`/api/v1/retention?groupBy=payer&levelOfCare=${encodeURIComponent(level)}`)
    ).json()) as RetentionResponse;
    await page.getByRole('combobox', { name: 'Split the curves by' }).click();
    await page.getByRole('option', { name: 'Payer' }).click();
    await expect(page).toHaveURL(/[?&]groupBy=payer(&|$)/);
    await expect(page).toHaveURL(new RegExp(`[?&]levelOfCare=${level.replace('.', '\\.')}(&|$)`));
    await expect(page.getByTestId('retention-summary-row')).toHaveCount(byPayer.curves.length);
    await expect(page.getByTestId('km-line')).toHaveCount(byPayer.curves.length);

    // The landmark grouping counts time from day 28, so the reference line stands at day 62 of its axis.
    await page.goto('/retention?groupBy=groupTercile');
    await expect(page.getByTestId('km-svg')).toContainText('Days since day 28');

    expect(consoleErrors).toEqual([]);
  });

  test('the table view and the CSV hold the numbers behind the curves', async ({ page, request, consoleErrors }) => {
    const response = (await (await request.get('/api/v1/retention')).json()) as RetentionResponse;
    await page.goto('/retention');
    await expect(page.getByTestId('km-svg')).toBeVisible();

    await page.getByTestId('frame-show-table').click();
    const tableRows = page.getByTestId('frame-table').locator('tbody tr');
    await expect(tableRows).toHaveCount(tableRowsOf(response));
    const first = response.curves[0];
    // Day 0: everyone at risk, all still engaged.
    await expect(tableRows.first().locator('td')).toHaveText([
      first.label,
      '0',
      '100.0%',
      '—',
      '—',
      expectedCount(first.steps[0].atRisk),
    ]);

    const downloading = page.waitForEvent('download');
    await page.getByTestId('frame-download-csv').click();
    const download = await downloading;
    const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\n');
    expect(lines).toHaveLength(tableRowsOf(response) + 1);
    expect(lines[0]).toBe('Level of care,Day,Still engaged,95% CI lower,95% CI upper,At risk');
    expect(lines[1]).toBe(`${first.label},0,1,,,${first.steps[0].atRisk}`);

    expect(consoleErrors).toEqual([]);
  });

  test('is accessible, fits a phone, and is saved in light and dark', async ({ page, consoleErrors }, testInfo) => {
    await page.goto('/retention');
    await expect(page.getByTestId('km-svg')).toBeVisible();
    await expect(page.getByTestId('retention-summary')).toBeVisible();
    await expectNoSeriousAccessibilityViolations(page);
    await saveLightAndDarkScreenshots(page, testInfo, 'retention');

    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.getByTestId('km-svg')).toHaveAttribute('width', /^[1-3]\d{2}$/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await saveLightAndDarkScreenshots(page, testInfo, 'retention-phone');

    expect(consoleErrors).toEqual([]);
  });
});
