/** The demo accounts' password for the suite's `npm start` (playwright.config.mts passes it as DEMO_PASSWORD). */
export const DEMO_PASSWORD = process.env['E2E_DEMO_PASSWORD'] as string;

/** Where sign-in.setup.ts leaves the signed-in admin's cookies, which every other test starts with. */
export const ADMIN_STORAGE_STATE = process.env['E2E_ADMIN_STATE'] as string;

export const DEMO_ACCOUNTS = {
  admin: 'admin@demo.local',
  director: 'director@demo.local',
  payer: 'payer@demo.local',
  quality: 'quality@demo.local',
} as const;
