import { expect, test } from './support/test';

/** The analysis pages after the Overview. */
const ANALYSIS_PAGES = [
  { link: 'Evidence board', path: '/evidence', title: 'Evidence board' },
  { link: 'Retention', path: '/retention', title: 'Retention' },
  { link: 'Attendance & compliance', path: '/attendance', title: 'Attendance & compliance' },
  { link: 'Cost-effectiveness', path: '/costs', title: 'Cost-effectiveness' },
  { link: 'Quality measures', path: '/quality', title: 'Quality measures' },
  { link: 'Reports', path: '/reports', title: 'Reports' },
];

test.describe('Navigation', () => {
  test('every page opens from the side navigation', async ({ page, consoleErrors }) => {
    await page.goto('/retention');
    const navigation = page.getByRole('navigation', { name: 'Pages' });

    for (const { link, path, title } of [
      ...ANALYSIS_PAGES,
      { link: 'Overview', path: '/overview', title: 'Overview' },
    ]) {
      await navigation.getByRole('link', { name: link, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      await expect(page).toHaveTitle(`${title} · IOP Outcomes`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
      await expect(navigation.getByRole('link', { name: link, exact: true })).toHaveAttribute('aria-current', 'page');
    }
    await expect(page.getByTestId('kpi-episodes')).toBeVisible();

    expect(consoleErrors).toEqual([]);
  });

  test('the theme toggle switches to dark and the choice survives a reload', async ({ page }) => {
    await page.goto('/overview');
    const html = page.locator('html');
    const toggle = page.getByTestId('theme-toggle');
    await expect(html).toHaveCSS('color-scheme', 'light');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    const lightBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

    await toggle.click();

    await expect(html).toHaveCSS('color-scheme', 'dark');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    const darkBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(darkBackground).not.toBe(lightBackground);

    await page.reload();
    await expect(html).toHaveCSS('color-scheme', 'dark');
    await expect(page.getByTestId('theme-toggle')).toHaveAttribute('aria-pressed', 'true');
  });

  test('on a phone the navigation slides over the page and closes after a choice', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/overview');
    const navigation = page.getByRole('navigation', { name: 'Pages' });
    const menu = page.getByTestId('navigation-toggle');
    await expect(navigation).toBeHidden();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');

    await menu.click();
    await expect(navigation).toBeVisible();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');

    await navigation.getByRole('link', { name: 'Retention', exact: true }).click();
    await expect(page).toHaveURL(/\/retention$/);
    await expect(navigation).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Retention');
  });

  test('keyboard users can skip to the page and reach the navigation', async ({ page }) => {
    await page.goto('/overview');

    await page.keyboard.press('Tab');
    const skipLink = page.getByRole('button', { name: 'Skip to content' });
    await expect(skipLink).toBeFocused();
    await expect(skipLink).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();

    // Tabbing on from the toolbar reaches the first page link, which shows a focus ring of at least 2px.
    const firstLink = page.getByRole('navigation', { name: 'Pages' }).getByRole('link').first();
    await page.getByTestId('theme-toggle').focus();
    await page.keyboard.press('Tab');
    await expect(firstLink).toBeFocused();
    const outlineWidth = await firstLink.evaluate((element) => parseFloat(getComputedStyle(element).outlineWidth));
    expect(outlineWidth).toBeGreaterThanOrEqual(2);
  });
});
