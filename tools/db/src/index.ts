export type { DatabaseHandle } from './lib/database-handle';
export { startDatabase, DEFAULT_DATA_DIR, type StartDatabaseOptions } from './lib/start-database';
export { runMigrations, revertAllMigrations } from './lib/migrate';

export { StartupError, runCli } from './lib/startup-error';
export { findFreePort, isPortFree } from './lib/ports';
export { apiHeapFlag, DEFAULT_API_HEAP_MB } from './lib/api-heap';
export {
  localStateDir,
  readOrCreateSecret,
  patientKeySecret,
  patientKeySecretFile,
  PATIENT_KEY_SECRET_MIN_LENGTH,
  startEmptyMarkerFile,
} from './lib/local-state';
