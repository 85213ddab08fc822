import AxeBuilder from '@axe-core/playwright';
import { workspaceRoot } from '@nx/devkit';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { join } from 'node:path';

/** Where every page's light and dark screenshots are kept after a run, to compare a change against the last. */
export const SCREENSHOT_DIR = join(workspaceRoot, 'dist/e2e-screenshots');

/**
 * Runs axe on the page as it is (WCAG 2.0/2.1 A and AA rules) and fails on any serious or critical
 * violation, listing each rule with the elements it found.
 */
export async function expectNoSeriousAccessibilityViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
  expect(serious).toEqual([]);
}

/**
 * Saves a full-page screenshot in light and in dark (the theme toggle, so the choice the app stores is
 * exercised), attaches both to the test report, and leaves the page in light.
 */
export async function saveLightAndDarkScreenshots(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  // The shell scrolls inside its sidenav content, not the document, so a "full page" screenshot would stop at
  // the first screen: the viewport is stretched to the content for the shots instead.
  const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
  const contentHeight = await page.evaluate(() => {
    const scroller = document.querySelector('mat-sidenav-content') ?? document.scrollingElement;
    const toolbar = document.querySelector('mat-toolbar')?.getBoundingClientRect().height ?? 0;
    return Math.ceil((scroller?.scrollHeight ?? 0) + toolbar);
  });
  await page.setViewportSize({
    width: viewport.width,
    height: Math.min(Math.max(viewport.height, contentHeight), 8000),
  });
  for (const scheme of ['light', 'dark'] as const) {
    const toggle = page.getByTestId('theme-toggle');
    if ((await toggle.getAttribute('aria-pressed')) !== String(scheme === 'dark')) await toggle.click();
    await expect(page.locator('html')).toHaveCSS('color-scheme', scheme);
    const path = join(SCREENSHOT_DIR, `${name}-${scheme}.png`);
    await page.screenshot({ path, fullPage: true, animations: 'disabled' });
    await testInfo.attach(`${name}-${scheme}`, { path, contentType: 'image/png' });
  }
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveCSS('color-scheme', 'light');
  await page.setViewportSize(viewport);
}
