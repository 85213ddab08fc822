import { type ImportOutcome, type ImportRequest, runImport } from '@iop/import';

/**
 * Runs one import (the pipeline of @iop/import): validates, and unless it is a dry run writes, in one
 * transaction; keeps the imports row up to date itself. A provider, so that a test can replace it.
 */
export type ImportRunner = (databaseUrl: string, request: ImportRequest) => Promise<ImportOutcome>;

export const IMPORT_RUNNER = Symbol('IMPORT_RUNNER');

export const importRunnerProvider = { provide: IMPORT_RUNNER, useValue: runImport satisfies ImportRunner };
