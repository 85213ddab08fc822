import type { FilterOptionsResponse, SummaryResponse } from '@iop/contracts';
import { expectedCount, type AsAdminSees } from './support/expected-format';
import { expect, test } from './support/test';

test.describe('Filters', () => {
  test('choosing a level of care changes the overview and the URL, and a reload keeps it', async ({
    page,
    request,
    consoleErrors,
  }) => {
    const all = (await (await request.get('/api/v1/metrics/summary')).json()) as AsAdminSees<SummaryResponse>;
    const options = (await (await request.get('/api/v1/filters/options')).json()) as FilterOptionsResponse;
    // The seeded network has several levels of care, so any one of them selects fewer episodes than all.
    expect(options.levelsOfCare.length).toBeGreaterThan(1);
    const level = options.levelsOfCare[0];
    const filtered = (await (
      await request.get(`/api/v1/metrics/summary?levelOfCare=${encodeURIComponent(level.key)}`)
    ).json()) as AsAdminSees<SummaryResponse>;
    expect(filtered.episodes).toBeGreaterThan(0);
    expect(filtered.episodes).toBeLessThan(all.episodes);

    await page.goto('/overview?groupBy=payer');
    const episodes = page.getByTestId('kpi-episodes');
    await expect(episodes).toHaveText(expectedCount(all.episodes));

    await page.getByRole('combobox', { name: 'Level of care' }).click();
    await page.getByRole('option', { name: level.label }).click();
    await page.keyboard.press('Escape');

    await expect(page).toHaveURL(new RegExp(`[?&]levelOfCare=${level.key.replace('.', '\\.')}(&|$)`));
    await expect(page).toHaveURL(/[?&]groupBy=payer(&|$)/);
    await expect(episodes).toHaveText(expectedCount(filtered.episodes));
    await expect(page.getByTestId('filter-chip')).toHaveText([`Level of care: ${level.label}`]);

    await page.reload();
    await expect(episodes).toHaveText(expectedCount(filtered.episodes));
    await expect(page.getByRole('combobox', { name: 'Level of care' })).toContainText(level.label);

    await page.getByTestId('filter-clear').click();
    await expect(page).toHaveURL(/\/overview\?groupBy=payer$/);
    await expect(episodes).toHaveText(expectedCount(all.episodes));

    expect(consoleErrors).toEqual([]);
  });

  test('on a phone the fields fold behind a Filters button', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/overview');
    const toggle = page.getByTestId('filter-toggle');
    const levelOfCare = page.getByRole('combobox', { name: 'Level of care' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(levelOfCare).toBeHidden();

    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(levelOfCare).toBeVisible();
    // Nothing of the bar reaches past the screen's width.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
