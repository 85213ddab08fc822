import {
  AGE_BAND_LABELS,
  type EpisodeFilters,
  LEVEL_OF_CARE_LABELS,
  PAYER_LABELS,
  type ReportKind,
  SMALL_CELL_MAX,
  SUBSTANCE_LABELS,
  WITHHELD_TEXT,
} from '@iop/contracts';
import type { Content } from 'pdfmake/interfaces';
import type { ReportCoverFacts } from '../report-cover.query';
import { formatInstant, formatPeriodDate, winAnsi } from '../report-format';

export const REPORT_TITLES: Record<ReportKind, string> = {
  outcomes: 'Monthly outcomes report',
  payer: 'Payer report: cost-effectiveness and outcomes',
};

/**
 * The reporting period: the filters' admission window where set, else from the first admission of the selected
 * episodes to the data's as-of date. "1 Jan 2025 - 31 Oct 2026".
 */
export function reportingPeriod(filters: EpisodeFilters, firstAdmit: string | null, asOf: string | null): string {
  const from = filters.from ?? firstAdmit;
  const to = filters.to ?? asOf;
  if (!from && !to) return 'no episodes selected';
  return `${from ? formatPeriodDate(from) : 'the first admission'} - ${to ? formatPeriodDate(to) : 'the as-of date'}`;
}

/** The filters in words, one phrase per filter set; "none" when every episode in scope is selected. */
export function filtersInWords(filters: EpisodeFilters, cover: ReportCoverFacts): string {
  const phrases: string[] = [];
  if (filters.from || filters.to) {
    const from = filters.from ? `from ${formatPeriodDate(filters.from)}` : '';
    const to = filters.to ? `to ${formatPeriodDate(filters.to)}` : '';
    phrases.push(`admitted ${[from, to].filter(Boolean).join(' ')}`);
  }
  const list = (label: string, values: string[] | undefined) => {
    if (values?.length) phrases.push(`${label}: ${values.join(', ')}`);
  };
  list(
    'programs',
    filters.programId?.map((id) => cover.programs.find((program) => program.id === id)?.name ?? `program ${id}`),
  );
  list(
    'levels of care',
    filters.levelOfCare?.map((code) => LEVEL_OF_CARE_LABELS[code]),
  );
  list(
    'payers',
    filters.payer?.map((payer) => PAYER_LABELS[payer]),
  );
  list(
    'primary substances',
    filters.substance?.map((substance) => SUBSTANCE_LABELS[substance]),
  );
  list(
    'age bands',
    filters.ageBand?.map((band) => AGE_BAND_LABELS[band]),
  );
  list(
    'primary counselors',
    filters.counselorId?.map((id) => cover.counselors.find((staff) => staff.id === id)?.name ?? `counselor ${id}`),
  );
  return phrases.length ? phrases.join('; ') : 'none (every episode in scope)';
}

export interface CoverInput {
  kind: ReportKind;
  cover: ReportCoverFacts;
  period: string;
  asOf: string | null;
  filters: EpisodeFilters;
  generatedAt: Date;
  requestedBy: string;
}

/** The cover: what the report is about, for when, for whom, and with which filters. */
export function coverSection(input: CoverInput): Content[] {
  const fact = (label: string, value: string): Content => ({
    text: [{ text: `${label}: `, style: 'label' }, winAnsi(value)],
    margin: [0, 0, 0, 6],
  });
  const programs = input.cover.programs.map((program) => program.name);
  return [
    { text: REPORT_TITLES[input.kind], style: 'title' },
    { text: winAnsi(input.cover.organizations.join(', ') || 'No organisation in scope'), style: 'subtitle' },
    fact('Programs', programs.length ? programs.join(', ') : 'none with episodes in the selection'),
    fact('Period', input.period),
    fact('Data as of', input.asOf ? formatPeriodDate(input.asOf) : 'no data loaded'),
    fact('Filters', filtersInWords(input.filters, input.cover)),
    fact('Generated at', formatInstant(input.generatedAt)),
    fact('Requested by', input.requestedBy),
    ...(input.kind === 'payer'
      ? [
          {
            text:
              `Counts of 1-${SMALL_CELL_MAX} episodes, and any cell from which one could be derived, are withheld and ` +
              `print as "${WITHHELD_TEXT}" with the reason. The report holds no patient-level information.`,
            style: 'note',
            margin: [0, 16, 0, 0],
          } satisfies Content,
        ]
      : []),
  ];
}
