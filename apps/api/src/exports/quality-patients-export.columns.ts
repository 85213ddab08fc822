import type { QualityMeasureId } from '@iop/contracts';
import type { ExportColumn } from './tabular-export';

/** One episode of a measure's patient list as directors and admins export it. */
export interface QualityPatientExportRow {
  patientKey: string;
  episodeId: number;
  program: string;
  admitDate: string;
  inNumerator: boolean;
  startDate: string | null;
  eventDate: string | null;
  days: number | null;
  proportion: number | null;
}

/** The same episode as the quality role exports it (de-identify.ts): no key or id, dates as years. */
export interface DeIdentifiedQualityPatientExportRow {
  program: string;
  admitYear: number;
  inNumerator: boolean;
  startYear: number | null;
  eventYear: number | null;
  days: number | null;
  proportion: number | null;
}

/** What a measure's startDate, eventDate and days mean (the JSON list's `columns`). */
export interface MeasureDateMeanings {
  startDate: string;
  eventDate: string;
  days: string;
}

/** Only PDC has a proportion; the other measures would export an always-empty column. */
const hasProportion = (measureId: QualityMeasureId): boolean => measureId === 'pdc-mat';

const PROPORTION: ExportColumn = {
  key: 'proportion',
  header: 'Proportion of days covered',
  type: 'decimal',
  description: 'Days covered / days in the period; adherent at 0.80 or more',
};

/**
 * The identified export's columns (director, admin). Headers say what the measure's dates mean, so that a
 * spreadsheet read on its own is not ambiguous.
 */
export function identifiedQualityPatientColumns(
  measureId: QualityMeasureId,
  dates: MeasureDateMeanings,
): ExportColumn[] {
  return [
    {
      key: 'patientKey',
      header: 'Patient key',
      type: 'text',
      description: 'Pseudonymous patient key of the source system',
    },
    { key: 'episodeId', header: 'Episode id', type: 'integer', description: 'Episode id in this system' },
    { key: 'program', header: 'Program', type: 'text', description: 'Program name' },
    { key: 'admitDate', header: 'Admission date', type: 'date', description: 'Admission date of the episode' },
    { key: 'inNumerator', header: 'In numerator', type: 'boolean', description: 'Whether the episode met the measure' },
    { key: 'startDate', header: dates.startDate, type: 'date', description: dates.startDate },
    { key: 'eventDate', header: dates.eventDate, type: 'date', description: dates.eventDate },
    { key: 'days', header: dates.days, type: 'integer', description: dates.days },
    ...(hasProportion(measureId) ? [PROPORTION] : []),
  ];
}

/** The de-identified export's columns (quality): the same episodes without key or id, dates as years. */
export function deIdentifiedQualityPatientColumns(
  measureId: QualityMeasureId,
  dates: MeasureDateMeanings,
): ExportColumn[] {
  const year = (meaning: string) => `${meaning} (year)`;
  return [
    { key: 'program', header: 'Program', type: 'text', description: 'Program name' },
    { key: 'admitYear', header: 'Admission year', type: 'year', description: 'Admission year of the episode' },
    { key: 'inNumerator', header: 'In numerator', type: 'boolean', description: 'Whether the episode met the measure' },
    { key: 'startYear', header: year(dates.startDate), type: 'year', description: year(dates.startDate) },
    { key: 'eventYear', header: year(dates.eventDate), type: 'year', description: year(dates.eventDate) },
    // A duration, not a date, like the episode export's length of stay.
    { key: 'days', header: dates.days, type: 'integer', description: dates.days },
    ...(hasProportion(measureId) ? [PROPORTION] : []),
  ];
}
