import { WITHHELD_TEXT } from './display-format';
import type { EpisodeMetric } from './metrics';

/**
 * What each figure of the product means, in the reader's words: the one source that the dashboard's
 * definitions page and the PDF reports' definitions render. docs/METRICS.md is the full specification (edge
 * cases, choices, SQL-level rules); every id of this catalogue is named there in backticks, and a test fails
 * when one is missing.
 */

/** What a figure is measured in. */
export type MetricUnit = 'count' | 'proportion' | 'hours per week' | 'score 0–1' | 'days' | 'US dollars' | 'verdict';

/** Where a figure sits on the definitions page. */
export type DefinitionGroupId = 'headline' | 'retention-costs-evidence';

export interface MetricDefinition {
  label: string;
  /** One or two plain sentences: what the figure says and what is left out. */
  definition: string;
  /** What is counted above the line of a rate or ratio; null for counts, means, medians and curves. */
  numerator: string | null;
  denominator: string | null;
  unit: MetricUnit;
  group: DefinitionGroupId;
  /**
   * Anchor on the definitions page (`/definitions#<anchor>`), the `definition` input of a chart frame. Figures
   * read together (retention at 30, 60 and 90 days) share one.
   */
  anchor: string;
}

const headline = (
  anchor: string,
  label: string,
  unit: MetricUnit,
  definition: string,
  ratio: [numerator: string, denominator: string] | null = null,
): MetricDefinition => ({
  label,
  definition,
  numerator: ratio?.[0] ?? null,
  denominator: ratio?.[1] ?? null,
  unit,
  group: 'headline',
  anchor,
});

const COUNTED_APPOINTMENTS = 'appointments attended, missed (no-show) or cancelled by the patient';

const retained = (days: 30 | 60 | 90): MetricDefinition =>
  headline(
    'retention',
    `Retained ${days} days`,
    'proportion',
    `Of the episodes admitted long enough ago to have stayed ${days} days, the share that did; later admissions are not yet eligible.`,
    [
      `episodes with a length of stay of at least ${days} days`,
      `episodes admitted at least ${days} days before the as-of date`,
    ],
  );

const readmitted = (days: 30 | 90): MetricDefinition =>
  headline(
    'readmission',
    `Readmitted within ${days} days`,
    'proportion',
    `Discharges (transfers excepted) followed by a new episode of the same patient, in any program, 1–${days} days later.`,
    [
      `those discharges followed by a new admission 1–${days} days after the discharge date`,
      `discharges other than transfers at least ${days} days before the as-of date`,
    ],
  );

