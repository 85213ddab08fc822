import type { Annotation, AnnotationList, FlowResponse } from '@iop/contracts';
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

/** What every note this spec writes starts with, so that they can be found and removed again. */
const E2E_NOTE = 'Evening group started (e2e';

test.describe('Notes on the charts', () => {
  // The demo database is shared with the other specs: the notes written here go again, whatever happened.
  test.afterEach(async ({ request }) => {
    const { annotations } = (await (await request.get('/api/v1/annotations')).json()) as AnnotationList;
    for (const annotation of annotations.filter((note) => note.text.startsWith(E2E_NOTE))) {
      expect((await request.delete(`/api/v1/annotations/${annotation.id}`)).status()).toBe(204);
    }
  });

  test('the admin adds a note on the Notes page and sees its marker on the monthly charts, axe-clean light and dark', async ({
    page,
    consoleErrors,
  }) => {
    // Six axe runs (three views, light and dark) on a machine that also serves and seeds: well over the default 30 s.
    test.setTimeout(240_000);
    // A month in the middle of the admissions chart, so that its marker stands inside the plot.
    const flow = (await (await page.request.get('/api/v1/metrics/flow')).json()) as FlowResponse;
    expect(flow.points.length).toBeGreaterThan(2);
    const month = flow.points[Math.floor(flow.points.length / 2)].period;
    const text = `${E2E_NOTE} ${Date.now()})`;

    await page.goto('/notes');
    await expect(page).toHaveTitle('Notes · IOP Outcomes');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Notes');
    await page.getByTestId('note-add').click();
    await page.getByTestId('note-program').click();
    await page.getByRole('option', { name: 'All programs (network-wide)' }).click();
    await page.getByTestId('note-on').fill(`${month}-15`);
    await page.getByTestId('note-text').fill(text);
    await expectAccessibleLightAndDark(page);

    const saving = page.waitForResponse(
      (response) => response.url().endsWith('/api/v1/annotations') && response.request().method() === 'POST',
    );
    await page.getByTestId('note-save').click();
    const response = await saving;
    expect(response.status()).toBe(201);
    const created = (await response.json()) as Annotation;
    expect(created).toMatchObject({ programId: null, on: `${month}-15`, until: null, text, editable: true });
    await expect(page.getByTestId('note-text-cell').filter({ hasText: text })).toBeVisible();
    await expect(page.getByTestId('notes-notice')).toContainText('saved');
    await expectAccessibleLightAndDark(page);

    await page.goto('/overview');
    const flowFrame = page.getByTestId('flow-frame');
    await expect(flowFrame.locator('ngx-charts-line-chart svg').first()).toBeVisible();
    // The marker of the note's month, inside the plot ngx-charts drew, and the note listed under the chart.
    const marker = flowFrame.locator(`[data-testid="annotation-marker"][data-period="${month}"]`);
    await expect(marker.first()).toBeVisible();
    const inside = await marker.first().evaluate((element) => {
      const plot = element.closest('.flow-plot')?.querySelector('rect.tooltip-area')?.getBoundingClientRect();
      const x = element.getBoundingClientRect().left;
      return plot ? x >= plot.left - 2 && x <= plot.right + 2 : false;
    });
    expect(inside).toBe(true);
    await expect(flowFrame.getByTestId('frame-notes')).toContainText(text);
    await expect(flowFrame.getByTestId('frame-chart')).toHaveAttribute(
      'aria-label',
      new RegExp(`note \\d+, .*${text.replace(/[()]/g, '\\$&')}`),
    );
    // Every KPI sparkline marks it too.
    await expect(page.getByTestId('sparkline')).toHaveCount(9);
    expect(await page.getByTestId('sparkline-annotation').count()).toBeGreaterThanOrEqual(9);
    await expectAccessibleLightAndDark(page);

    // The table view lists the note after the months.
    await flowFrame.getByTestId('frame-show-table').click();
    await expect(flowFrame.getByTestId('frame-notes-table')).toContainText(text);

    expect((await page.request.delete(`/api/v1/annotations/${created.id}`)).status()).toBe(204);
    const left = (await (await page.request.get('/api/v1/annotations')).json()) as AnnotationList;
    expect(left.annotations.some((annotation) => annotation.text === text)).toBe(false);
    expect(consoleErrors).toEqual([]);
  });
});
