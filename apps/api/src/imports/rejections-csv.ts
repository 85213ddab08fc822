import { stringify } from 'csv-stringify';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { neutralizeFormula } from '../admin/audit-log.service';
import type { RejectionCsvRow } from './import-job.row';

/** The columns of the rejections CSV, in order; an absent value is an empty cell. */
export const REJECTION_CSV_COLUMNS = ['file', 'line', 'resource_id', 'field', 'value', 'reason'] as const;

/**
 * Streams rejections as CSV (header row first) into `output`, and ends it. A value that a spreadsheet would
 * run as a formula is neutralised with a leading apostrophe, as in every export of the API.
 */
export async function writeRejectionsCsv(rows: AsyncIterable<RejectionCsvRow>, output: Writable): Promise<void> {
  const csv = stringify({ header: true, columns: [...REJECTION_CSV_COLUMNS], cast: { string: neutralizeFormula } });
  await pipeline(Readable.from(rows), csv, output);
}
