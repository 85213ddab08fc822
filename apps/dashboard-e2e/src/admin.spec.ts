import type { AdminUserList, AuditEventPage } from '@iop/contracts';
import { readFile } from 'node:fs/promises';
import { DEMO_ACCOUNTS } from './support/demo-accounts';
import { expectNoSeriousAccessibilityViolations, saveLightAndDarkScreenshots } from './support/page-checks';
import { expect, test } from './support/test';

const CSV_HEADER = 'id,at,userId,email,role,action,resource,filters,rowCount,ip,outcome,details';

test.describe('Admin', () => {
  test('the admin creates a user, sees it listed, and finds the creation in the audit log and its CSV', async ({
    page,
    request,
    consoleErrors,
  }) => {
    const email = `e2e-${Date.now()}@clinic.test`;
    await page.goto('/overview');
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Admin', exact: true }).click();
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Admin');
    await expect(page.getByTestId('user-row').filter({ hasText: DEMO_ACCOUNTS.admin })).toHaveCount(1);

    await page.getByTestId('user-new').click();
    await page.getByTestId('user-email').fill(email);
    await page.getByTestId('user-display-name').fill('E2E Quality');
    await page.getByTestId('user-role').click();
    await page.getByRole('option', { name: 'Quality' }).click();
    await page.getByTestId('user-password').fill('an e2e password');
    await page.getByTestId('user-save').click();

    await expect(page.getByTestId('users-notice')).toHaveText(`Created ${email}.`);
    const row = page.getByTestId('user-row').filter({ hasText: email });
    await expect(row.locator('td')).toHaveText([email, 'E2E Quality', 'Quality', 'All programs', 'Active', 'Edit']);
    const listed = (await (await request.get('/api/v1/admin/users')).json()) as AdminUserList;
    const created = listed.users.find((user) => user.email === email);
    expect(created).toMatchObject({ role: 'quality', disabled: false });

    // The creation, and the admin's own sign-in (the suite's setup signed in through the API).
    await page.getByTestId('audit-action').fill('admin.user.create');
    await page.getByTestId('audit-apply').click();
    const creation = page.getByTestId('audit-row').filter({ hasText: `users/${created?.id}` });
    await expect(creation).toHaveCount(1);
    await expect(creation).toContainText(email);
    await expect(creation).toContainText(DEMO_ACCOUNTS.admin);

    await page.getByTestId('audit-action').fill('login');
    await page.getByTestId('audit-email').fill(DEMO_ACCOUNTS.admin);
    await page.getByTestId('audit-apply').click();
    await expect(page.getByTestId('audit-row').first()).toContainText('login');
    await expect(page.getByTestId('audit-row').first()).toContainText(DEMO_ACCOUNTS.admin);

    await page.getByTestId('audit-action').fill('admin.user.create');
    await page.getByTestId('audit-email').fill('');
    await page.getByTestId('audit-apply').click();
    await expect(page.getByTestId('audit-download-csv')).toHaveAttribute('href', /action=admin\.user\.create/);
    const downloading = page.waitForEvent('download');
    await page.getByTestId('audit-download-csv').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^audit-events-\d{4}-\d\d-\d\d\.csv$/);
    const lines = (await readFile(await download.path(), 'utf8')).trim().split('\n');
    const page1 = (await (
      await request.get('/api/v1/admin/audit-events?action=admin.user.create&limit=500')
    ).json()) as AuditEventPage;
    expect(lines[0]).toBe(CSV_HEADER);
    expect(lines).toHaveLength(page1.total + 1);
    expect(lines.find((line) => line.includes(`users/${created?.id}`))).toContain(email);

    // Reading and exporting are audited too.
    const exports = (await (
      await request.get('/api/v1/admin/audit-events?action=admin.audit.export&limit=1')
    ).json()) as AuditEventPage;
    expect(exports.events[0]).toMatchObject({
      email: DEMO_ACCOUNTS.admin,
      filters: { action: 'admin.user.create' },
      rowCount: page1.total,
    });
    expect(consoleErrors).toEqual([]);
  });

  test('is accessible, and is saved in light and dark', async ({ page, consoleErrors }, testInfo) => {
    await page.goto('/admin');
    await expect(page.getByTestId('user-row').first()).toBeVisible();
    await expect(page.getByTestId('audit-row').first()).toBeVisible();
    await expectNoSeriousAccessibilityViolations(page);
    await page.getByTestId('user-new').click();
    await expect(page.getByTestId('user-email')).toBeVisible();
    await expectNoSeriousAccessibilityViolations(page);
    await saveLightAndDarkScreenshots(page, testInfo, 'admin');
    expect(consoleErrors).toEqual([]);
  });
});
