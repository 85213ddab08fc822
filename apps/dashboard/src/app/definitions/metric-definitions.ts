/**
 * How each number is computed, in plain words, for the definitions page that every chart frame links to
 * (`/definitions#<anchor>`). The authority is docs/METRICS.md; this is its reader-facing digest, and an
 * anchor here is the `definition` input a page gives its chart frame.
 */
export interface MetricDefinition {
  anchor: string;
  term: string;
  definition: string;
}

export interface DefinitionGroup {
  heading: string;
  definitions: readonly MetricDefinition[];
}

export const DEFINITION_GROUPS: readonly DefinitionGroup[] = [
  {
    heading: 'Conventions',
    definitions: [
      {
        anchor: 'episode',
        term: 'Episode',
        definition:
          'One admission of one patient to one program. The filters select episodes; the date range applies to the admit date, inclusive.',
      },
      {
        anchor: 'as-of',
        term: 'As of',
        definition:
          "Every number is computed as of the data set's end date, never today's date, so the same data always gives the same numbers.",
      },
      {
        anchor: 'length-of-stay',
        term: 'Length of stay',
        definition:
          'Last day − admit date + 1, in days; the last day is the discharge date, or the as-of date for an episode still active.',
      },
      {
        anchor: 'rates',
        term: 'Rates and intervals',
        definition:
          'Numerator ÷ denominator with a Wilson score 95% confidence interval. Cells under 11 are withheld to protect privacy.',
      },
    ],
  },
  {
    heading: 'Headline metrics',
    definitions: [
      { anchor: 'episodes', term: 'Episodes', definition: 'Episodes admitted in the filter window.' },
      {
        anchor: 'active-episodes',
        term: 'Active census',
        definition: 'Of those, episodes with no discharge on the as-of date.',
      },
      {
        anchor: 'attendance-rate',
        term: 'Attendance rate',
        definition:
          'Attended ÷ (attended + no-shows + cancellations by the patient). Sessions the program cancelled and future bookings are left out.',
      },
      {
        anchor: 'no-show-rate',
        term: 'No-show rate',
        definition: 'No-shows ÷ (attended + no-shows + cancellations by the patient).',
      },
      {
        anchor: 'attended-hours-per-week',
        term: 'Attended hours per week',
        definition: 'Per episode: hours of attended sessions ÷ weeks in treatment; mean and median over the episodes.',
      },
      {
        anchor: 'meets-intensity',
        term: 'Meets IOP intensity',
        definition: 'Episodes attending at least 9 hours a week (6 for patients under 18) ÷ episodes.',
      },
      {
        anchor: 'compliance',
        term: 'Compliance score',
        definition:
          'Mean of session adherence, screen adherence and goal attainment, where defined; compliant means a score of at least 0.80.',
      },
      {
        anchor: 'retention',
        term: 'Retained 30, 60, 90 days',
        definition:
          'Episodes with a length of stay of at least N days ÷ episodes admitted at least N days before the as-of date.',
      },
      {
        anchor: 'completion-rate',
        term: 'Completion, positive conclusion and dropout',
        definition:
          'Among discharged episodes: completed; completed or transferred; dropped out or terminated by the facility.',
      },
      {
        anchor: 'median-length-of-stay',
        term: 'Median length of stay',
        definition: 'Median length of stay in days, active episodes counted to the as-of date.',
      },
      {
        anchor: 'negative-screen-rate',
        term: 'Negative drug screens',
        definition:
          'Negative ÷ expected screens, a missing screen counted as positive; a positive only for a medication dispensed to the patient counts as negative.',
      },
      {
        anchor: 'abstinent-final-4-weeks',
        term: 'Abstinent in the final 4 weeks',
        definition:
          'Discharged episodes whose expected screens in their last 28 days were all negative ÷ discharged episodes with at least one.',
      },
      {
        anchor: 'readmission',
        term: 'Readmitted within 30 or 90 days',
        definition:
          'Discharges (transfers excepted) followed by a new episode of the same patient 1–30 (1–90) days later ÷ such discharges at least 30 (90) days before the as-of date.',
      },
      {
        anchor: 'admissions-discharges',
        term: 'Admissions and discharges by month',
        definition:
          'Selected episodes counted in the month of their admit date (admissions) and in the month of their discharge date (discharges). Active census at a month end = admissions so far − discharges so far.',
      },
      {
        anchor: 'discharge-reasons',
        term: 'Discharge reasons',
        definition:
          'Discharged episodes by TEDS-D reason (completed, dropped out, terminated by facility, transferred, incarcerated, death, other) ÷ discharged episodes, each with a Wilson 95% interval. Active episodes are in no share.',
      },
    ],
  },
  {
    heading: 'Retention, costs and evidence',
    definitions: [
      {
        anchor: 'retention-curves',
        term: 'Retention curves',
        definition:
          'Kaplan–Meier estimate of staying engaged over the length of stay, with a 95% band; dropping out or termination by the facility ends engagement, other discharges are censored. Groups are compared with the log-rank test.',
      },
      {
        anchor: 'costs',
        term: 'Cost per outcome',
        definition:
          'Total charges of discharged episodes divided by episodes, weeks in treatment, completers, patients retained 90 days or abstinent patients.',
      },
      {
        anchor: 'cost-outcome-rates',
        term: 'Outcomes behind the costs',
        definition:
          'Per level of care, among discharged episodes (active ones left out): completed (discharge reason 1), stayed at least 90 days, and abstinent (every expected screen of the last 28 days negative), each ÷ discharged episodes, with Wilson 95% intervals.',
      },
      {
        anchor: 'per-day-comparison',
        term: 'IOP against inpatient and residential rates',
        definition:
          "The discharged IOP episodes priced at the settings' per-day rate for the same days: rate × their mean length of stay per episode, rate × 7 per week. Savings = that − IOP charges per episode. The data has no inpatient outcomes, so prices are compared, not outcomes.",
      },
      {
        anchor: 'icer',
        term: 'Incremental cost-effectiveness',
        definition:
          'Difference in cost per episode between IOP and standard outpatient care ÷ difference in the share completing (or abstinent).',
      },
      {
        anchor: 'evidence',
        term: 'Evidence verdicts',
        definition:
          'Each claim is tested with and without adjustment for case mix (age, sex, substance, severity, prior episodes, payer); "associated" means the adjusted 95% interval excludes no effect. Associations, not causes.',
      },
    ],
  },
];