/** The metrics the summary, trend and breakdown compute, each as its summary field. */
const EPISODE_METRIC_DEFINITIONS: Record<EpisodeMetric, MetricDefinition> = {
  episodes: headline('episodes', 'Episodes', 'count', 'Episodes admitted in the filter window.'),
  activeEpisodes: headline(
    'active-episodes',
    'Active census',
    'count',
    'Of those, episodes with no discharge on the as-of date.',
  ),
  attendanceRate: headline(
    'attendance-rate',
    'Attendance rate',
    'proportion',
    "The share of the episodes' appointments, up to each episode's last day, that the patient attended. Sessions the program cancelled and bookings still scheduled are left out.",
    ['attended appointments', COUNTED_APPOINTMENTS],
  ),
  noShowRate: headline(
    'no-show-rate',
    'No-show rate',
    'proportion',
    'The share of the same appointments missed without notice: with the attendance rate and the share the patient cancelled it adds up to 1.',
    ['no-shows', COUNTED_APPOINTMENTS],
  ),
  attendedHoursPerWeek: headline(
    'attended-hours-per-week',
    'Attended hours per week',
    'hours per week',
    'Per episode: hours of attended sessions ÷ weeks in treatment (length of stay ÷ 7); mean and median over the episodes.',
  ),
  meetsIntensity: headline(
    'meets-intensity',
    'Meets IOP intensity',
    'proportion',
    'Episodes attending at least the ASAM 2.1 floor: 9 hours a week, 6 for patients under 18 at admission.',
    ['episodes whose attended hours per week reach their floor', 'episodes'],
  ),
  complianceScore: headline(
    'compliance',
    'Compliance score',
    'score 0–1',
    'Per episode, the mean of the components defined for it: session adherence (its attendance rate), screen adherence (expected screens collected) and goal attainment (goals met of those due); averaged over the episodes that have a score.',
  ),
  compliant: headline(
    'compliance',
    'Compliant',
    'proportion',
    'Episodes whose compliance score is at least 0.80; an episode with no defined component has no score and is left out.',
    ['episodes with a compliance score of at least 0.80', 'episodes with a compliance score'],
  ),
  retained30: retained(30),
  retained60: retained(60),
  retained90: retained(90),
  completionRate: headline(
    'completion-rate',
    'Completion rate',
    'proportion',
    'Discharged episodes that completed treatment (discharge reason 1).',
    ['discharges as completed', 'discharged episodes'],
  ),
  positiveConclusionRate: headline(
    'completion-rate',
    'Positive conclusion rate',
    'proportion',
    "Discharged episodes that completed or were transferred (reasons 1 and 4, SAMHSA's convention).",
    ['discharges as completed or transferred', 'discharged episodes'],
  ),
  dropoutRate: headline(
    'completion-rate',
    'Dropout rate',
    'proportion',
    'Discharged episodes that dropped out or were terminated by the facility (reasons 2 and 3).',
    ['discharges as dropped out or terminated by the facility', 'discharged episodes'],
  ),
  medianLengthOfStay: headline(
    'median-length-of-stay',
    'Median length of stay',
    'days',
    'Median length of stay in days over the selected episodes, active ones counted to the as-of date; the median of the retention curves treats them as censored instead.',
  ),
  negativeScreenRate: headline(
    'negative-screen-rate',
    'Negative drug screens',
    'proportion',
    'Expected drug screens that were negative. A missing screen counts as positive; a positive only for a medication dispensed to the patient counts as negative; unexpected (ad hoc) screens are left out.',
    ['negative expected screens', 'expected screens'],
  ),
  abstinentFinal4Weeks: headline(
    'abstinent-final-4-weeks',
    'Abstinent in the final 4 weeks',
    'proportion',
    'Discharged episodes whose expected screens in their last 28 days were all negative; active episodes are left out, their final weeks have not happened yet.',
    [
      'discharged episodes whose expected screens of the last 28 days were all negative',
      'discharged episodes with at least one expected screen in their last 28 days',
    ],
  ),
  readmitted30: readmitted(30),
  readmitted90: readmitted(90),
};

const laterGroup = (
  anchor: string,
  label: string,
  unit: MetricUnit,
  definition: string,
  ratio: [numerator: string, denominator: string] | null = null,
): MetricDefinition => ({ ...headline(anchor, label, unit, definition, ratio), group: 'retention-costs-evidence' });

const costPer = (label: string, denominator: string, definition: string): MetricDefinition =>
  laterGroup('costs', label, 'US dollars', definition, ['total charges of the discharged episodes', denominator]);

