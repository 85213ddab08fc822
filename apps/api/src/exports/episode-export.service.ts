import type { DeIdentifiedEpisodeExportRow, EpisodeExportRow, EpisodeFilters } from '@iop/contracts';
import { ForbiddenException, Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { stringify } from 'csv-stringify';
import { stream as excelStream } from 'exceljs';
import { once } from 'node:events';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AccessScope } from '../access/access-scope';
import type { SignedInUser } from '../access/signed-in-user';
import { neutralizeFormula } from '../admin/audit-log.service';
import { AuditService } from '../audit/audit.service';
import { deIdentify } from './de-identify';
import { DEIDENTIFIED_COLUMNS, type ExportColumn, IDENTIFIED_COLUMNS } from './episode-export.columns';
import { EpisodeExportQuery } from './episode-export.query';
import { XLSX_ROW_LIMIT } from './xlsx-row-limit';

export type ExportFormat = 'csv' | 'xlsx';
type ExportRow = EpisodeExportRow | DeIdentifiedEpisodeExportRow;

/** Quality exports are de-identified (DESIGN.md section 7); directors and admins see pseudonymous keys and dates. */
export const isDeIdentifiedFor = (user: Pick<SignedInUser, 'role'>): boolean => user.role === 'quality';

/** The filters as the audit entry records them: only those given. */
function filtersOf(filters: EpisodeFilters): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined));
}

const EXCEL_FORMATS: Partial<Record<ExportColumn['type'], string>> = {
  date: 'yyyy-mm-dd',
  decimal: '0.0000',
  integer: '0',
  year: '0',
};

/** A spreadsheet cell of the column's type: a date as a Date (UTC midnight, which Excel shows as that day). */
function excelValue(column: ExportColumn, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (column.type === 'date') return new Date(`${String(value)}T00:00:00Z`);
  return value;
}

/** The episode exports: one row per selected episode, streamed, and one audit event per export. */
@Injectable()
export class EpisodeExportService {
  constructor(
    private readonly query: EpisodeExportQuery,
    private readonly audit: AuditService,
    @Inject(XLSX_ROW_LIMIT) private readonly xlsxRowLimit: number,
  ) {}

  /**
   * Refuses, before the download starts, an XLSX export of more rows than the limit (xlsx-row-limit.ts), with a
   * message that says what to do instead. Nothing is read, so nothing is audited.
   */
  async assertFitsInXlsx(scope: AccessScope, filters: EpisodeFilters): Promise<void> {
    const rows = await this.query.count(scope, filters);
    if (rows > this.xlsxRowLimit) {
      const limit = this.xlsxRowLimit.toLocaleString('en-US');
      throw new UnprocessableEntityException(
        `The selection has ${rows.toLocaleString('en-US')} episodes; XLSX exports are limited to ${limit} rows. ` +
          'Narrow the filters, or download CSV, which has no limit.',
      );
    }
  }

  columnsFor(user: Pick<SignedInUser, 'role'>): ExportColumn[] {
    return isDeIdentifiedFor(user) ? DEIDENTIFIED_COLUMNS : IDENTIFIED_COLUMNS;
  }

  /** Streams the selected episodes as CSV (header row first) into `output`, and ends it. */
  async writeCsv(user: SignedInUser, scope: AccessScope, filters: EpisodeFilters, ip: string | null, output: Writable) {
    const columns = this.columnsFor(user);
    await this.audited(user, scope, filters, ip, 'csv', async (rows) => {
      const csv = stringify({
        header: true,
        columns: columns.map(({ key }) => key),
        cast: { string: neutralizeFormula, boolean: (value) => String(value) },
      });
      await pipeline(Readable.from(rows), csv, output);
    });
  }

