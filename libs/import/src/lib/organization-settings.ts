import {
  COMPARATOR_KINDS,
  comparatorSettingKey,
  DEFAULT_BENCHMARKS,
  DEFAULT_COMPARATOR_SETTINGS,
} from '@iop/contracts';
import type { ClientBase } from 'pg';

/** One row of an organisation's settings table. */
export interface OrganizationSetting {
  key: string;
  value: unknown;
  dollarYear: number | null;
  source: string;
}

/** The dollar year of the default cost rates. */
export const DEFAULT_RATES_DOLLAR_YEAR = 2025;

/**
 * The settings a new organisation starts with (docs/DATA-IMPORT.md): comparison cost rates with their dollar year
 * and source, the residential and inpatient comparators' published lengths of stay and outcome rates, the ASAM
 * intensity targets and the suppression threshold. Amounts are in cents, like charges. The
 * cost rates are illustrative defaults of the order of published cost studies: an organisation replaces them with
 * its contracted rates.
 */
export function defaultOrganizationSettings(dollarYear = DEFAULT_RATES_DOLLAR_YEAR): OrganizationSetting[] {
  const illustrative = 'Default of the order of published cost studies (DATCAP/SAMHSA); replace with contracted rates.';
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
        'DATCAP: standard outpatient about $121 per client-week (METRICS.md), at about 1.3 visits a week; default.',
    },
    ...COMPARATOR_KINDS.map((kind) => ({
      key: comparatorSettingKey(kind),
      value: DEFAULT_COMPARATOR_SETTINGS[kind],
      dollarYear: null,
      source: DEFAULT_COMPARATOR_SETTINGS[kind].lengthOfStay.source,
    })),
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

/**
 * Gives a new organisation the published benchmarks (docs/METRICS.md "Benchmarks and targets"), which an admin then
 * keeps: each figure with its source and year, and those whose population differs from the measure's marked not
 * comparable with the reason.
 */
export async function insertDefaultBenchmarks(client: ClientBase, orgId: number): Promise<number> {
  for (const benchmark of DEFAULT_BENCHMARKS) {
    await client.query(
      `INSERT INTO metric_benchmarks (org_id, metric, value, direction, source, year, comparable, not_comparable_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        orgId,
        benchmark.metric,
        benchmark.value,
        benchmark.direction,
        benchmark.source,
        benchmark.year,
        benchmark.comparable,
        benchmark.notComparableReason,
      ],
    );
  }
  return DEFAULT_BENCHMARKS.length;
}
