import { stringify } from 'csv-stringify';
import { stream as excelStream } from 'exceljs';
import { once } from 'node:events';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { neutralizeFormula } from '../admin/audit-log.service';

export type ExportFormat = 'csv' | 'xlsx';

/** How a column is typed in the spreadsheet (the CSV writes every type as text). */
export type ExportColumnType = 'text' | 'integer' | 'decimal' | 'date' | 'year' | 'boolean';

export interface ExportColumn {
  key: string;
  type: ExportColumnType;
  description: string;
  /** The header row's text; the key when not given. */
  header?: string;
}

const headerOf = (column: ExportColumn): string => column.header ?? column.key;

const EXCEL_FORMATS: Partial<Record<ExportColumnType, string>> = {
  date: 'yyyy-mm-dd',
  decimal: '0.0000',
  integer: '0',
  year: '0',
};

/** A spreadsheet cell of the column's type: a date as a Date (UTC midnight, which Excel shows as that day). */
function excelValue(column: ExportColumn, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // A date column holds YYYY-MM-DD text (the SQL formats dates with to_char).
  if (column.type === 'date' && typeof value === 'string') return new Date(`${value}T00:00:00Z`);
  return value;
}

/**
 * Streams rows as CSV (header row first) into `output`, and ends it. Text that a spreadsheet would run as a
 * formula is neutralised; a failure cuts the download, so it is not taken for a complete file.
 */
export async function writeCsvExport(
  columns: readonly ExportColumn[],
  rows: AsyncIterable<object> | Iterable<object>,
  output: Writable,
): Promise<void> {
  const csv = stringify({
    header: true,
    columns: columns.map((column) => ({ key: column.key, header: headerOf(column) })),
    cast: { string: neutralizeFormula, boolean: (value) => String(value) },
  });
  await pipeline(Readable.from(rows), csv, output);
}

/** What a workbook holds besides its rows: the data sheet's name and the About sheet's lines. */
export interface WorkbookDescription {
  sheetName: string;
  /** The About sheet's "Export" line. */
  title: string;
  /** Lines of the About sheet after the title (label, value), e.g. the measure and its population. */
  notes?: ReadonlyArray<readonly [string, string]>;
  /** The filters as the audit entry records them. */
  filters: object;
  columns: readonly ExportColumn[];
}

/**
 * Streams rows as an XLSX workbook into `output` with exceljs's WorkbookWriter, which writes each committed row
 * into the zip stream instead of building the sheet. Its JavaScript heap stays flat, but at a million rows the
 * zip side buffers outside the heap (docs/PERFORMANCE.md), hence the row limit (xlsx-row-limit.ts). The data
 * sheet has typed columns and a frozen header; sheet "About" the export, the generation time, the filters, the
 * row count and the column definitions. A failure after the first byte cannot become an error status: the
 * download is cut, so it is not taken for a complete file.
 */
export async function writeXlsxExport(
  description: WorkbookDescription,
  rows: AsyncIterable<object> | Iterable<object>,
  output: Writable,
): Promise<void> {
  try {
    await writeWorkbook(description, rows, output);
  } catch (error) {
    output.destroy(error as Error);
    throw error;
  }
}

async function writeWorkbook(
  { sheetName, title, notes = [], filters, columns }: WorkbookDescription,
  rows: AsyncIterable<object> | Iterable<object>,
  output: Writable,
): Promise<void> {
  const workbook = new excelStream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const generatedAt = new Date();
  workbook.created = generatedAt;
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({
    header: headerOf(column),
    key: column.key,
    width: Math.min(60, Math.max(12, headerOf(column).length + 2)),
    style: EXCEL_FORMATS[column.type] ? { numFmt: EXCEL_FORMATS[column.type] } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let written = 0;
  for await (const row of rows) {
    const record = row as Record<string, unknown>;
    sheet.addRow(columns.map((column) => excelValue(column, record[column.key]))).commit();
    // Let the client catch up now and then, so that a slow download does not pile the zip up in memory.
    if (++written % 1000 === 0 && output.writableNeedDrain) await once(output, 'drain');
  }
  sheet.commit();

  const about = workbook.addWorksheet('About');
  about.columns = [{ width: 24 }, { width: 90 }, { width: 12 }];
  about.addRow(['Export', title]).commit();
  for (const [label, value] of notes) about.addRow([label, value]).commit();
  about.addRow(['Generated at (UTC)', generatedAt.toISOString()]).commit();
  about.addRow(['Filters', JSON.stringify(filters)]).commit();
  about.addRow(['Rows', written]).commit();
  about.addRow([]).commit();
  about.addRow(['Column', 'Definition', 'Type']).commit();
  for (const column of columns) about.addRow([headerOf(column), column.description, column.type]).commit();
  about.commit();
  await workbook.commit();
}
