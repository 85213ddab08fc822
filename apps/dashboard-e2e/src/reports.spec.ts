import type { ReportJob, ReportScheduleList } from '@iop/contracts';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { expectNoSeriousAccessibilityViolations, saveLightAndDarkScreenshots } from './support/page-checks';
import { expect, test } from './support/test';

/** The page count poppler reads from the file itself, independently of what the API says it wrote. */
function pdfinfoPages(path: string): number {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  const match = /^Pages:\s+(\d+)$/m.exec(info);
  expect(match, `pdfinfo output:\n${info}`).not.toBeNull();
  return Number(match?.[1]);
}

test.describe('Reports', () => {
  test('generates an outcomes report, follows its progress to the end and downloads the PDF', async ({
    page,
    consoleErrors,
  }, testInfo) => {
    // The report is rendered by a background worker: several seconds, more on a busy machine.
    test.setTimeout(240_000);
    await page.goto('/reports');
    await expect(page).toHaveTitle('Reports · IOP Outcomes');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reports');
    await expect(page.getByTestId('report-kind')).toContainText('Monthly outcomes report');
    await expect(page.getByTestId('report-filters')).toHaveText(
      'Filters: All episodes you may see (no filters). Change them with the filter bar above.',
    );

    const queuedResponse = page.waitForResponse(
      (response) => response.url().endsWith('/api/v1/reports') && response.request().method() === 'POST',
    );
    await page.getByTestId('report-generate').click();
    const queued = (await (await queuedResponse).json()) as ReportJob;
    expect([queued.kind, queued.status]).toEqual(['outcomes', 'queued']);

    const status = page.getByTestId('report-status');
    await expect(status).toHaveText(/Done: \d+ pages, /, { timeout: 180_000 });
    await expect(page.getByTestId('report-progress')).toHaveAttribute('aria-valuenow', '100');

    const finished = (await (await page.request.get(`/api/v1/reports/${queued.id}`)).json()) as ReportJob;
    expect(finished).toMatchObject({
      status: 'succeeded',
      progress: 100,
      downloadPath: `/api/v1/reports/${queued.id}/file`,
    });
    const link = page.getByTestId('report-download');
    await expect(link).toHaveAttribute('href', finished.downloadPath as string);

    const downloading = page.waitForEvent('download');
    await link.click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const path = await download.path();
    const file = await readFile(path);
    expect(file.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdfinfoPages(path);
    expect(pages).toBeGreaterThan(0);
    expect(finished.pageCount).toBe(pages);
    await expect(status).toHaveText(new RegExp(`Done: ${pages} pages, `));

    // The history was refreshed when the job finished: the same report, its page count and a download link.
    const row = page.locator(`[data-report-id="${queued.id}"]`);
    await expect(row.getByTestId('history-status')).toHaveText('Ready');
    await expect(row.getByTestId('history-pages')).toHaveText(String(pages));
    await expect(row.getByTestId('history-download')).toHaveAttribute('href', finished.downloadPath as string);

    await expectNoSeriousAccessibilityViolations(page);
    await page.mouse.move(0, 0);
    await saveLightAndDarkScreenshots(page, testInfo, 'reports');
    expect(consoleErrors).toEqual([]);
  });

  test('creates a weekly schedule with the current filters and deletes it after confirming', async ({
    page,
    consoleErrors,
  }) => {
    await page.goto('/reports?payer=medicaid');
    await expect(page.getByTestId('report-filters')).toContainText('Payer: Medicaid');
    await page.getByTestId('schedule-cadence').click();
    await page.getByRole('option', { name: 'Weekly (Mondays, 06:00 UTC)' }).click();
    await page.getByTestId('schedule-create').click();
    await expect(page.getByTestId('schedule-notice')).toContainText('Scheduled the Monthly outcomes report, weekly');

    const listed = (await (await page.request.get('/api/v1/reports/schedules')).json()) as ReportScheduleList;
    const created = listed.schedules.filter(
      (schedule) => schedule.cadence === 'weekly' && JSON.stringify(schedule.filters) === '{"payer":["medicaid"]}',
    );
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ kind: 'outcomes', delivery: 'download', lastRunAt: null });

    const row = page.getByTestId('schedule-row').filter({ hasText: 'Payer: Medicaid' });
    await expect(row).toHaveCount(1);
    await expect(row.locator('td').nth(1)).toHaveText('Weekly (Mondays, 06:00 UTC)');
    await expect(row.locator('td').nth(4)).toHaveText('Not run yet');
    await expect(row.locator('td').nth(5)).toHaveText('Kept for download here');

    await row.getByTestId('schedule-delete').click();
    await expect(row).toContainText('Delete this schedule?');
    await expectNoSeriousAccessibilityViolations(page);
    await row.getByTestId('schedule-confirm-delete').click();
    await expect(page.getByTestId('schedule-notice')).toHaveText(
      'Deleted the weekly Monthly outcomes report schedule.',
    );
    await expect(page.getByTestId('schedule-row').filter({ hasText: 'Payer: Medicaid' })).toHaveCount(0);

    const after = (await (await page.request.get('/api/v1/reports/schedules')).json()) as ReportScheduleList;
    expect(after.schedules.map((schedule) => schedule.id)).not.toContain(created[0].id);
    expect(consoleErrors).toEqual([]);
  });
});
