import { rm } from 'node:fs/promises';
import type { DatabaseHandle } from '../lib/database-handle';

export default async function stopTestDatabaseServer(): Promise<void> {
  const state = (globalThis as { __iopTestDatabase?: { handle: DatabaseHandle; dataDir: string } }).__iopTestDatabase;
  if (!state) return;
  await state.handle.stop();
  await rm(state.dataDir, { recursive: true, force: true });
  await rm(`${state.dataDir}.password`, { force: true });
}
