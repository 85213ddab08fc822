// The browser build of csv-stringify: the default one needs Node's Buffer, which browsers do not have.
import { stringify } from 'csv-stringify/browser/esm/sync';
import { formatCount, formatCurrency, formatDecimal, formatPercent } from '../formats/number-format';

/** How a column's values are printed in the table: counts, proportions (0-1) as percents, decimals, dollars. */
export type ColumnFormat = 'count' | 'rate' | 'number' | 'text' | 'currency';

export interface FrameColumn {
  key: string;
  header: string;
  /** 'text' when left out. */
  format?: ColumnFormat;
}

export type FrameCell = string | number | null;
export type FrameRow = Record<string, FrameCell>;

/** The numbers behind a chart: its accessible table view and its CSV download. */
export interface FrameTable {
  columns: readonly FrameColumn[];
  rows: readonly FrameRow[];
}

/** What a table cell shows; a missing value reads as a dash so that an empty cell is not mistaken for zero. */
export function formatCell(value: FrameCell | undefined, format: ColumnFormat = 'text'): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  switch (format) {
    case 'count':
      return formatCount(value);
    case 'rate':
      return formatPercent(value);
    case 'number':
      return formatDecimal(value);
    case 'currency':
      return formatCurrency(value);
    default:
      return String(value);
  }
}

/**
 * The table as CSV, one line per table row under the column headers. Values are written unformatted (0.783,
 * not "78.3%") so that a spreadsheet can compute with them; an empty field stands for a missing value.
 * csv-stringify does the quoting, which hand-written CSV gets wrong for commas, quotes and line breaks.
 */
export function toCsv(table: FrameTable): string {
  const header = table.columns.map((column) => column.header);
  const lines = table.rows.map((row) => table.columns.map((column) => row[column.key] ?? null));
  return stringify([header, ...lines]);
}

/** "Appointments: attended vs missed" -> "appointments-attended-vs-missed", for download file names. */
export function fileNameOf(heading: string): string {
  const slug = heading
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'chart';
}

/** Saves a blob under a file name through a temporary link, as browsers offer no other download API. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked after the click has been handled, not before, or some browsers download nothing.
  setTimeout(() => URL.revokeObjectURL(url));
}
