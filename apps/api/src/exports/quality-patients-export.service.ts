import type { EpisodeFilters, QualityPopulation } from '@iop/contracts';
import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import type { Writable } from 'node:stream';
import type { AccessScope } from '../access/access-scope';
import type { SignedInUser } from '../access/signed-in-user';
import { AuditService } from '../audit/audit.service';
import { type ListedCase, QualityService } from '../quality/quality.service';
import { auditedExport, filtersOf } from './audited-export';
import { deIdentifyQualityPatient, isDeIdentifiedFor } from './de-identify';
import {
  deIdentifiedQualityPatientColumns,
  identifiedQualityPatientColumns,
  type QualityPatientExportRow,
} from './quality-patients-export.columns';
import { type ExportColumn, type ExportFormat, writeCsvExport, writeXlsxExport } from './tabular-export';
import { assertFitsInXlsx, XLSX_ROW_LIMIT } from './xlsx-row-limit';

/** A patient-list export whose rows are computed and checked, ready to be written once the download starts. */
export interface PreparedQualityPatientsExport {
  user: SignedInUser;
  format: ExportFormat;
  measureId: string;
  measureName: string;
  population: QualityPopulation;
  filters: EpisodeFilters;
  deIdentified: boolean;
  columns: ExportColumn[];
  rows: object[];
  /** The download's name without day and extension. */
  fileName: string;
}

/** Proportions to 4 places, as the episode export rounds its rates: more is noise to a quality team. */
const round4 = (value: number | null): number | null => (value === null ? null : Math.round(value * 10_000) / 10_000);

const toExportRow = ({ episode, outcome, patientKey }: ListedCase): QualityPatientExportRow => ({
  patientKey,
  episodeId: episode.episodeId,
  program: episode.programName,
  admitDate: episode.admitDate,
  inNumerator: outcome.inNumerator,
  startDate: outcome.startDate,
  eventDate: outcome.eventDate,
  days: outcome.days,
  proportion: round4(outcome.proportion),
});

/**
 * A quality measure's patient list (the rows of GET /quality/measures/:id/patients) as CSV or XLSX: identified
 * for directors and admins, de-identified for quality, never for payers; one export.quality-patients audit event.
 */
@Injectable()
export class QualityPatientsExportService {
  constructor(
    private readonly quality: QualityService,
    private readonly audit: AuditService,
    @Inject(XLSX_ROW_LIMIT) private readonly xlsxRowLimit: number,
  ) {}

  /**
   * Computes the rows before any byte is sent, so that an unknown measure (404) or a workbook over the row limit
   * (422) is still a plain error response. The list is computed in memory like the JSON list it mirrors.
   */
  async prepare(
    user: SignedInUser,
    scope: AccessScope,
    filters: EpisodeFilters,
    id: string,
    population: QualityPopulation,
    format: ExportFormat,
  ): Promise<PreparedQualityPatientsExport> {
    // The controller's @Roles already refuses payers; this keeps row-level data from them if that ever changes.
    if (user.role === 'payer') throw new ForbiddenException('Payers get aggregates only');
    const { measure, cases } = await this.quality.patientCases(scope, filters, id, population);
    if (format === 'xlsx') assertFitsInXlsx(cases.length, this.xlsxRowLimit, 'episodes');
    const deIdentified = isDeIdentifiedFor(user);
    const identified = cases.map(toExportRow);
    return {
      user,
      format,
      measureId: measure.id,
      measureName: measure.name,
      population,
      filters,
      deIdentified,
      columns: deIdentified
        ? deIdentifiedQualityPatientColumns(measure.id, measure.columns)
        : identifiedQualityPatientColumns(measure.id, measure.columns),
      rows: deIdentified ? identified.map(deIdentifyQualityPatient) : identified,
      fileName: `${measure.id}-${population}${deIdentified ? '-deidentified' : ''}`,
    };
  }

  /** Writes the prepared export into `output` and records exactly one audit event with its outcome. */
  async write(prepared: PreparedQualityPatientsExport, ip: string | null, output: Writable): Promise<void> {
    const { user, format, measureId, population, deIdentified, columns } = prepared;
    const filters = filtersOf(prepared.filters);
    await auditedExport(
      this.audit,
      {
        user,
        action: 'export.quality-patients',
        resource: `${measureId}.patients.${format}`,
        filters: { ...filters, population },
        ip,
        details: { format, deIdentified, measureId, population },
      },
      prepared.rows,
      (rows) =>
        format === 'csv'
          ? writeCsvExport(columns, rows, output)
          : writeXlsxExport(
              {
                sheetName: 'Patients',
                title: `${prepared.measureName}: ${population}${deIdentified ? ', de-identified' : ''}`,
                notes: [
                  ['Measure', measureId],
                  ['Population', population],
                ],
                filters,
                columns,
              },
              rows,
              output,
            ),
    );
  }
}
