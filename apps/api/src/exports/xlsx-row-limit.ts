import { UnprocessableEntityException } from '@nestjs/common';

/**
 * The most rows an XLSX export writes. exceljs's zip writer does not wait for the client, so a workbook's
 * memory grows with its rows outside the JavaScript heap (1,008,000 rows peaked at 550 MB, docs/PERFORMANCE.md);
 * CSV streams any size in flat memory. Past the limit the API refuses the XLSX and points to the CSV instead
 * of letting one download take the server's memory. Excel itself stops at 1,048,576 rows a sheet.
 */
export const DEFAULT_XLSX_ROW_LIMIT = 200_000;

/** The Nest token of the limit, so that a test can lower it. */
export const XLSX_ROW_LIMIT = Symbol('XLSX_ROW_LIMIT');

/**
 * Refuses, before the download starts, an XLSX export of more rows than the limit, with a message that says what
 * to do instead. Nothing has been sent, so nothing is audited.
 */
export function assertFitsInXlsx(rows: number, limit: number, rowNoun: string): void {
  if (rows <= limit) return;
  throw new UnprocessableEntityException(
    `The selection has ${rows.toLocaleString('en-US')} ${rowNoun}; XLSX exports are limited to ` +
      `${limit.toLocaleString('en-US')} rows. Narrow the filters, or download CSV, which has no limit.`,
  );
}
