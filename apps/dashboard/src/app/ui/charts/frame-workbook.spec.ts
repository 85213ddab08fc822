import { Workbook } from 'exceljs';
import type { FrameTable } from './frame-table';
import { NO_FILTER_TEXT, toWorkbookSheets, VALUES_NOTE, type WorkbookAbout } from './frame-workbook';
import { buildWorkbook } from './xlsx-writer';

const TABLE: FrameTable = {
  columns: [
    { key: 'program', header: 'Program' },
    { key: 'episodes', header: 'Episodes', format: 'count' },
    { key: 'rate', header: 'Completion rate', format: 'rate' },
    { key: 'los', header: 'Mean length of stay (weeks)', format: 'number' },
    { key: 'cost', header: 'Cost per episode', format: 'currency' },
  ],
  rows: [
    { program: 'Evening IOP', episodes: 1520, rate: 0.6234, los: 7.125, cost: 4210.5 },
    { program: 'Outpatient', episodes: 'fewer than 11', rate: null, los: '', cost: 980 },
  ],
};

const GENERATED_AT = new Date(Date.UTC(2026, 10, 28, 5, 30, 0));

const ABOUT: WorkbookAbout = {
  title: 'Completion by program',
  subtitle: 'Discharged episodes',
  n: 1532,
  unit: 'episodes',
  filters: ['From 1 Jan 2026', 'Payer: Medicaid'],
  generatedAt: GENERATED_AT,
  definitionUrl: 'http://localhost/definitions#completion-rate',
};

describe('toWorkbookSheets', () => {
  it('writes the table as typed cells: numbers with the column format, withheld as text, missing as empty', () => {
    const [data] = toWorkbookSheets(TABLE, ABOUT);
    expect(data.name).toBe('Data');
    expect(data.frozenRows).toBe(1);
    expect(data.rows).toEqual([
      [
        { value: 'Program' },
        { value: 'Episodes' },
        { value: 'Completion rate' },
        { value: 'Mean length of stay (weeks)' },
        { value: 'Cost per episode' },
      ],
      [
        { value: 'Evening IOP', numberFormat: '@' },
        { value: 1520, numberFormat: '#,##0' },
        { value: 0.6234, numberFormat: '0.0%' },
        { value: 7.125, numberFormat: '0.00' },
        { value: 4210.5, numberFormat: '$#,##0' },
      ],
      [
        { value: 'Outpatient', numberFormat: '@' },
        { value: 'fewer than 11', numberFormat: '@' },
        { value: null },
        { value: null },
        { value: 980, numberFormat: '$#,##0' },
      ],
    ]);
    // The longest of header and values plus 2, at least 10: "Evening IOP" 11, "fewer than 11" 13, headers beyond.
    expect(data.columnWidths).toEqual([13, 15, 17, 29, 18]);
  });

  it('says on About what the numbers are: title, subtitle, n, filters, time, definition and how to read them', () => {
    const [, about] = toWorkbookSheets(TABLE, ABOUT);
    expect(about.name).toBe('About');
    expect(about.frozenRows).toBe(0);
    expect(about.rows).toEqual([
      [{ value: 'Item' }, { value: 'Value' }],
      [{ value: 'Title' }, { value: 'Completion by program' }],
      [{ value: 'Subtitle' }, { value: 'Discharged episodes' }],
      [{ value: 'n (episodes)' }, { value: 1532, numberFormat: '#,##0' }],
      [{ value: 'Filters' }, { value: 'From 1 Jan 2026' }],
      [{ value: null }, { value: 'Payer: Medicaid' }],
      [{ value: 'Generated at' }, { value: GENERATED_AT, numberFormat: 'yyyy-mm-dd hh:mm:ss "UTC"' }],
      [
        { value: 'Definition' },
        {
          value: {
            text: 'http://localhost/definitions#completion-rate',
            hyperlink: 'http://localhost/definitions#completion-rate',
          },
        },
      ],
      [{ value: 'Values' }, { value: VALUES_NOTE }],
    ]);
  });

  it('leaves out subtitle, n and definition when the frame has none, and names the absence of a filter', () => {
    const [, about] = toWorkbookSheets(TABLE, {
      ...ABOUT,
      subtitle: '',
      n: null,
      filters: [],
      definitionUrl: null,
    });
    expect(about.rows.map((row) => row[0].value)).toEqual(['Item', 'Title', 'Filters', 'Generated at', 'Values']);
    expect(about.rows[2][1]).toEqual({ value: NO_FILTER_TEXT });
  });
});

describe('buildWorkbook (exceljs)', () => {
  it('writes an .xlsx that reads back with the same values, formats, bold frozen header and link', async () => {
    const written = await buildWorkbook(toWorkbookSheets(TABLE, ABOUT));
    const workbook = new Workbook();
    await workbook.xlsx.load(await written.xlsx.writeBuffer());

    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Data', 'About']);
    const data = workbook.getWorksheet('Data');
    if (!data) throw new Error('no Data sheet');
    expect(data.views).toEqual([expect.objectContaining({ state: 'frozen', ySplit: 1 })]);
    const values = (rowNumber: number) => (data.getRow(rowNumber).values as unknown[]).slice(1);
    expect(values(1)).toEqual([
      'Program',
      'Episodes',
      'Completion rate',
      'Mean length of stay (weeks)',
      'Cost per episode',
    ]);
    expect(values(2)).toEqual(['Evening IOP', 1520, 0.6234, 7.125, 4210.5]);
    expect(values(3)).toEqual(['Outpatient', 'fewer than 11', undefined, undefined, 980]);
    expect(data.rowCount).toBe(3);
    expect([1, 2, 3, 4, 5].map((column) => data.getRow(2).getCell(column).numFmt)).toEqual([
      '@',
      '#,##0',
      '0.0%',
      '0.00',
      '$#,##0',
    ]);
    expect(data.getRow(3).getCell(2).numFmt).toBe('@');
    expect(data.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(data.getRow(2).getCell(1).font?.bold).toBeUndefined();

    const about = workbook.getWorksheet('About');
    if (!about) throw new Error('no About sheet');
    expect((about.views ?? []).some((view) => view.state === 'frozen')).toBe(false);
    expect(about.getCell('B4').value).toBe(1532);
    expect(about.getCell('B7').value).toEqual(GENERATED_AT);
    expect(about.getCell('B7').numFmt).toBe('yyyy-mm-dd hh:mm:ss "UTC"');
    expect(about.getCell('B8').value).toEqual({
      text: 'http://localhost/definitions#completion-rate',
      hyperlink: 'http://localhost/definitions#completion-rate',
    });
  });
});
