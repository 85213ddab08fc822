export { seedDatabase, type SeedOptions, type SeedReport } from './lib/load/seed-database';
export {
  DEFAULT_SEED,
  generateSyntheticNetwork,
  type EpisodeBatch,
  type GenerateOptions,
  type NetworkRows,
  type SyntheticNetwork,
} from './lib/generate';
export {
  GROUND_TRUTH_PATH,
  PRESET_NAMES,
  effectSizes,
  loadGroundTruth,
  type ClaimTruth,
  type EffectSizes,
  type GroundTruth,
  type PresetName,
  type PresetSize,
} from './lib/ground-truth';
export { BATCH_TABLES, SOURCE_SYSTEM, type TableRows } from './lib/rows/tables';
export { createSeedProgress } from './cli/seed-progress';
export { seedDemoUsers, type DemoLogin } from './lib/load/demo-users';
export {
  EXPORT_FORMATS,
  exportSyntheticNetwork,
  type ExportFormat,
  type ExportOptions,
  type ExportReport,
} from './lib/export/export-network';
export type { ExportedFile } from './lib/export/output-file';
