import {
  DEIDENTIFIED_EPISODE_EXPORT_COLUMNS,
  type DeIdentifiedEpisodeExportRow,
  EPISODE_EXPORT_COLUMNS,
  type EpisodeExportRow,
} from '@iop/contracts';
import type { ExportColumn } from './tabular-export';

type AnyColumnKey = keyof EpisodeExportRow | keyof DeIdentifiedEpisodeExportRow;

/** Every column of either export, defined once; the About sheet of the spreadsheet lists them. */
const DEFINITIONS: Record<AnyColumnKey, Omit<ExportColumn, 'key'>> = {
  episodeId: { type: 'integer', description: 'Episode id in this system' },
  patientKey: { type: 'text', description: 'Pseudonymous patient key of the source system' },
  program: { type: 'text', description: 'Program name' },
  levelOfCare: { type: 'text', description: 'ASAM level of care' },
  payer: { type: 'text', description: 'Payer of the episode' },
  primarySubstance: { type: 'text', description: 'Primary substance at admission' },
  ageAtAdmission: { type: 'integer', description: 'Age at admission in years (admission year - birth year)' },
  ageBand: { type: 'text', description: 'Age band at admission' },
  sex: { type: 'text', description: 'Sex as recorded' },
  zip3: { type: 'text', description: 'First three digits of the ZIP code' },
  admitDate: { type: 'date', description: 'Admission date' },
  dischargeDate: { type: 'date', description: 'Discharge date; empty while active' },
  admitYear: { type: 'year', description: 'Admission year' },
  dischargeYear: { type: 'year', description: 'Discharge year; empty while active' },
  lengthOfStayDays: { type: 'integer', description: 'Days from admission to discharge (or the as-of date), inclusive' },
  dischargeReason: { type: 'text', description: 'TEDS-D discharge reason; empty while active' },
  attendanceRate: {
    type: 'decimal',
    description: 'Attended / (attended + no-show + cancelled by the patient); empty with none',
  },
  complianceScore: {
    type: 'decimal',
    description: 'Mean of session, screen and goal adherence where defined (METRICS.md)',
  },
  retained90: {
    type: 'boolean',
    description: 'In treatment 90 days or more; empty if admitted under 90 days before the as-of date',
  },
  completed: { type: 'boolean', description: 'Discharged as completed; empty while active' },
  abstinentFinal4Weeks: {
    type: 'boolean',
    description: 'Every expected drug screen of the last 28 days negative, at least one expected',
  },
};

const columnsOf = (keys: readonly AnyColumnKey[]): ExportColumn[] => keys.map((key) => ({ key, ...DEFINITIONS[key] }));

/** The identified export's columns (director, admin). */
export const IDENTIFIED_COLUMNS = columnsOf(EPISODE_EXPORT_COLUMNS);
/** The de-identified export's columns (quality). A de-identified age over 89 is the text "90+". */
export const DEIDENTIFIED_COLUMNS = columnsOf(DEIDENTIFIED_EPISODE_EXPORT_COLUMNS);
