import type { Page } from '@playwright/test';
import type {
  AttendanceHeatmapResponse,
  ComplianceResponse,
  FunnelResponse,
  FunnelUnit,
  HoursHistogramResponse,
  NoShowsResponse,
  RateValue,
} from '@iop/contracts';
import { readFile } from 'node:fs/promises';
import { expectedCount, expectedPercent, type AsAdminSees } from './support/expected-format';
import { expectNoSeriousAccessibilityViolations, saveLightAndDarkScreenshots } from './support/page-checks';
import { expect, test } from './support/test';

/** The seeded demo network is large enough that none of these rates is withheld. */
function asRate(value: unknown): RateValue {
  expect(value).not.toHaveProperty('suppressed');
  return value as RateValue;
}

/** A unit's place in words, as the issue states it, written out here rather than taken from the app's code. */
function expectedStatement(unit: Pick<FunnelUnit, 'at95' | 'at998'>): string {
  if (unit.at998 === 'above') return 'Above what chance explains';
  if (unit.at998 === 'below') return 'Below what chance explains';
  if (unit.at95 === 'above') return 'Above the 95% limit, within what chance explains at 99.8%';
  if (unit.at95 === 'below') return 'Below the 95% limit, within what chance explains at 99.8%';
  return 'Within what chance explains';
}

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

/** Waits until every chart of the page has drawn its SVG. */
async function waitForCharts(page: Page): Promise<void> {
  await expect(page.getByTestId('heatmap-cell')).toHaveCount(21);
  for (const frame of ['no-shows-frame', 'compliance-frame', 'hours-frame']) {
    await expect(page.getByTestId(frame).locator('ngx-charts-chart svg').first()).toBeVisible();
  }
  await expect(page.getByTestId('counselor-attendance-frame').getByTestId('funnel-point').first()).toBeVisible();
  await expect(page.getByTestId('counselor-compliant-frame').getByTestId('interval-bar').first()).toBeVisible();
}