  /**
   * Streams the selected episodes as an XLSX workbook into `output` with exceljs's WorkbookWriter, which writes
   * each committed row into the zip stream instead of building the sheet. Its JavaScript heap stays flat, but at
   * a million rows the zip side buffers outside the heap (docs/PERFORMANCE.md), hence the row limit. Sheet "Episodes" has typed
   * columns and a frozen header; sheet "About" the filters, the generation time and the column definitions.
   */
  async writeXlsx(
    user: SignedInUser,
    scope: AccessScope,
    filters: EpisodeFilters,
    ip: string | null,
    output: Writable,
  ) {
    const columns = this.columnsFor(user);
    await this.audited(user, scope, filters, ip, 'xlsx', (rows) =>
      // A failure after the first byte cannot become an error status: the download is cut, so it is not taken
      // for a complete file (the CSV's pipeline does the same).
      this.writeWorkbook(user, filters, columns, rows, output).catch((error: unknown) => {
        output.destroy(error as Error);
        throw error;
      }),
    );
  }

  private async writeWorkbook(
    user: SignedInUser,
    filters: EpisodeFilters,
    columns: ExportColumn[],
    rows: AsyncIterable<ExportRow>,
    output: Writable,
  ): Promise<void> {
    const workbook = new excelStream.xlsx.WorkbookWriter({
      stream: output,
      useStyles: true,
      useSharedStrings: false,
    });
    const generatedAt = new Date();
    workbook.created = generatedAt;
    const sheet = workbook.addWorksheet('Episodes', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((column) => ({
      header: column.key,
      key: column.key,
      width: Math.max(12, column.key.length + 2),
      style: EXCEL_FORMATS[column.type] ? { numFmt: EXCEL_FORMATS[column.type] } : {},
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    let written = 0;
    for await (const row of rows) {
      const record = row as unknown as Record<string, unknown>;
      sheet.addRow(columns.map((column) => excelValue(column, record[column.key]))).commit();
      // Let the client catch up now and then, so that a slow download does not pile the zip up in memory.
      if (++written % 1000 === 0 && output.writableNeedDrain) await once(output, 'drain');
    }
    sheet.commit();

    const about = workbook.addWorksheet('About');
    about.columns = [{ width: 24 }, { width: 90 }, { width: 12 }];
    about.addRow(['Export', isDeIdentifiedFor(user) ? 'Episodes, de-identified' : 'Episodes']).commit();
    about.addRow(['Generated at (UTC)', generatedAt.toISOString()]).commit();
    about.addRow(['Filters', JSON.stringify(filtersOf(filters))]).commit();
    about.addRow(['Rows', written]).commit();
    about.addRow([]).commit();
    about.addRow(['Column', 'Definition', 'Type']).commit();
    for (const column of columns) about.addRow([column.key, column.description, column.type]).commit();
    about.commit();
    await workbook.commit();
  }

  /**
   * Runs one export over the caller's rows and writes exactly one audit event (action export.episodes) with
   * the filters, the format, the rows written and whether it finished.
   */
  private async audited(
    user: SignedInUser,
    scope: AccessScope,
    filters: EpisodeFilters,
    ip: string | null,
    format: ExportFormat,
    write: (rows: AsyncIterable<ExportRow>) => Promise<void>,
  ): Promise<void> {
    // The controller's @Roles already refuses payers; this keeps row-level data from them if that ever changes.
    if (user.role === 'payer') throw new ForbiddenException('Payers get aggregates only');
    const deIdentified = isDeIdentifiedFor(user);
    let rowCount = 0;
    const source = this.query.rows(scope, filters);
    async function* counted(): AsyncGenerator<ExportRow> {
      for await (const row of source) {
        rowCount++;
        yield deIdentified ? deIdentify(row) : row;
      }
    }
    let outcome: 'ok' | 'failed' = 'ok';
    try {
      await write(counted());
    } catch (error) {
      outcome = 'failed';
      throw error;
    } finally {
      await this.audit.record({
        user,
        action: 'export.episodes',
        resource: `episodes.${format}`,
        filters: filtersOf(filters),
        rowCount,
        ip,
        outcome,
        details: { format, deIdentified },
      });
    }
  }
}
