import type { CostBlock, CostSummaryResponse, PerDayComparison } from '@iop/contracts';
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { Workbook } from 'exceljs';
import { expectedCount, type AsAdminSees } from './support/expected-format';
import { expectNoSeriousAccessibilityViolations, saveLightAndDarkScreenshots } from './support/page-checks';
import { expect, test } from './support/test';

/** Whole US dollars, written out independently of the app's formatter. */
function expectedCurrency(dollars: number | null): string {
  if (dollars === null) return '—';
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(
    dollars,
  );
}

async function costSummary(page: Page, query = ''): Promise<AsAdminSees<CostSummaryResponse>> {
  const response = await page.request.get(`/api/v1/costs/summary${query}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as AsAdminSees<CostSummaryResponse>;
}

function levelBlock(summary: AsAdminSees<CostSummaryResponse>, level: string): AsAdminSees<CostBlock> {
  const block = summary.byLevelOfCare.find((candidate) => candidate.levelOfCare === level);
  expect(block, `level ${level} in the demo network`).toBeDefined();
  return block as AsAdminSees<CostBlock>;
}

/** Waits until every chart of the page has drawn its bars. */
async function waitForCharts(page: Page): Promise<void> {
  for (const frame of ['cost-comparison-frame', 'outcome-rates-frame', 'per-episode-frame', 'per-week-frame']) {
    await expect(page.getByTestId(frame).locator('ngx-charts-bar-horizontal-2d svg path.bar').first()).toBeVisible();
  }
}

async function tableRows(frame: Locator): Promise<string[][]> {
  await frame.getByTestId('frame-show-table').click();
  const table = frame.getByTestId('frame-table');
  await expect(table).toBeVisible();
  return table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent?.trim() ?? '')),
    );
}

test.describe('Cost-effectiveness', () => {
  test('opens cleanly and shows the API’s costs, ICER and savings', async ({ page, consoleErrors }) => {
    const summary = await costSummary(page);
    const iop = levelBlock(summary, '2.1');
    expect(iop.discharged).toBeGreaterThan(0);

    await page.goto('/costs');
    await expect(page).toHaveTitle('Cost-effectiveness · IOP Outcomes');
    await expect(page.getByTestId('cost-card-costPerEpisode')).toHaveText(expectedCurrency(iop.costPerEpisode.dollars));
    await expect(page.getByTestId('cost-card-costPerWeek')).toHaveText(expectedCurrency(iop.costPerWeek.dollars));
    await expect(page.getByTestId('cost-card-costPerCompleter')).toHaveText(
      expectedCurrency(iop.costPerCompleter.dollars),
    );
    await expect(page.getByTestId('cost-card-costPerRetained90')).toHaveText(
      expectedCurrency(iop.costPerRetained90.dollars),
    );
    await expect(page.getByTestId('cost-card-costPerAbstinent')).toHaveText(
      expectedCurrency(iop.costPerAbstinent.dollars),
    );
    await expect(page.getByTestId('costs-headline-basis')).toContainText(
      `n = ${expectedCount(iop.discharged)} discharged episodes · ${summary.dollarYear} US dollars, charges at face value`,
    );
    await expect(page.getByTestId('costs-exclusion')).toContainText(
      `${expectedCount(summary.activeExcluded)} active episodes are left out`,
    );

    // The demo network (fixed seed): IOP costs more per episode and completes more, so the ICER is a trade-off.
    const completer = summary.icer.perAdditionalCompleter;
    expect([completer.status, (completer.incrementalCost.dollars ?? 0) > 0]).toEqual(['tradeoff', true]);
    await expect(page.getByTestId('icer-completer-verdict')).toHaveText(
      `IOP costs more and achieves more: ${expectedCurrency(completer.icer.dollars)} per additional completer.`,
    );
    const residential = summary.perDayComparisons.find((comparison) => comparison.levelOfCare === '3.5');
    expect(residential).toBeDefined();
    await expect(page.getByTestId('per-day-savings')).toContainText(
      `Residential (3.5): ${expectedCurrency((residential as AsAdminSees<PerDayComparison>).savingsPerEpisode.dollars)} saved per episode`,
    );
    // The comparator's own length of stay, its range and its source, never the IOP episodes' days.
    const { lengthOfStay } = residential as PerDayComparison;
    const residentialLine = page.getByTestId('comparator-line').filter({ hasText: 'Residential (3.5)' });
    await expect(residentialLine.getByTestId('comparator-los')).toContainText(`${lengthOfStay.typicalDays} days`);
    await expect(residentialLine.getByTestId('comparator-range')).toContainText(
      `From ${lengthOfStay.lowDays} to ${lengthOfStay.highDays} days`,
    );
    await expect(residentialLine.getByTestId('comparator-source')).toContainText(lengthOfStay.source);
    await waitForCharts(page);
    expect(consoleErrors).toEqual([]);
  });

  test('a filter in the URL changes the numbers', async ({ page, consoleErrors }) => {
    const all = await costSummary(page);
    const iopOnly = await costSummary(page, '?levelOfCare=2.1');
    const medicaid = await costSummary(page, '?payer=medicaid');
    expect(iopOnly.overall.discharged).toBeLessThan(all.overall.discharged);

    await page.goto('/costs');
    const comparisonN = page.getByTestId('cost-comparison-frame').getByTestId('frame-sample');
    await expect(comparisonN).toHaveText(`n = ${expectedCount(all.overall.discharged)} discharged episodes`);

    await page.goto('/costs?levelOfCare=2.1');
    await expect(page).toHaveURL(/\/costs\?levelOfCare=2\.1$/);
    await expect(comparisonN).toHaveText(`n = ${expectedCount(iopOnly.overall.discharged)} discharged episodes`);
    await expect(page.getByTestId('filter-chip')).toHaveText(['Level of care: Level 2.1 (intensive outpatient)']);
    // No standard outpatient arm is left, so the ICER says why it has no value.
    await expect(page.getByTestId('icer-completer-verdict')).toHaveText(
      'Not estimable because no discharged standard outpatient (level 1) episode matches these filters.',
    );

    const medicaidIop = levelBlock(medicaid, '2.1');
    expect(medicaidIop.costPerEpisode.dollars).not.toBe(levelBlock(all, '2.1').costPerEpisode.dollars);
    await page.goto('/costs?payer=medicaid');
    await expect(page.getByTestId('cost-card-costPerEpisode')).toHaveText(
      expectedCurrency(medicaidIop.costPerEpisode.dollars),
    );
    expect(consoleErrors).toEqual([]);
  });

  test('the table view and the CSV hold the chart’s numbers', async ({ page, consoleErrors }) => {
    const summary = await costSummary(page);
    const iop = levelBlock(summary, '2.1');
    const outpatient = levelBlock(summary, '1');
    await page.goto('/costs');
    await waitForCharts(page);

    const frame = page.getByTestId('cost-comparison-frame');
    const rows = await tableRows(frame);
    expect(rows).toEqual(
      (
        [
          ['Per episode', 'costPerEpisode'],
          ['Per week', 'costPerWeek'],
          ['Per completer', 'costPerCompleter'],
          ['Per 90-day retained', 'costPerRetained90'],
          ['Per abstinent patient', 'costPerAbstinent'],
        ] as const
      ).map(([label, key]) => [label, expectedCurrency(iop[key].dollars), expectedCurrency(outpatient[key].dollars)]),
    );

    const downloadEvent = page.waitForEvent('download');
    await frame.getByTestId('frame-download-csv').click();
    const download = await downloadEvent;
    expect(download.suggestedFilename()).toBe('cost-per-outcome-iop-against-standard-outpatient-care.csv');
    const csv = (await readFile(await download.path(), 'utf8'))
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(csv).toHaveLength(rows.length + 1);
    expect(csv[0]).toBe('Cost,Level 2.1 (intensive outpatient),Level 1 (outpatient)');
    expect(csv[3]).toBe(`Per completer,${iop.costPerCompleter.dollars},${outpatient.costPerCompleter.dollars}`);

    const perDay = await tableRows(page.getByTestId('per-episode-frame'));
    expect(perDay).toHaveLength(summary.perDayComparisons.length);
    // Compared with, rate, typical / shortest / longest stay (days), comparator, IOP, savings per episode...
    expect(perDay[0][2]).toBe(String(summary.perDayComparisons[0].lengthOfStay.typicalDays));
    expect(perDay[0][7]).toBe(expectedCurrency(summary.perDayComparisons[0].savingsPerEpisode.dollars));
    expect(consoleErrors).toEqual([]);
  });

  test('the XLSX download holds the chart’s numbers as typed cells and says which filter made them', async ({
    page,
    consoleErrors,
  }) => {
    const summary = await costSummary(page, '?payer=medicaid');
    const iop = levelBlock(summary, '2.1');
    const outpatient = levelBlock(summary, '1');
    const response = await page.goto('/costs?payer=medicaid');
    // exceljs's browser build runs under the policy as it is: scripts from the origin only, no eval.
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self';");
    expect(response?.headers()['content-security-policy']).not.toContain('unsafe-eval');
    await waitForCharts(page);
    const frame = page.getByTestId('cost-comparison-frame');
    const shownRows = await tableRows(frame);

    const downloadEvent = page.waitForEvent('download');
    await frame.getByTestId('frame-download-xlsx').click();
    const download = await downloadEvent;
    expect(download.suggestedFilename()).toBe('cost-per-outcome-iop-against-standard-outpatient-care.xlsx');
    const workbook = new Workbook();
    await workbook.xlsx.readFile(await download.path());
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Data', 'About']);

    const data = workbook.getWorksheet('Data');
    const values = (data?.getSheetValues() ?? []).slice(1).map((row) => (row as unknown[]).slice(1));
    const keys = [
      'costPerEpisode',
      'costPerWeek',
      'costPerCompleter',
      'costPerRetained90',
      'costPerAbstinent',
    ] as const;
    expect(values).toEqual([
      ['Cost', 'Level 2.1 (intensive outpatient)', 'Level 1 (outpatient)'],
      ...keys.map((key, index) => [
        shownRows[index][0],
        iop[key].dollars ?? undefined,
        outpatient[key].dollars ?? undefined,
      ]),
    ]);
    expect(data?.getCell('B2').numFmt).toBe('$#,##0');
    expect(data?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    const about = workbook.getWorksheet('About');
    expect(about?.getCell('B2').value).toBe('Cost per outcome: IOP against standard outpatient care');
    expect(about?.getColumn(2).values).toContain(summary.overall.discharged);
    expect(about?.getColumn(2).values).toContain('Payer: Medicaid');
    expect(JSON.stringify(about?.getColumn(2).values)).toContain('/definitions#costs');
    expect(consoleErrors).toEqual([]);
  });

  test('passes axe, fits a phone and is saved in light and dark', async ({ page, consoleErrors }, testInfo) => {
    await page.goto('/costs');
    await waitForCharts(page);
    await expectNoSeriousAccessibilityViolations(page);
    await page.mouse.move(0, 0);
    await saveLightAndDarkScreenshots(page, testInfo, 'costs');

    await page.setViewportSize({ width: 390, height: 844 });
    await waitForCharts(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await saveLightAndDarkScreenshots(page, testInfo, 'costs-phone');
    expect(consoleErrors).toEqual([]);
  });
});
