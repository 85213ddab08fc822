import { IMPORT_ENTITIES, SOURCE_SYSTEM_PATTERN, type ImportFileSummary } from '@iop/contracts';
import { stat } from 'node:fs/promises';
import { entityOfFileName } from '../entities';
import { importFileFormat, type ImportFile } from '../source-record';
import { parseDate } from '../validate/field-parsers';
import type { ImportRequest } from './import-request';

/** A request that cannot start (bad source label, unreadable file): nothing was recorded. */
export class ImportRequestError extends Error {}

/** CSV files in the order of IMPORT_ENTITIES (parents first); files of no entity last, as given. */
export function sortParentsFirst(files: ImportFile[]): ImportFile[] {
  const rank = (file: ImportFile): number => {
    const entity = entityOfFileName(file.name);
    return entity === null ? IMPORT_ENTITIES.length : IMPORT_ENTITIES.indexOf(entity);
  };
  return [...files].sort((a, b) => rank(a) - rank(b));
}

export function checkRequest(request: ImportRequest): void {
  if (!SOURCE_SYSTEM_PATTERN.test(request.sourceSystem)) {
    throw new ImportRequestError(
      `the source system "${request.sourceSystem}" is not a label: 1-64 letters, digits, dots, dashes or underscores, starting with a letter or digit`,
    );
  }
  const organization = request.organization.trim();
  if (organization.length === 0 || organization.length > 200) {
    throw new ImportRequestError('the organisation name must be 1-200 characters');
  }
  if (request.asOf !== undefined && !parseDate(request.asOf).ok) {
    throw new ImportRequestError(`--as-of "${request.asOf}" is not a date that exists (YYYY-MM-DD)`);
  }
  if (request.files.length === 0) throw new ImportRequestError('no files to import');
}

export async function describeFiles(files: ImportFile[]): Promise<ImportFileSummary[]> {
  return Promise.all(
    files.map(async (file) => {
      let bytes: number;
      try {
        bytes = (await stat(file.path)).size;
      } catch {
        throw new ImportRequestError(`cannot read ${file.path}`);
      }
      return { name: file.name, bytes, format: importFileFormat(file.name) };
    }),
  );
}
