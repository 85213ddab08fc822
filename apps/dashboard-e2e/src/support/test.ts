import { test as base } from '@playwright/test';

/**
 * The suite's `test`: every page records what it logs as an error, and uncaught exceptions, so that a
 * test can assert that a page opened cleanly.
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') {
        errors.push(`console.error: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
    await use(errors);
  },
});

export { expect } from '@playwright/test';
