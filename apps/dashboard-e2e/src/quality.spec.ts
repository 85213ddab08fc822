import type {
  FunnelUnit,
  QualityMeasureDetailResponse,
  QualityMeasureGroup,
  QualityMeasuresResponse,
  QualityPatientsResponse,
  RateValue,
} from '@iop/contracts';
import type { Locator, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expectedCount, expectedPercent, type AsAdminSees } from './support/expected-format';
import { expectNoSeriousAccessibilityViolations, saveLightAndDarkScreenshots } from './support/page-checks';
import { expect, test } from './support/test';

type Measures = AsAdminSees<QualityMeasuresResponse>;
type Detail = AsAdminSees<QualityMeasureDetailResponse>;

/** The admin sees exact values: a rate or "—" when its denominator is empty. */
const rateText = (rate: RateValue) => (rate.rate === null ? '—' : expectedPercent(rate.rate));

/** "2025-03" -> "Mar 2025", written out independently of the app. */
function expectedMonth(period: string): string {
  return new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${period}-01T00:00:00Z`),
  );
}

/** A rate rests on a small cell when numerator, denominator or their difference is 1-10 (docs/METRICS.md, Small cells). */
const isSmall = (rate: RateValue) =>
  [rate.numerator, rate.denominator, rate.denominator - rate.numerator].some((count) => count >= 1 && count <= 10);

async function apiGet<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

/** A table row as the frame prints it: group, rate, interval, numerator, denominator, note. */
function expectedRow(group: AsAdminSees<QualityMeasureGroup>, label = group.label): string[] {
  const rate = group.rate;
  return [
    label,
    rateText(rate),
    rate.ci95 ? expectedPercent(rate.ci95[0]) : '—',
    rate.ci95 ? expectedPercent(rate.ci95[1]) : '—',
    expectedCount(rate.numerator),
    expectedCount(rate.denominator),
    isSmall(rate) ? 'small n: Fewer than 11 episodes: exact for you, withheld from payers. Read with care.' : '—',
  ];
}

/** A program's place in words, as the issue states it, written out here rather than taken from the app's code. */
function expectedStatement(unit: Pick<FunnelUnit, 'at95' | 'at998'>): string {
  if (unit.at998 === 'above') return 'Above what chance explains';
  if (unit.at998 === 'below') return 'Below what chance explains';
  if (unit.at95 === 'above') return 'Above the 95% limit, within what chance explains at 99.8%';
  if (unit.at95 === 'below') return 'Below the 95% limit, within what chance explains at 99.8%';
  return 'Within what chance explains';
}

/** The program's name as the plot labels it; the table keeps the full name. */
const shortProgramName = (label: string) => label.replace(/\bIntensive Outpatient Program\b/, 'IOP');

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

async function expectCardsToMatch(page: Page, measures: Measures): Promise<void> {
  for (const measure of measures.measures) {
    const rate = measure.rate;
    await expect(page.getByTestId(`quality-rate-${measure.id}`)).toHaveText(rateText(rate));
    await expect(page.getByTestId(`quality-counts-${measure.id}`)).toHaveText(
      rate.denominator === 0
        ? 'No episode in the denominator'
        : `${expectedCount(rate.numerator)} of ${expectedCount(rate.denominator)} episodes in the numerator`,
    );
    await expect(page.getByTestId(`quality-small-${measure.id}`)).toHaveCount(isSmall(rate) ? 1 : 0);
    // The demo network gives every measure a denominator, hence an interval: a missing one is a failure.
    expect(rate.ci95, `the 95% interval of ${measure.id}`).not.toBeNull();
    const [low, high] = rate.ci95 ?? [NaN, NaN];
    await expect(page.getByTestId(`quality-interval-${measure.id}`)).toHaveText(
      `95% CI ${expectedPercent(low)}–${expectedPercent(high)}`,
    );
  }
}

test.describe('Quality measures', () => {
  test('the cards show the API’s measures', async ({ page, consoleErrors }) => {
    const measures = await apiGet<Measures>(page, '/api/v1/quality/measures');
    expect(measures.measures.map((measure) => measure.id)).toEqual([
      'iet-initiation',
      'iet-engagement',
      'pod',
      'pdc-mat',
      'fui-7',
      'fui-30',
    ]);

    await page.goto('/quality');
    await expect(page).toHaveTitle('Quality measures · IOP Outcomes');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quality measures');
    await expectCardsToMatch(page, measures);
    const initiation = measures.measures[0];
    await expect(page.getByTestId('quality-exclusions-iet-initiation').locator('li')).toHaveCount(
      initiation.exclusions.length,
    );
    for (const [index, exclusion] of initiation.exclusions.entries()) {
      await expect(page.getByTestId('quality-exclusions-iet-initiation').locator('li').nth(index)).toContainText(
        `${exclusion.reason}: ${expectedCount(exclusion.count)}`,
      );
    }
    expect(consoleErrors).toEqual([]);
  });

  test('choosing a measure shows its trend and breakdowns, and survives a reload', async ({ page, consoleErrors }) => {
    const detail = await apiGet<Detail>(page, '/api/v1/quality/measures/iet-initiation');
    expect(detail.trend.length).toBeGreaterThan(1);

    await page.goto('/quality');
    await page.getByTestId('quality-select-iet-initiation').click();
    await expect(page).toHaveURL(/\/quality\?measure=iet-initiation$/);
    await expect(page.getByTestId('quality-select-iet-initiation')).toHaveAttribute('aria-pressed', 'true');

    await page.reload();
    const trend = page.getByTestId('quality-trend-frame');
    await expect(trend.getByTestId('frame-heading')).toHaveText('IET initiation: by month of admission');
    await expect(trend.getByTestId('frame-sample')).toHaveText(
      `n = ${expectedCount(detail.measure.rate.denominator)} episodes in the denominator`,
    );
    await expect(trend.getByTestId('interval-bar')).toHaveCount(detail.trend.length);
    expect(await tableRows(trend)).toEqual(detail.trend.map((group) => expectedRow(group, expectedMonth(group.key))));
    // The programs are on a funnel, never ranked bars.
    await expect(page.getByTestId('quality-program-frame')).toHaveCount(0);
    await expect(page.getByTestId('quality-funnel-frame').getByTestId('funnel-point')).toHaveCount(
      detail.funnel.units.length,
    );
    expect(await tableRows(page.getByTestId('quality-payer-frame'))).toEqual(
      detail.byPayer.map((group) => expectedRow(group)),
    );
    expect(consoleErrors).toEqual([]);
  });

  test("the funnel places the API's programs, names those outside the limits, and downloads", async ({
    page,
    consoleErrors,
  }) => {
    const { funnel, measure } = await apiGet<Detail>(page, '/api/v1/quality/measures/iet-initiation');
    // The demo network is large: every program is placed, around the measure's rate over the network.
    expect(funnel.units.length).toBeGreaterThan(1);
    expect(funnel.withheld).toEqual([]);
    expect(funnel.curve.length).toBeGreaterThan(1);
    expect(funnel.network).toEqual(measure.rate);
    const outside = funnel.units.filter((unit) => unit.at998 === 'above' || unit.at998 === 'below');

    await page.goto('/quality?measure=iet-initiation');
    const frame = page.getByTestId('quality-funnel-frame');
    // The page computes the measures again for its own filter state: on a busy machine that can outlast 5 s.
    await expect(frame.getByTestId('funnel-point')).toHaveCount(funnel.units.length, { timeout: 30_000 });
    await expect(frame.getByTestId('frame-heading')).toHaveText('IET initiation: by program, funnel plot');
    await expect(frame.getByTestId('funnel-limit-998')).toHaveCount(2);
    await expect(frame.getByTestId('funnel-limit-95')).toHaveCount(2);
    await expect(frame.getByTestId('funnel-network')).toContainText(
      `Network rate ${expectedPercent(funnel.network.rate ?? NaN)}`,
    );
    // In the API's order (by id), never by rate.
    await expect(frame.getByTestId('funnel-outside')).toHaveText(
      outside.map(
        (unit) =>
          `${shortProgramName(unit.label)}: ${expectedStatement(unit)} (${expectedPercent(unit.rate)} of ${expectedCount(unit.denominator)} episodes in the denominator).`,
      ),
    );
    await expect(frame.getByTestId('funnel-none-outside')).toHaveCount(Number(outside.length === 0));

    const pngEvent = page.waitForEvent('download');
    await frame.getByTestId('frame-download-png').click();
    expect((await pngEvent).suggestedFilename()).toBe('iet-initiation-by-program-funnel-plot.png');

    // The admin sees the network's rate, so every program has its limits.
    const limitsText = ({ limits }: (typeof funnel.units)[number]) =>
      [limits?.lower95, limits?.upper95, limits?.lower998, limits?.upper998].map((limit) =>
        expectedPercent(limit ?? NaN),
      );
    expect(await tableRows(frame)).toEqual([
      ...funnel.units.map((unit) => [
        unit.label,
        expectedPercent(unit.rate),
        expectedCount(unit.numerator),
        expectedCount(unit.denominator),
        ...limitsText(unit),
        expectedStatement(unit),
      ]),
      [
        'Network (the selection)',
        expectedPercent(funnel.network.rate ?? NaN),
        expectedCount(funnel.network.numerator),
        expectedCount(funnel.network.denominator),
        '—',
        '—',
        '—',
        '—',
        'The target the limits surround',
      ],
    ]);

    // The table view is new markup on the page: axe checks it open.
    await expectNoSeriousAccessibilityViolations(page);

    const csvEvent = page.waitForEvent('download');
    await frame.getByTestId('frame-download-csv').click();
    const csv = await csvEvent;
    expect(csv.suggestedFilename()).toBe('iet-initiation-by-program-funnel-plot.csv');
    const lines = (await readFile(await csv.path(), 'utf8'))
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(funnel.units.length + 2);
    const first = funnel.units[0];
    expect(lines[1].startsWith(`${first.label},${first.rate},${first.numerator},${first.denominator},`)).toBe(true);
    expect(consoleErrors).toEqual([]);
  });

  test('the patient drill-down lists the API’s episodes', async ({ page, consoleErrors }) => {
    const numerator = await apiGet<QualityPatientsResponse>(
      page,
      '/api/v1/quality/measures/pdc-mat/patients?population=numerator',
    );
    const denominator = await apiGet<QualityPatientsResponse>(
      page,
      '/api/v1/quality/measures/pdc-mat/patients?population=denominator',
    );
    expect(numerator.rows.length).toBeGreaterThan(0);

    await page.goto('/quality?measure=pdc-mat');
    const panel = page.getByTestId('quality-patients');
    await expect(panel.getByTestId('quality-patients-audit-note')).toContainText('recorded in the audit log');
    await panel.getByTestId('quality-patients-open').click();
    await expect(panel.getByTestId('quality-patients-count')).toHaveText(
      `${expectedCount(numerator.rows.length)} episodes in the numerator`,
    );
    const headers = panel.getByTestId('quality-patients-table').locator('th');
    await expect(headers).toHaveText([
      'Patient key',
      'Episode',
      'Admitted',
      numerator.columns.startDate,
      numerator.columns.eventDate,
      numerator.columns.days,
      'Proportion of days covered',
    ]);
    await expect(panel.locator('tr.mat-mdc-row').first().locator('td').first()).toHaveText(
      numerator.rows[0].patientKey,
    );

    await panel.getByTestId('quality-population-denominator').click();
    await expect(panel.getByTestId('quality-patients-count')).toHaveText(
      `${expectedCount(denominator.rows.length)} episodes in the denominator`,
    );
    expect(consoleErrors).toEqual([]);
  });

  test('the patient list downloads as CSV with the rows of the API’s list for the same query', async ({
    page,
    consoleErrors,
  }) => {
    const list = await apiGet<QualityPatientsResponse>(
      page,
      '/api/v1/quality/measures/pdc-mat/patients?levelOfCare=2.1&population=denominator',
    );
    expect(list.rows.length).toBeGreaterThan(0);

    await page.goto('/quality?measure=pdc-mat&levelOfCare=2.1');
    const panel = page.getByTestId('quality-patients');
    await expect(panel.getByTestId('quality-patients-export-note')).toContainText('recorded in the audit log');
    await panel.getByTestId('quality-population-denominator').click();
    await expect(panel.getByTestId('quality-patients-csv')).toHaveAttribute('href', /population=denominator/);
    const downloading = page.waitForEvent('download');
    await panel.getByTestId('quality-patients-csv').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^pdc-mat-denominator-\d{4}-\d\d-\d\d\.csv$/);
    const lines = (await readFile(await download.path(), 'utf8')).trim().split('\n');
    expect(lines[0]).toContain(list.columns.startDate);
    expect(lines.length - 1).toBe(list.rows.length);
    expect(lines.slice(1).map((line) => line.split(',')[1])).toEqual(list.rows.map((row) => String(row.episodeId)));
    expect(consoleErrors).toEqual([]);
  });

  test('a filter change changes the numbers and the URL, and keeps the measure', async ({ page, consoleErrors }) => {
    const all = await apiGet<Measures>(page, '/api/v1/quality/measures');
    const iopOnly = await apiGet<Measures>(page, '/api/v1/quality/measures?levelOfCare=2.1');
    const denominatorOf = (measures: Measures) => measures.measures[0].rate.denominator;
    expect(denominatorOf(iopOnly)).toBeLessThan(denominatorOf(all));

    await page.goto('/quality?measure=iet-initiation');
    await expectCardsToMatch(page, all);
    await page.getByRole('combobox', { name: 'Level of care' }).click();
    await page.getByRole('option', { name: 'Level 2.1 (intensive outpatient)' }).click();
    await page.keyboard.press('Escape');

    await expect(page).toHaveURL(/[?&]levelOfCare=2\.1(&|$)/);
    await expect(page).toHaveURL(/[?&]measure=iet-initiation(&|$)/);
    await expectCardsToMatch(page, iopOnly);
    await expect(page.getByTestId('quality-trend-frame').getByTestId('frame-sample')).toHaveText(
      `n = ${expectedCount(denominatorOf(iopOnly))} episodes in the denominator`,
    );
    expect(consoleErrors).toEqual([]);
  });

  test('passes axe, fits a phone and is saved in light and dark', async ({ page, consoleErrors }, testInfo) => {
    await page.goto('/quality?measure=iet-initiation');
    await expect(page.getByTestId('quality-trend-frame').getByTestId('interval-bar').first()).toBeVisible();
    await expect(page.getByTestId('quality-funnel-frame').getByTestId('funnel-point').first()).toBeVisible();
    await page.getByTestId('quality-patients-open').click();
    await expect(page.getByTestId('quality-patients-count')).toBeVisible();
    await expectNoSeriousAccessibilityViolations(page);
    await page.mouse.move(0, 0);
    await saveLightAndDarkScreenshots(page, testInfo, 'quality');

    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.getByTestId('quality-trend-frame').getByTestId('interval-bar').first()).toBeVisible();
    await expect(page.getByTestId('quality-funnel-frame').getByTestId('funnel-point').first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await saveLightAndDarkScreenshots(page, testInfo, 'quality-phone');
    expect(consoleErrors).toEqual([]);
  });
});
