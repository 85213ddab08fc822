import { WITHHELD_TEXT } from '../formats/number-format';
import type { ColumnFormat, FrameCell, FrameTable } from './frame-table';

/** The MIME type of an .xlsx workbook, as browsers and spreadsheet programs expect it. */
export const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Excel number formats per column format: the value stays a number, only its display follows the format. */
export const NUMBER_FORMATS: Record<ColumnFormat, string> = {
  count: '#,##0',
  rate: '0.0%',
  number: '0.00',
  currency: '$#,##0',
  text: '@',
};

/** Generated-at is written as a date cell in UTC, the zone exceljs stores dates in. */
export const GENERATED_AT_FORMAT = 'yyyy-mm-dd hh:mm:ss "UTC"';

export interface SheetLink {
  text: string;
  hyperlink: string;
}

export type SheetValue = string | number | Date | SheetLink | null;

export interface SheetCell {
  value: SheetValue;
  /** Left out for a cell that takes the spreadsheet's default (general) format. */
  numberFormat?: string;
}

/** One worksheet as plain data: what exceljs is told to write, and what the tests read. */
export interface SheetSpec {
  name: 'Data' | 'About';
  /** Character widths of the columns. */
  columnWidths: number[];
  /** The first row is the header: bold and, on the Data sheet, frozen. */
  rows: SheetCell[][];
  frozenRows: number;
}

/** What the About sheet says about the chart the data comes from. */
export interface WorkbookAbout {
  title: string;
  subtitle: string;
  n: number | null;
  /** What n counts, e.g. "episodes". */
  unit: string;
  /** The page's filter, one phrase per chosen value ("Payer: Medicaid"); empty when nothing is filtered. */
  filters: readonly string[];
  generatedAt: Date;
  /** Absolute address of the metric's definition; null when the chart has none. */
  definitionUrl: string | null;
}

export const NO_FILTER_TEXT = 'None: every episode you have access to';
export const VALUES_NOTE =
  'Rates are proportions formatted as percents (0.5 reads 50.0%). An empty cell is a missing value; ' +
  `a cell in words (such as "${WITHHELD_TEXT}") is a value withheld to protect privacy.`;

const MIN_WIDTH = 10;
const MAX_WIDTH = 60;

/**
 * A cell of the Data sheet. Numbers keep their full precision and take the column's number format; a text in
 * a numeric column (a withheld small count, say) stays text, and a missing value stays an empty cell rather
 * than a zero.
 */
function dataCell(value: FrameCell | undefined, format: ColumnFormat): SheetCell {
  if (value === null || value === undefined || value === '') return { value: null };
  if (typeof value === 'string') return { value, numberFormat: NUMBER_FORMATS.text };
  return { value, numberFormat: NUMBER_FORMATS[format] };
}

function widthOf(texts: readonly string[]): number {
  const longest = Math.max(0, ...texts.map((text) => text.length));
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
}

function dataSheet(table: FrameTable): SheetSpec {
  const header = table.columns.map((column): SheetCell => ({ value: column.header }));
  const rows = table.rows.map((row) =>
    table.columns.map((column) => dataCell(row[column.key], column.format ?? 'text')),
  );
  const columnWidths = table.columns.map((column) =>
    widthOf([column.header, ...table.rows.map((row) => String(row[column.key] ?? ''))]),
  );
  return { name: 'Data', columnWidths, rows: [header, ...rows], frozenRows: 1 };
}

function aboutSheet(about: WorkbookAbout): SheetSpec {
  const text = (value: string): SheetCell => ({ value });
  const filters = about.filters.length ? about.filters : [NO_FILTER_TEXT];
  const rows: SheetCell[][] = [
    [text('Item'), text('Value')],
    [text('Title'), text(about.title)],
  ];
  if (about.subtitle) rows.push([text('Subtitle'), text(about.subtitle)]);
  if (about.n !== null) {
    rows.push([text(about.unit ? `n (${about.unit})` : 'n'), { value: about.n, numberFormat: NUMBER_FORMATS.count }]);
  }
  // One value per row, labelled once, so that a long filter stays readable in a narrow column.
  filters.forEach((filter, index) => rows.push([index === 0 ? text('Filters') : { value: null }, text(filter)]));
  rows.push([text('Generated at'), { value: about.generatedAt, numberFormat: GENERATED_AT_FORMAT }]);
  if (about.definitionUrl) {
    rows.push([text('Definition'), { value: { text: about.definitionUrl, hyperlink: about.definitionUrl } }]);
  }
  rows.push([text('Values'), text(VALUES_NOTE)]);
  return { name: 'About', columnWidths: [16, MAX_WIDTH + 20], rows, frozenRows: 0 };
}

/** The workbook of a chart frame: its table as typed cells on "Data", and where the numbers come from on "About". */
export function toWorkbookSheets(table: FrameTable, about: WorkbookAbout): SheetSpec[] {
  return [dataSheet(table), aboutSheet(about)];
}
