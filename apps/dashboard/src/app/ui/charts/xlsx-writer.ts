import type { Workbook } from 'exceljs';
import { type SheetSpec, XLSX_MIME_TYPE } from './frame-workbook';

/**
 * exceljs is loaded on the first XLSX download only: it weighs about as much as the rest of the dashboard
 * together. The browser build resolves it through exceljs's "browser" field (dist/exceljs.min.js), which runs
 * without eval under the app's Content-Security-Policy; jest, on Node, gets its Node build.
 */
async function newWorkbook(): Promise<Workbook> {
  const exceljs = await import('exceljs');
  // A CommonJS bundle: some bundlers expose its exports as named exports, others only under default.
  const { Workbook: WorkbookClass } =
    'Workbook' in exceljs ? exceljs : (exceljs as { default: typeof exceljs }).default;
  return new WorkbookClass();
}

/** Writes the sheets into a new exceljs workbook: header rows bold, frozen where asked, formats per cell. */
export async function buildWorkbook(sheets: readonly SheetSpec[]): Promise<Workbook> {
  const workbook = await newWorkbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name, {
      views: spec.frozenRows ? [{ state: 'frozen', ySplit: spec.frozenRows }] : [],
    });
    sheet.columns = spec.columnWidths.map((width) => ({ width }));
    spec.rows.forEach((cells, rowIndex) => {
      const row = sheet.getRow(rowIndex + 1);
      cells.forEach((cell, columnIndex) => {
        const target = row.getCell(columnIndex + 1);
        target.value = cell.value;
        if (cell.numberFormat) target.numFmt = cell.numberFormat;
      });
      if (rowIndex === 0) row.font = { bold: true };
    });
  }
  return workbook;
}

/** The sheets as an .xlsx file. */
export async function writeXlsx(sheets: readonly SheetSpec[]): Promise<Blob> {
  const workbook = await buildWorkbook(sheets);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: XLSX_MIME_TYPE });
}
