import type { QualityMeasuresResponse, ReportKind } from '@iop/contracts';
import type { Content } from 'pdfmake/interfaces';
import { winAnsi } from '../report-format';
import { sectionHeading } from './layout';

/** The overview KPIs' definitions, as docs/METRICS.md ("Summary") states them. */
export const KPI_DEFINITIONS: Array<[string, string]> = [
  ['Episodes', 'Episodes selected (admitted in the window).'],
  ['Active episodes', 'Of those, episodes with no discharge at the as-of date.'],
  [
    'Attendance rate',
    'Attended / (attended + no-show + cancelled by the patient), over all appointments of the selected episodes; ' +
      'appointments cancelled by the program and still-scheduled ones are left out.',
  ],
  [
    'Attended hours per week',
    'Per episode: minutes of attended appointments / 60 / weeks in treatment; mean and median over the episodes.',
  ],
  [
    'Meets intensity',
    'Episodes whose attended hours per week are >= 9 (>= 6 for patients under 18 at admission; the ASAM 2.1 ' +
      'floor) / episodes.',
  ],
  [
    'Compliance score',
    'Mean over episodes of the compliance score: the mean of the components defined for the episode among ' +
      'session adherence, screen adherence and goal attainment; 0-1.',
  ],
  ['Compliant', 'Episodes with compliance score >= 0.80 / episodes with a compliance score.'],
  [
    'Retained 30, 60, 90 days',
    'Episodes with length of stay >= N / episodes admitted at least N days before the as-of date.',
  ],
  ['Completion rate', 'Discharge reason 1 (completed) / discharged episodes.'],
  ['Positive conclusion rate', "Reasons 1 + 4 (completed or transferred, SAMHSA's convention) / discharged episodes."],
  ['Dropout rate', 'Reasons 2 + 3 (dropped out, terminated by the facility) / discharged episodes.'],
  [
    'Median length of stay',
    'Median length of stay in days over the selected episodes, active ones counted at their length of stay to ' +
      'the as-of date.',
  ],
  [
    'Negative screen rate',
    'Negative / expected screens over the selected episodes, missing counted as positive; a positive only for a ' +
      'medication dispensed to the episode counts as negative.',
  ],
  [
    'Abstinent in the final 4 weeks',
    'Episodes whose expected screens in their last 28 days are all negative / discharged episodes with at least ' +
      'one expected screen in their last 28 days.',
  ],
  [
    'Readmitted within 30 (90) days',
    'Discharges followed by a new episode of the same patient admitted 1-30 (1-90) days after the discharge date ' +
      '/ non-transfer discharges at least 30 (90) days before the as-of date.',
  ],
];

const COST_DEFINITIONS: Array<[string, string]> = [
  [
    'Cost ratios',
    'Total charges of the discharged episodes divided by discharged episodes, weeks in treatment, completers ' +
      '(reason 1), episodes retained 90 days, or episodes abstinent in the final 4 weeks; not defined when the ' +
      'denominator is 0.',
  ],
  [
    'ICER',
    'IOP (level 2.1) against standard outpatient (level 1): the difference in charges per discharged episode over ' +
      'the difference in the share who completed (or were abstinent).',
  ],
];

const CONFIDENCE_NOTE: [string, string] = [
  'Intervals',
  'Rates carry the Wilson score 95% interval; Kaplan-Meier curves the Greenwood log-log 95% band.',
];

function definitionList(entries: Array<[string, string]>): Content[] {
  return entries.map(([term, definition]) => ({
    text: [{ text: `${winAnsi(term)}. `, style: 'label' }, winAnsi(definition)],
    fontSize: 9,
    margin: [0, 0, 0, 5],
  }));
}

/** Definitions of every figure the report shows: the KPIs, the quality measures (the service's), and costs. */
export function definitionsSection(kind: ReportKind, quality: QualityMeasuresResponse): Content[] {
  return [
    sectionHeading('Definitions'),
    ...(kind === 'payer'
      ? [{ text: 'Cost-effectiveness', style: 'subheading' } as Content, ...definitionList(COST_DEFINITIONS)]
      : []),
    { text: 'Key figures', style: 'subheading' },
    ...definitionList([...KPI_DEFINITIONS, CONFIDENCE_NOTE]),
    { text: 'Quality measures', style: 'subheading' },
    ...definitionList(quality.measures.map((measure) => [measure.name, measure.definition])),
  ];
}
