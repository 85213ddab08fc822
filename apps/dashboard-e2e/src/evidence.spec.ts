import { readFileSync } from 'node:fs';
import type { EvidenceClaim, EvidenceClaimDetail, EvidenceResponse, GroupedBarsChart } from '@iop/contracts';
import { expectedCount, expectedPercent } from './support/expected-format';
import { expectNoSeriousAccessibilityViolations, saveLightAndDarkScreenshots } from './support/page-checks';
import { expect, test } from './support/test';

async function board(request: import('@playwright/test').APIRequestContext, query = ''): Promise<EvidenceResponse> {
  const response = await request.get(`/api/v1/evidence${query}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as EvidenceResponse;
}

test.describe('Evidence board', () => {
  test('shows every claim with the API numbers, a table and a CSV of the same rows', async ({
    page,
    request,
    consoleErrors,
  }, testInfo) => {
    const data = await board(request);
    expect(data.claims).toHaveLength(10);
    const family = data.claims.find((claim) => claim.id === 7) as EvidenceClaim & { chart: GroupedBarsChart };
    expect(family.chart.type).toBe('grouped_bars');

    await page.goto('/evidence');
    await expect(page.getByRole('heading', { level: 1, name: 'Evidence board' })).toBeVisible();
    await expect(page.locator('iop-evidence-claim-card')).toHaveCount(10);

    const card = page.getByTestId('claim-card-7');
    await expect(card.getByTestId('claim-n')).toHaveText(`${expectedCount(family.n)} episodes`);
    await expect(card.getByTestId('claim-sentence')).toContainText('This is an association, not proof of cause.');
    // Every card with an adjusted test shows its p and Benjamini-Hochberg q; "associated" needs q < 0.05.
    for (const claim of data.claims) {
      const pq = page.getByTestId(`claim-card-${claim.id}`).getByTestId('claim-p-q');
      await expect(pq).toContainText(claim.adjusted.p === null ? 'no adjusted test' : /p [=<] .*, q [=<] /);
      if (claim.verdict === 'associated' && claim.adjusted.q !== null) expect(claim.adjusted.q).toBeLessThan(0.05);
    }

    // The table holds the chart's source numbers.
    await card.getByTestId('frame-show-table').click();
    const rows = card.getByTestId('frame-table').locator('tbody tr');
    await expect(rows).toHaveCount(family.chart.bars.length);
    const first = family.chart.bars[0].completion;
    await expect(rows.first()).toContainText(expectedPercent(first.rate ?? NaN));
    await expect(rows.first()).toContainText(expectedCount(first.denominator));

    // The CSV has the rows shown, unformatted.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByTestId('frame-download-csv').click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(csv).toHaveLength(family.chart.bars.length + 1);
    expect(csv[1]).toContain(String(first.numerator));
    expect(csv[1]).toContain(String(first.denominator));

    // Survival curves are drawn once their detail arrives.
    await expect(
      page.getByTestId('claim-card-10').getByTestId('frame-chart').locator('svg path').first(),
    ).toBeAttached();
    await expect(
      page.getByTestId('claim-card-1').getByTestId('frame-chart').locator('svg circle').first(),
    ).toBeVisible();

    await expectNoSeriousAccessibilityViolations(page);
    // The pictures show the charts, from the top of the board.
    await card.getByTestId('frame-show-chart').click();
    await page.getByTestId('claim-card-1').scrollIntoViewIfNeeded();
    await page.getByRole('heading', { level: 1, name: 'Evidence board' }).scrollIntoViewIfNeeded();
    await saveLightAndDarkScreenshots(page, testInfo, 'evidence');
    expect(consoleErrors).toEqual([]);
  });

  test('a filter in the URL changes the numbers, and the detail page keeps it', async ({
    page,
    request,
    consoleErrors,
  }) => {
    const all = await board(request);
    const filtered = await board(request, '?levelOfCare=2.1');
    const claimOne = (response: EvidenceResponse) => response.claims.find((claim) => claim.id === 1) as EvidenceClaim;
    const allN = claimOne(all).n;
    const filteredN = claimOne(filtered).n;
    expect(filteredN).not.toBe(allN);

    await page.goto('/evidence?levelOfCare=2.1');
    await expect(page.getByTestId('claim-card-1').getByTestId('claim-n')).toHaveText(
      `${expectedCount(filteredN)} episodes`,
    );

    await page.getByTestId('claim-open-3').click();
    await expect(page).toHaveURL(/\/evidence\/3\?levelOfCare=2\.1$/);
    const detailResponse = await request.get('/api/v1/evidence/3?levelOfCare=2.1');
    const detail = (await detailResponse.json()) as EvidenceClaimDetail;
    await expect(page.getByTestId('claim-n')).toHaveText(`${expectedCount(detail.n)} episodes`);
    await expect(page.getByTestId('claim-method')).toContainText('Landmark population');
    await expect(page.getByTestId('claim-covariates').locator('li')).toHaveCount(detail.adjusted.covariates.length);
    await expect(page.getByTestId('frame-subtitle').first()).toContainText('Log-rank test');
    await expect(page.getByTestId('frame-chart').locator('path[fill-opacity]').first()).toBeAttached();
    await expectNoSeriousAccessibilityViolations(page);

    await page.getByTestId('claim-back').click();
    await expect(page).toHaveURL(/\/evidence\?levelOfCare=2\.1$/);
    expect(consoleErrors).toEqual([]);
  });

  test('fits a phone screen without horizontal scrolling', async ({ page, consoleErrors }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/evidence/9');
    await expect(page.getByTestId('claim-title')).toBeVisible();
    await page.goto('/evidence');
    await expect(page.locator('iop-evidence-claim-card')).toHaveCount(10);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(consoleErrors).toEqual([]);
  });
});