test.describe('Attendance & compliance', () => {
  test('opens cleanly and shows the numbers the API returns', async ({ page, consoleErrors }) => {
    await page.goto('/attendance');
    const heatmap = await getJson<AsAdminSees<AttendanceHeatmapResponse>>(page, '/api/v1/attendance/heatmap');
    const compliance = await getJson<AsAdminSees<ComplianceResponse>>(page, '/api/v1/attendance/compliance');
    const hours = await getJson<AsAdminSees<HoursHistogramResponse>>(page, '/api/v1/attendance/hours');

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Attendance & compliance');
    await expect(page.getByTestId('kpi-attendance-rate')).toHaveText(
      expectedPercent(asRate(heatmap.overall).rate ?? NaN),
    );
    const compliant = asRate(compliance.compliant);
    await expect(page.getByTestId('kpi-compliant')).toHaveText(expectedPercent(compliant.rate ?? NaN));
    await expect(page.getByTestId('kpi-compliant-detail')).toHaveText([
      `95% CI ${expectedPercent(compliant.ci95?.[0] ?? NaN)}–${expectedPercent(compliant.ci95?.[1] ?? NaN)}`,
      `n = ${expectedCount(compliant.denominator)} episodes with a score`,
    ]);
    await expect(page.getByTestId('kpi-compliance-score')).toHaveText(expectedPercent(compliance.score.mean ?? NaN));
    await expect(page.getByTestId('kpi-meets-intensity')).toHaveText(
      expectedPercent(asRate(hours.meetsIntensity).rate ?? NaN),
    );
    await expect(page.getByTestId('hours-frame').getByTestId('frame-sample')).toHaveText(
      `n = ${expectedCount(hours.n)} episodes`,
    );
    const monday = heatmap.cells.find((cell) => cell.weekday === 'mon' && cell.dayPart === 'morning');
    await expect(page.getByTestId('heatmap-cell').first().locator('text')).toHaveText(
      expectedPercent(asRate(monday?.attendanceRate).rate ?? NaN),
    );
    await waitForCharts(page);

    expect(consoleErrors).toEqual([]);
  });

  test('a filter in the URL changes the numbers', async ({ page, consoleErrors }) => {
    const all = await getJson<AsAdminSees<ComplianceResponse>>(page, '/api/v1/attendance/compliance');
    const filtered = await getJson<AsAdminSees<ComplianceResponse>>(
      page,
      '/api/v1/attendance/compliance?levelOfCare=2.1',
    );
    const filteredRate = asRate(filtered.compliant);
    expect(filteredRate.denominator).toBeLessThan(asRate(all.compliant).denominator);

    await page.goto('/attendance?levelOfCare=2.1');
    await expect(page).toHaveURL(/\/attendance\?levelOfCare=2\.1$/);
    await expect(page.getByTestId('kpi-compliant-detail').last()).toHaveText(
      `n = ${expectedCount(filteredRate.denominator)} episodes with a score`,
    );
    await expect(page.getByTestId('kpi-compliant')).toHaveText(expectedPercent(filteredRate.rate ?? NaN));
    await expect(page.getByTestId('filter-chip')).toHaveCount(1);

    await page.getByTestId('filter-clear').click();
    await expect(page).toHaveURL(/\/attendance$/);
    await expect(page.getByTestId('kpi-compliant-detail').last()).toHaveText(
      `n = ${expectedCount(asRate(all.compliant).denominator)} episodes with a score`,
    );
    expect(consoleErrors).toEqual([]);
  });

  test("the counselor funnel places the API's counselors, names those outside the limits, and downloads", async ({
    page,
    consoleErrors,
  }) => {
    const funnel = await getJson<AsAdminSees<FunnelResponse>>(
      page,
      '/api/v1/metrics/funnel?metric=attendanceRate&by=counselor',
    );
    // The demo network is large: every counselor is placed, around a network rate the admin sees.
    expect(funnel.units.length).toBeGreaterThan(1);
    expect(funnel.withheld).toEqual([]);
    expect(funnel.curve.length).toBeGreaterThan(1);
    const shortName = (label: string) => label.replace(/^Counselor\s+/, '');
    const outside = funnel.units.filter((unit) => unit.at998 === 'above' || unit.at998 === 'below');

    await page.goto('/attendance');
    const frame = page.getByTestId('counselor-attendance-frame');
    await expect(frame.getByTestId('funnel-point')).toHaveCount(funnel.units.length);
    await expect(frame.getByTestId('funnel-limit-998')).toHaveCount(2);
    await expect(frame.getByTestId('funnel-network')).toContainText(
      `Network rate ${expectedPercent(asRate(funnel.network).rate ?? NaN)}`,
    );
    // In the API's order (by id), never by rate.
    await expect(frame.getByTestId('funnel-outside')).toHaveText(
      outside.map(
        (unit) =>
          `${shortName(unit.label)}: ${expectedStatement(unit)} (${expectedPercent(unit.rate)} of ${expectedCount(unit.denominator)} appointments).`,
      ),
    );
    if (outside.length === 0) await expect(frame.getByTestId('funnel-none-outside')).toBeVisible();

    const pngEvent = page.waitForEvent('download');
    await frame.getByTestId('frame-download-png').click();
    expect((await pngEvent).suggestedFilename()).toBe('attendance-rate-by-counselor-funnel-plot.png');

    await frame.getByTestId('frame-show-table').click();
    const rows = frame.getByTestId('frame-table').locator('tbody tr');
    await expect(rows).toHaveCount(funnel.units.length + 1);
    const first = funnel.units[0];
    await expect(rows.first().locator('td')).toHaveText([
      first.label,
      expectedPercent(first.rate),
      expectedCount(first.numerator),
      expectedCount(first.denominator),
      expectedPercent(first.limits?.lower95 ?? NaN),
      expectedPercent(first.limits?.upper95 ?? NaN),
      expectedPercent(first.limits?.lower998 ?? NaN),
      expectedPercent(first.limits?.upper998 ?? NaN),
      expectedStatement(first),
    ]);

    const csvEvent = page.waitForEvent('download');
    await frame.getByTestId('frame-download-csv').click();
    const csv = await csvEvent;
    expect(csv.suggestedFilename()).toBe('attendance-rate-by-counselor-funnel-plot.csv');
    const lines = (await readFile(await csv.path(), 'utf8'))
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(funnel.units.length + 2);
    expect(lines[1].startsWith(`${first.label},${first.rate},${first.numerator},${first.denominator},`)).toBe(true);
    expect(consoleErrors).toEqual([]);
  });

  test('the CSV download of the no-shows has the rows shown', async ({ page, consoleErrors }) => {
    const noShows = await getJson<AsAdminSees<NoShowsResponse>>(page, '/api/v1/attendance/no-shows');
    await page.goto('/attendance');
    const frame = page.getByTestId('no-shows-frame');
    await frame.getByTestId('frame-show-table').click();
    const shownRows = frame.getByTestId('frame-table').locator('tbody tr');
    await expect(shownRows).toHaveCount(noShows.sessionTypes.length + 1);

    const downloadEvent = page.waitForEvent('download');
    await frame.getByTestId('frame-download-csv').click();
    const download = await downloadEvent;
    expect(download.suggestedFilename()).toBe('appointment-outcomes-by-session-type.csv');
    const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines).toHaveLength(noShows.sessionTypes.length + 2);
    const first = noShows.sessionTypes[0];
    expect(lines[1].split(',').slice(0, 2)).toEqual([first.label, String(first.appointments)]);
    expect(lines[1]).toContain(String(asRate(first.noShowRate).rate));
    await expect(shownRows.first().locator('td').nth(1)).toHaveText(expectedCount(first.appointments));
    expect(consoleErrors).toEqual([]);
  });

  test('is accessible, fits a phone, and is saved in light and dark', async ({ page, consoleErrors }, testInfo) => {
    await page.goto('/attendance');
    await waitForCharts(page);
    await expectNoSeriousAccessibilityViolations(page);
    await page.mouse.move(0, 0);
    await saveLightAndDarkScreenshots(page, testInfo, 'attendance');

    await page.setViewportSize({ width: 390, height: 844 });
    await waitForCharts(page);
    // The charts follow the narrower width rather than widening the page.
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await saveLightAndDarkScreenshots(page, testInfo, 'attendance-phone');
    expect(consoleErrors).toEqual([]);
  });
});
