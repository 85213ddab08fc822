import type { Content, StyleDictionary, TableCell } from 'pdfmake/interfaces';
import { WITHHELD_TEXT } from '@iop/contracts';
import { SMALL_CELL_FOOTNOTE, SMALL_CELL_MARK, SUPPRESSION_FOOTNOTE, winAnsi } from '../report-format';

/** The report's type styles; the font is pdfkit's built-in Helvetica (no font files). */
export const REPORT_STYLES: StyleDictionary = {
  title: { fontSize: 22, bold: true, margin: [0, 120, 0, 8] },
  subtitle: { fontSize: 13, color: '#444444', margin: [0, 0, 0, 32] },
  heading: { fontSize: 15, bold: true, margin: [0, 0, 0, 8] },
  subheading: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
  note: { fontSize: 8, color: '#555555', margin: [0, 4, 0, 0] },
  tableHeader: { bold: true, fillColor: '#eeeeee' },
  label: { bold: true },
};

/** A section's heading; every section after the cover starts on a new page. */
export function sectionHeading(text: string): Content {
  return { text: winAnsi(text), style: 'heading', pageBreak: 'before' };
}

export function note(text: string): Content {
  return { text: winAnsi(text), style: 'note' };
}

/**
 * A table with a header row repeated on every page it spans. The `noWrap` columns hold figures, which must read
 * whole ("100.0%" never split over two lines).
 */
export function dataTable(
  headers: string[],
  rows: string[][],
  widths: Array<number | string>,
  noWrap: number[] = [],
): Content {
  const header: TableCell[] = headers.map((text, column) => ({
    text: winAnsi(text),
    style: 'tableHeader',
    noWrap: noWrap.includes(column),
  }));
  const body: TableCell[][] = rows.map((row) =>
    row.map((text, column) => ({ text: winAnsi(text), noWrap: noWrap.includes(column) })),
  );
  return {
    table: { headerRows: 1, widths, body: [header, ...body], dontBreakRows: true },
    layout: 'lightHorizontalLines',
    fontSize: 9,
  };
}

/** The footnotes a table's cells call for: the small-cell mark's, and the suppression reasons'. */
export function cellFootnotes(rows: string[][]): Content[] {
  const cells = rows.flat();
  return [
    ...(cells.some((cell) => cell.includes(SMALL_CELL_MARK)) ? [note(SMALL_CELL_FOOTNOTE)] : []),
    ...(cells.some((cell) => cell.includes(`${WITHHELD_TEXT} (`)) ? [note(SUPPRESSION_FOOTNOTE)] : []),
  ];
}
