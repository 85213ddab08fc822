export { runImport, ImportRequestError } from './lib/pipeline/run-import';
export {
  REJECTIONS_KEPT,
  type ImportOutcome,
  type ImportProgressUpdate,
  type ImportRequest,
} from './lib/pipeline/import-request';
export { ENTITY_SPECS, entityOfFileName, exportColumns, type ColumnSpec, type EntitySpec } from './lib/entities';
export { importFileFormat, type ImportFile, type Rejection, type SourceRecord } from './lib/source-record';
export { patientKeyHasher } from './lib/patient-key';
export {
  DEFAULT_RATES_DOLLAR_YEAR,
  defaultOrganizationSettings,
  insertDefaultBenchmarks,
  type OrganizationSetting,
} from './lib/organization-settings';
