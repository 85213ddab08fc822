import type { DeIdentifiedEpisodeExportRow, EpisodeExportRow, EpisodeFilters } from '@iop/contracts';
import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import type { Writable } from 'node:stream';
import type { AccessScope } from '../access/access-scope';
import type { SignedInUser } from '../access/signed-in-user';
import { AuditService } from '../audit/audit.service';
import { auditedExport, auditedWrite, type ExportAuditEntry, filtersOf } from './audited-export';
import { CsvRecordCounter } from './csv-record-counter';
import { deIdentify, isDeIdentifiedFor } from './de-identify';
import { DEIDENTIFIED_COLUMNS, IDENTIFIED_COLUMNS } from './episode-export.columns';
import { EpisodeCsvCopy } from './episode-csv.copy';
import { EpisodeExportQuery } from './episode-export.query';
import { type ExportColumn, type ExportFormat, writeXlsxExport } from './tabular-export';
import { assertFitsInXlsx, XLSX_ROW_LIMIT } from './xlsx-row-limit';

type ExportRow = EpisodeExportRow | DeIdentifiedEpisodeExportRow;

/** The episode exports: one row per selected episode, streamed, and one audit event per export. */
@Injectable()
export class EpisodeExportService {
  constructor(
    private readonly query: EpisodeExportQuery,
    private readonly csvCopy: EpisodeCsvCopy,
    private readonly audit: AuditService,
    @Inject(XLSX_ROW_LIMIT) private readonly xlsxRowLimit: number,
  ) {}

  /** Refuses, before the download starts, an XLSX export of more rows than the limit (xlsx-row-limit.ts). */
  async assertFitsInXlsx(scope: AccessScope, filters: EpisodeFilters): Promise<void> {
    assertFitsInXlsx(await this.query.count(scope, filters), this.xlsxRowLimit, 'episodes');
  }

  columnsFor(user: Pick<SignedInUser, 'role'>): ExportColumn[] {
    return isDeIdentifiedFor(user) ? DEIDENTIFIED_COLUMNS : IDENTIFIED_COLUMNS;
  }

  /**
   * Streams the selected episodes as CSV (header row first) into `output`, and ends it. PostgreSQL writes the CSV,
   * de-identified in its SQL for quality (episode-csv.sql.ts); the rows written are the records that went out
   * after the header, also when the client went away.
   */
  async writeCsv(user: SignedInUser, scope: AccessScope, filters: EpisodeFilters, ip: string | null, output: Writable) {
    const entry = this.auditEntry(user, filters, ip, 'csv');
    const counter = new CsvRecordCounter();
    await auditedWrite(
      this.audit,
      entry,
      () => Math.max(0, counter.records - 1),
      () => this.csvCopy.write(isDeIdentifiedFor(user), this.columnsFor(user), scope, filters, output, counter),
    );
  }

  /** Streams the selected episodes as a workbook: sheet "Episodes" and sheet "About" (tabular-export.ts). */
  async writeXlsx(
    user: SignedInUser,
    scope: AccessScope,
    filters: EpisodeFilters,
    ip: string | null,
    output: Writable,
  ) {
    const description = {
      sheetName: 'Episodes',
      title: isDeIdentifiedFor(user) ? 'Episodes, de-identified' : 'Episodes',
      filters: filtersOf(filters),
      columns: this.columnsFor(user),
    };
    await this.audited(user, scope, filters, ip, 'xlsx', (rows) => writeXlsxExport(description, rows, output));
  }

  /**
   * Runs one export over the caller's rows, de-identified for quality, and writes exactly one audit event
   * (action export.episodes) with the filters, the format, the rows written and whether it finished.
   */
  private async audited(
    user: SignedInUser,
    scope: AccessScope,
    filters: EpisodeFilters,
    ip: string | null,
    format: ExportFormat,
    write: (rows: AsyncIterable<ExportRow>) => Promise<void>,
  ): Promise<void> {
    const entry = this.auditEntry(user, filters, ip, format);
    const deIdentified = isDeIdentifiedFor(user);
    const source = this.query.rows(scope, filters);
    async function* rows(): AsyncGenerator<ExportRow> {
      for await (const row of source) yield deIdentified ? deIdentify(row) : row;
    }
    await auditedExport(this.audit, entry, rows(), write);
  }

  /** The audit event of an export (action export.episodes): who, the filters, the format, de-identified or not. */
  private auditEntry(
    user: SignedInUser,
    filters: EpisodeFilters,
    ip: string | null,
    format: ExportFormat,
  ): ExportAuditEntry {
    // The controller's @Roles already refuses payers; this keeps row-level data from them if that ever changes.
    if (user.role === 'payer') throw new ForbiddenException('Payers get aggregates only');
    return {
      user,
      action: 'export.episodes',
      resource: `episodes.${format}`,
      filters: filtersOf(filters),
      ip,
      details: { format, deIdentified: isDeIdentifiedFor(user) },
    };
  }
}
