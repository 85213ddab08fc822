import type { EarlyWarningResponse, EarlyWarningRow } from '@iop/contracts';
import { EARLY_WARNING_RULE_LABELS } from '@iop/contracts';
import type { Writable } from 'node:stream';
import type { SignedInUser } from '../access/signed-in-user';
import type { AuditService } from '../audit/audit.service';
import { auditedExport, filtersOf } from '../exports/audited-export';
import { type ExportColumn, type ExportFormat, writeCsvExport, writeXlsxExport } from '../exports/tabular-export';
import type { EarlyWarningQueryDto } from './early-warning-query.dto';

interface EarlyWarningExportRow {
  patientKey: string;
  episodeId: number;
  program: string;
  counselor: string | null;
  weekOfTreatment: number;
  risk: number | null;
  band: string;
  firstDriver: string | null;
  secondDriver: string | null;
  consecutiveNoShows: number;
  daysSinceLastAttended: number;
  rulesMet: string;
}

export const EARLY_WARNING_EXPORT_COLUMNS: ExportColumn[] = [
  {
    key: 'patientKey',
    header: 'Patient key',
    type: 'text',
    description: 'Pseudonymous patient key of the source system',
  },
  { key: 'episodeId', header: 'Episode id', type: 'integer', description: 'Episode id in this system' },
  { key: 'program', header: 'Program', type: 'text', description: 'Program name' },
  { key: 'counselor', header: 'Counselor', type: 'text', description: 'Primary counselor' },
  { key: 'weekOfTreatment', header: 'Week of treatment', type: 'integer', description: 'Week since admission, from 1' },
  {
    key: 'risk',
    header: 'Risk (14 days)',
    type: 'decimal',
    description: 'Probability of disengaging within 14 days; empty when the list is ranked by the plain rules',
  },
  { key: 'band', header: 'Band', type: 'text', description: 'high, elevated, low; flagged or none under the rules' },
  { key: 'firstDriver', header: 'Main driver', type: 'text', description: 'The feature pushing the risk up most' },
  { key: 'secondDriver', header: 'Second driver', type: 'text', description: 'The next one' },
  { key: 'consecutiveNoShows', header: 'Consecutive no-shows', type: 'integer', description: 'Up to the as-of date' },
  {
    key: 'daysSinceLastAttended',
    header: 'Days since last attended',
    type: 'integer',
    description: 'As-of date - last attended session (the admission when none)',
  },
  { key: 'rulesMet', header: 'Rules met', type: 'text', description: 'The plain rules the patient meets' },
];

const round4 = (value: number | null): number | null => (value === null ? null : Math.round(value * 10_000) / 10_000);

function exportRow(row: EarlyWarningRow): EarlyWarningExportRow {
  const driver = (index: number) => {
    const found = row.drivers[index];
    return found ? `${found.label}: ${found.value}` : null;
  };
  return {
    patientKey: row.patientKey,
    episodeId: row.episodeId,
    program: row.programName,
    counselor: row.counselorName,
    weekOfTreatment: row.weekOfTreatment,
    risk: round4(row.risk),
    band: row.band,
    firstDriver: driver(0),
    secondDriver: driver(1),
    consecutiveNoShows: row.consecutiveNoShows,
    daysSinceLastAttended: row.daysSinceLastAttended,
    rulesMet: row.rulesMet.map((rule) => EARLY_WARNING_RULE_LABELS[rule]).join('; '),
  };
}

/** Writes the list as CSV or XLSX and records exactly one export.early-warning audit event with its outcome. */
export async function writeEarlyWarningExport(
  audit: AuditService,
  user: SignedInUser,
  query: EarlyWarningQueryDto,
  answer: EarlyWarningResponse,
  format: ExportFormat,
  ip: string | null,
  output: Writable,
): Promise<void> {
  const { sort, direction, ...episodeFilters } = query;
  const filters = { ...filtersOf(episodeFilters), ...(sort && { sort }), ...(direction && { direction }) };
  await auditedExport(
    audit,
    {
      user,
      action: 'export.early-warning',
      resource: `early-warning.${format}`,
      filters,
      ip,
      details: { format, ranking: answer.ranking },
    },
    answer.rows.map(exportRow),
    (rows) =>
      format === 'csv'
        ? writeCsvExport(EARLY_WARNING_EXPORT_COLUMNS, rows, output)
        : writeXlsxExport(
            {
              sheetName: 'Early warning',
              title: `Early-warning list as of ${answer.asOf ?? 'no data'}`,
              notes: [
                ['Ranking', answer.ranking === 'model' ? 'by the model' : 'by the plain rules'],
                ['Statement', answer.statement],
              ],
              filters,
              columns: EARLY_WARNING_EXPORT_COLUMNS,
            },
            rows,
            output,
          ),
  );
}
