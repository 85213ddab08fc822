import type { QualityPatientRow, QualityPatientsResponse } from '@iop/contracts';
import { formatCalendarDate, formatCount, formatPercent } from '../../ui/formats/number-format';

/** A column of the patient list: its header and each row's cell as text. */
export interface PatientColumn {
  key: string;
  header: string;
  numeric: boolean;
  cell: (row: QualityPatientRow) => string;
}

const dateText = (date: string | null) => (date === null ? '—' : formatCalendarDate(date));

/**
 * The patient list's columns. startDate, eventDate and days mean something else in each measure, so their
 * headers are the response's own words; the proportion of days covered is a column of PDC only.
 */
export function patientColumns(response: QualityPatientsResponse): PatientColumn[] {
  const columns: PatientColumn[] = [
    { key: 'patientKey', header: 'Patient key', numeric: false, cell: (row) => row.patientKey },
    { key: 'episodeId', header: 'Episode', numeric: true, cell: (row) => String(row.episodeId) },
    { key: 'admitDate', header: 'Admitted', numeric: false, cell: (row) => dateText(row.admitDate) },
    { key: 'startDate', header: response.columns.startDate, numeric: false, cell: (row) => dateText(row.startDate) },
    { key: 'eventDate', header: response.columns.eventDate, numeric: false, cell: (row) => dateText(row.eventDate) },
    {
      key: 'days',
      header: response.columns.days,
      numeric: true,
      cell: (row) => (row.days === null ? '—' : formatCount(row.days)),
    },
  ];
  if (response.measureId === 'pdc-mat') {
    columns.push({
      key: 'proportion',
      header: 'Proportion of days covered',
      numeric: true,
      cell: (row) => (row.proportion === null ? '—' : formatPercent(row.proportion)),
    });
  }
  // The numerator list holds only "yes": the column says something only over the denominator.
  if (response.population === 'denominator') {
    columns.push({
      key: 'inNumerator',
      header: 'In the numerator',
      numeric: false,
      cell: (row) => (row.inNumerator ? 'Yes' : 'No'),
    });
  }
  return columns;
}

/** "42 episodes in the numerator" / "1 episode in the denominator". */
export function patientCountText(response: QualityPatientsResponse): string {
  const count = response.rows.length;
  return `${formatCount(count)} ${count === 1 ? 'episode' : 'episodes'} in the ${response.population}`;
}
