import type { GroundTruth } from '../ground-truth';

export interface SettingRow {
  key: string;
  value: unknown;
  dollarYear: number | null;
  source: string;
}

/**
 * The organisation's settings that the dashboard reads (METRICS.md cost-effectiveness and small cells):
 * comparison cost rates with their dollar year and source, the intensity targets, the suppression threshold.
 * Amounts are in cents, like charges.
 */
export function settingRows(truth: GroundTruth): SettingRow[] {
  const dollarYear = truth.dollarYear;
  const illustrative =
    'Synthetic default for the demo network, of the order of published cost studies (DATCAP/SAMHSA); replace with contracted rates.';
  return [
    {
      key: 'cost_rate.residential_per_day',
      value: { amountCents: 45_000, per: 'day', levelOfCare: '3.5' },
      dollarYear,
      source: illustrative,
    },
    {
      key: 'cost_rate.inpatient_per_day',
      value: { amountCents: 125_000, per: 'day', levelOfCare: '4' },
      dollarYear,
      source: illustrative,
    },
    {
      key: 'cost_rate.standard_outpatient_per_visit',
      value: { amountCents: 9_500, per: 'visit', levelOfCare: '1' },
      dollarYear,
      source:
        'DATCAP: standard outpatient about $121 per client-week (METRICS.md), at about 1.3 visits a week; synthetic default.',
    },
    {
      key: 'intensity_targets',
      value: {
        iopMinHoursPerWeekAdult: 9,
        iopMinHoursPerWeekAdolescent: 6,
        iopMaxHoursPerWeek: 19,
        partialHospitalizationMinHoursPerWeek: 20,
      },
      dollarYear: null,
      source:
        'ASAM Criteria, 3rd ed.: level 2.1 is 9-19 hours a week for adults (6 or more for adolescents); 2.5 is 20 or more.',
    },
    {
      key: 'suppression_threshold',
      value: { minimumCount: 11 },
      dollarYear: null,
      source: 'CMS cell-size suppression policy: counts of 1-10 are not shown to payers or in their exports.',
    },
  ];
}
