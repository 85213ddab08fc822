import { expect, test } from '@playwright/test';
import { ADMIN_STORAGE_STATE, DEMO_ACCOUNTS, DEMO_PASSWORD } from './support/demo-accounts';

/** Signs the admin in once through the API; the other tests start with these cookies. */
test('sign in as the demo admin', async ({ page }) => {
  const response = await page.request.post('/api/v1/auth/login', {
    data: { email: DEMO_ACCOUNTS.admin, password: DEMO_PASSWORD },
  });
  expect(response.status()).toBe(200);
  await page.context().storageState({ path: ADMIN_STORAGE_STATE });
});
