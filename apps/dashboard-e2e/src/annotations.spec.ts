import type { Annotation, AnnotationList, FlowResponse, QualityMeasureDetailResponse } from '@iop/contracts';
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
    // Eight axe runs (four views, light and dark) on a machine that also serves and seeds: well over the default 30 s.
    test.setTimeout(300_000);
    // A month in the middle of both the admissions chart and the IET initiation trend by month of admission, so that
    // its marker stands inside the one's plot and on one of the other's rows.
    const flow = (await (await page.request.get('/api/v1/metrics/flow')).json()) as FlowResponse;
    const iet = (await (
      await page.request.get('/api/v1/quality/measures/iet-initiation')
    ).json()) as QualityMeasureDetailResponse;
    const trendMonths = iet.trend.map((group) => group.key);
    const months = flow.points.map((point) => point.period).filter((period) => trendMonths.includes(period));
    expect(months.length).toBeGreaterThan(2);
    const month = months[Math.floor(months.length / 2)];
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

    // The quality measure's trend, a bar per month of admission, marks it beside the note's month too.
    await page.goto('/quality?measure=iet-initiation');
    const trendFrame = page.getByTestId('quality-trend-frame');
    // The page computes the measure again for its own filter state: on a busy machine that can outlast 5 s.
    await expect(trendFrame.getByTestId('interval-bar')).toHaveCount(trendMonths.length, { timeout: 30_000 });
    const trendMarker = trendFrame.locator(`[data-testid="annotation-marker"][data-period="${month}"]`);
    await expect(trendMarker.first()).toBeVisible();
    // Its badge is level with the month's row (its label), so that it reads as that month's note.
    const level = await trendMarker.first().evaluate((marker, row) => {
      const badge = marker.querySelector('rect')?.getBoundingClientRect();
      const label = marker
        .closest('svg')
        ?.querySelectorAll('[data-testid="interval-bar"]')
        [row]?.querySelector('text')
        ?.getBoundingClientRect();
      return badge && label ? Math.abs((badge.top + badge.bottom) / 2 - (label.top + label.bottom) / 2) : null;
    }, trendMonths.indexOf(month));
    expect(level).not.toBeNull();
    expect(level).toBeLessThan(6);
    await expect(trendFrame.getByTestId('frame-notes')).toContainText(text);
    await expect(trendFrame.getByTestId('frame-chart')).toHaveAttribute(
      'aria-label',
      new RegExp(`note \\d+, .*${text.replace(/[()]/g, '\\$&')}`),
    );
    // The programs' funnel and the payers' bars are not by calendar month: no marker there.
    await expect(page.getByTestId('quality-payer-frame').getByTestId('annotation-marker')).toHaveCount(0);
    await expectAccessibleLightAndDark(page);
    await trendFrame.getByTestId('frame-show-table').click();
    await expect(trendFrame.getByTestId('frame-notes-table')).toContainText(text);

    expect((await page.request.delete(`/api/v1/annotations/${created.id}`)).status()).toBe(204);
    const left = (await (await page.request.get('/api/v1/annotations')).json()) as AnnotationList;
    expect(left.annotations.some((annotation) => annotation.text === text)).toBe(false);
    expect(consoleErrors).toEqual([]);
  });
});
