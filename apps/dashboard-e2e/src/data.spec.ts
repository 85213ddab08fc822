import type { ImportList } from '@iop/contracts';
import { workspaceRoot } from '@nx/devkit';
import { join } from 'node:path';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './support/demo-accounts';
import { expectNoSeriousAccessibilityViolations, saveLightAndDarkScreenshots } from './support/page-checks';
import { expect, test } from './support/test';

/** The small valid CSV set (fixtures/import-csv/README.md), imported under a source of its own. */
const FIXTURE_DIR = join(workspaceRoot, 'apps/dashboard-e2e/fixtures/import-csv');
const FILES = ['programs.csv', 'staff.csv', 'patients.csv', 'episodes.csv', 'appointments.csv'];
const SOURCE = 'e2e-upload';

/** Rows per table of the set: read, and (into a database that has none of them) all inserted. */
const PREVIEW_ROWS = [
  ['Programs', '1', '1', '0', '0', '0'],
  ['Staff', '2', '2', '0', '0', '0'],
  ['Patients', '3', '3', '0', '0', '0'],
  ['Episodes', '3', '3', '0', '0', '0'],
  ['Appointments', '12', '12', '0', '0', '0'],
];

// The check and the import run on the server's worker, and the import refreshes the episode facts of the whole
// demo network: more than the default few seconds.
const JOB_TIMEOUT = { timeout: 120_000 };

test.describe('Data', () => {
  test('the admin checks a CSV set, sees the preview, imports it and finds it in the history', async ({
    page,
    request,
    consoleErrors,
  }, testInfo) => {
    test.setTimeout(300_000);
    await page.goto('/overview');
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Data', exact: true }).click();
    await expect(page).toHaveURL(/\/data$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Data');
    await expect(page.getByTestId('data-quality-table-row').first()).toBeVisible();
    // The suite's database holds the generated demo network: every page says so.
    await expect(page.getByTestId('synthetic-banner')).toHaveText(
      "Demonstration data: this is a generated network, not a real program's records.",
    );

    await page.getByTestId('import-file-input').setInputFiles(FILES.map((name) => join(FIXTURE_DIR, name)));
    await expect(page.getByTestId('import-file').locator('.file-name')).toHaveText(FILES);
    await page.getByTestId('import-source').fill(SOURCE);
    await expect(page.getByTestId('import-mode-description')).toHaveText(
      'Inserts new rows and updates changed ones; deletes nothing.',
    );
    await page.getByTestId('import-check').click();

    const status = page.getByTestId('import-status');
    await expect(status).toHaveText(
      'Checked 21 rows: nothing has been written yet. The preview shows what the import would do.',
      JOB_TIMEOUT,
    );
    const previewRows = page.getByTestId('import-count-row');
    await expect(previewRows).toHaveCount(PREVIEW_ROWS.length);
    for (const [index, cells] of PREVIEW_ROWS.entries()) {
      await expect(previewRows.nth(index).locator('td')).toHaveText(cells);
    }
    await expect(page.getByTestId('import-count-total').locator('td')).toHaveText(['Total', '21', '21', '0', '0', '0']);
    await expect(page.getByTestId('import-rejections-csv')).toHaveCount(0);
    await expectNoSeriousAccessibilityViolations(page);

    await expect(page.getByTestId('import-confirm')).toHaveText('Import now');
    await page.getByTestId('import-confirm').click();
    await expect(status).toHaveText('Imported: 21 rows inserted, 0 updated, 0 deleted.', JOB_TIMEOUT);

    // Newest first: the import, then the check it confirmed.
    const rows = page.getByTestId('import-history-row').filter({ hasText: SOURCE });
    const cells = (kind: string, inserted: string) => [
      /UTC$/,
      DEMO_ACCOUNTS.admin,
      SOURCE,
      'Merge',
      kind,
      FILES.join(', '),
      inserted,
      '0',
      '0',
      /\d s$/,
      'Succeeded',
      '—',
    ];
    await expect(rows.nth(0).locator('td')).toHaveText(cells('Import', '21'));
    await expect(rows.nth(1).locator('td')).toHaveText(cells('Check (dry run)', '21'));

    const list = (await (await request.get('/api/v1/imports')).json()) as ImportList;
    const [imported, checked] = list.imports.filter((job) => job.sourceSystem === SOURCE);
    expect(imported).toMatchObject({ status: 'succeeded', dryRun: false, confirms: checked.id, via: 'upload' });
    expect(checked).toMatchObject({ status: 'succeeded', dryRun: true, confirmable: false });

    // Every page's "Data as of" line now names the import's source, and the data was last loaded by an import,
    // not the generator: the banner has gone.
    await expect(page.getByTestId('data-as-of')).toContainText(`from ${SOURCE}`);
    await expect(page.getByTestId('synthetic-banner')).toHaveCount(0);
    await expectNoSeriousAccessibilityViolations(page);
    await saveLightAndDarkScreenshots(page, testInfo, 'data');
    expect(consoleErrors).toEqual([]);
  });
});

test.describe('Data for other roles', () => {
  // Signed out to start with, unlike the rest of the suite.
  test.use({ storageState: { cookies: [], origins: [] } });

  test('a director has no Data entry and is sent away from the page', async ({ page, consoleErrors }) => {
    const login = await page.request.post('/api/v1/auth/login', {
      data: { email: DEMO_ACCOUNTS.director, password: DEMO_PASSWORD },
    });
    expect(login.status()).toBe(200);
    await page.goto('/overview');
    const navigation = page.getByRole('navigation', { name: 'Pages' });
    await expect(navigation.getByRole('link', { name: 'Overview', exact: true })).toBeVisible();
    await expect(navigation.getByRole('link', { name: 'Data', exact: true })).toHaveCount(0);

    await page.goto('/data');
    await expect(page).toHaveURL(/\/overview$/);
    expect((await page.request.get('/api/v1/imports')).status()).toBe(403);
    expect(consoleErrors).toEqual([]);
  });
});