/** The figures beyond the episode metrics: monthly flow, discharge reasons, curves, costs and the evidence board. */
const FIGURE_DEFINITIONS = {
  admissions: headline(
    'admissions-discharges',
    'Admissions by month',
    'count',
    'Selected episodes counted in the month of their admit date.',
  ),
  discharges: headline(
    'admissions-discharges',
    'Discharges by month',
    'count',
    "Selected episodes counted in the month of their discharge date, which may lie after the filter window. The active census at a month's end is admissions so far − discharges so far.",
  ),
  dischargeReasons: headline(
    'discharge-reasons',
    'Discharge reasons',
    'proportion',
    'Discharged episodes by TEDS-D reason (completed, dropped out, terminated by facility, transferred, incarcerated, death, other), each share with a Wilson 95% interval. Active episodes are in no share.',
    ['discharged episodes with the reason', 'discharged episodes'],
  ),
  retentionCurves: laterGroup(
    'retention-curves',
    'Retention curves',
    'proportion',
    'Kaplan–Meier estimate of the share still engaged over the length of stay, with a Greenwood log-log 95% band. Dropping out or termination by the facility ends engagement; other discharges and active episodes are censored. Groups are compared with the log-rank test.',
  ),
  costPerEpisode: costPer(
    'Cost per episode',
    'discharged episodes',
    "Charges in dollars of the settings' dollar year, over discharged episodes only: active ones have unfinished charges and outcomes.",
  ),
  costPerWeek: costPer(
    'Cost per week in treatment',
    'weeks in treatment of the discharged episodes (length of stay ÷ 7)',
    'The same charges spread over the time in treatment.',
  ),
  costPerCompleter: costPer(
    'Cost per completer',
    'discharged episodes that completed treatment',
    'Early dropouts, who cost little, raise it.',
  ),
  costPerRetained90: costPer(
    'Cost per patient retained 90 days',
    'discharged episodes that stayed at least 90 days',
    'Not defined when no discharged episode stayed that long.',
  ),
  costPerAbstinent: costPer(
    'Cost per abstinent patient',
    'discharged episodes abstinent in the final 4 weeks',
    'Not defined when no discharged episode was abstinent.',
  ),
  costOutcomeRates: laterGroup(
    'cost-outcome-rates',
    'Outcomes behind the costs',
    'proportion',
    'Per level of care, among discharged episodes (active ones left out): completed (discharge reason 1), stayed at least 90 days, and abstinent (every expected screen of the last 28 days negative), each with a Wilson 95% interval.',
    ['discharged episodes with the outcome', 'discharged episodes'],
  ),
  perDayComparisons: laterGroup(
    'per-day-comparison',
    'IOP against inpatient and residential rates',
    'US dollars',
    "A comparator episode is the settings' per-day rate × the comparator's own typical length of stay (a published figure in the settings, with its source), never the IOP episodes' days; rate × 7 per week. Savings = that − IOP charges per episode, also at the shortest and longest published stays, to show whether IOP stays cheaper across the range. Cost per completer (or abstinent patient) for the comparator uses its published outcome rate.",
  ),
  icer: laterGroup(
    'icer',
    'Incremental cost-effectiveness',
    'US dollars',
    'IOP (level 2.1) against standard outpatient care (level 1), per additional completer (or abstinent patient). IOP is "dominated" when it costs at least as much and achieves at most as much, "dominant" the reverse.',
    ['charges per discharged episode, IOP − outpatient', 'share completing (or abstinent), IOP − outpatient'],
  ),
  verdict: laterGroup(
    'evidence',
    'Evidence verdicts',
    'verdict',
    'Each claim is tested with and without adjustment for case mix (age, sex, substance, severity, prior episodes, payer); "associated" means the adjusted 95% interval excludes no effect and its false-discovery-rate adjusted p (Benjamini-Hochberg q over the claims tested) is below 0.05, so that testing ten claims does not turn chance into findings. Associations, not causes.',
  ),
} satisfies Record<string, MetricDefinition>;

export const METRIC_CATALOGUE = { ...EPISODE_METRIC_DEFINITIONS, ...FIGURE_DEFINITIONS } as const;

export type MetricId = keyof typeof METRIC_CATALOGUE;

export const METRIC_IDS = Object.keys(METRIC_CATALOGUE) as MetricId[];

/** "Numerator: attended appointments. Denominator: …"; '' for a figure that is no ratio. */
export function ratioText(definition: Pick<MetricDefinition, 'numerator' | 'denominator'>): string {
  if (definition.numerator === null || definition.denominator === null) return '';
  return `Numerator: ${definition.numerator}. Denominator: ${definition.denominator}.`;
}

/** The terms every figure rests on, stated once at the top of the definitions page. */
export interface ConventionDefinition {
  anchor: string;
  term: string;
  definition: string;
}

export const CONVENTIONS = {
  episode: {
    anchor: 'episode',
    term: 'Episode',
    definition:
      'One admission of one patient to one program. The filters select episodes; the date range applies to the admit date, inclusive.',
  },
  asOf: {
    anchor: 'as-of',
    term: 'As of',
    definition:
      "Every number is computed as of the data set's end date, never today's date, so the same data always gives the same numbers.",
  },
  lengthOfStay: {
    anchor: 'length-of-stay',
    term: 'Length of stay',
    definition:
      'Last day − admit date + 1, in days; the last day is the discharge date, or the as-of date for an episode still active.',
  },
  intervals: {
    anchor: 'rates',
    term: 'Rates and intervals',
    definition: `Numerator ÷ denominator with its Wilson score 95% confidence interval; Kaplan–Meier curves carry the Greenwood log-log 95% band. Cells of ${WITHHELD_TEXT} episodes are withheld from payers to protect privacy.`,
  },
} as const satisfies Record<string, ConventionDefinition>;
