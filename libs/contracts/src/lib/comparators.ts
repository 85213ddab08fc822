/**
 * The inpatient and residential comparators of the cost comparison (docs/METRICS.md "Costs"): for each, a typical
 * length of stay with a low and a high published value, and the comparator's outcome rates, each with its source.
 * They are organisation settings (`comparator.<kind>`), paired with the per-day rate `cost_rate.<kind>_per_day`.
 */

export const COMPARATOR_KINDS = ['residential', 'inpatient'] as const;
export type ComparatorKind = (typeof COMPARATOR_KINDS)[number];

/** The settings key of a comparator, and of the per-day rate it prices. */
export const comparatorSettingKey = (kind: ComparatorKind): string => `comparator.${kind}`;
export const comparatorRateKey = (kind: ComparatorKind): string => `cost_rate.${kind}_per_day`;

/** The comparator a per-day rate key belongs to, or null for a rate with no comparator setting. */
export function comparatorOfRate(rateKey: string): ComparatorKind | null {
  return COMPARATOR_KINDS.find((kind) => comparatorRateKey(kind) === rateKey) ?? null;
}

/** A share in [0, 1] with where it comes from. */
export interface SourcedRate {
  value: number;
  source: string;
}

/** A comparator episode's length of stay in days: the typical value and a published low and high for the range. */
export interface ComparatorLengthOfStay {
  typicalDays: number;
  lowDays: number;
  highDays: number;
  source: string;
}

/** The value of a `comparator.<kind>` setting (also the body of PUT /api/v1/costs/comparators/:kind). */
export interface ComparatorSettingValue {
  lengthOfStay: ComparatorLengthOfStay;
  /** Share of the comparator's discharges that complete treatment. */
  completionRate: SourcedRate;
  /** Share of the comparator's discharges abstinent at discharge. */
  abstinenceRate: SourcedRate;
}

export interface ComparatorSetting extends ComparatorSettingValue {
  kind: ComparatorKind;
  key: string;
  rateKey: string;
  /** True when the organisation has no such setting and the published defaults below apply. */
  isDefault: boolean;
}

/** GET /api/v1/costs/comparators. */
export interface ComparatorSettingsResponse {
  comparators: ComparatorSetting[];
}

const TEDS_2004 =
  'SAMHSA, Treatment Episode Data Set (TEDS) 2004: Discharges from Substance Abuse Treatment Services (2006 data release)';
const TEDS_2019_ABSTINENCE =
  'SAMHSA, TEDS-D 2019 codebook (frequency of use at discharge, FREQ1_D): 575,133 of the 1,185,379 discharges with a ' +
  'known value used the primary substance not at all in the past month (48.5%). All service types and self-reported, ' +
  'so not the screen-based abstinence measured for IOP here; replace with a figure for the comparator when known.';

/**
 * Published defaults (docs/METRICS.md "Costs" lists each). TEDS publishes the median and the mean length of stay per
 * type of service: the median is the typical stay and the low end of the range, the mean (pulled up by a long tail)
 * the high end. Level 3.5 is compared with TEDS short-term residential, level 4 with TEDS hospital residential.
 */
export const DEFAULT_COMPARATOR_SETTINGS: Readonly<Record<ComparatorKind, ComparatorSettingValue>> = {
  residential: {
    lengthOfStay: {
      typicalDays: 20,
      lowDays: 20,
      highDays: 26,
      source: `${TEDS_2004}, Table 2.5 and chapter 5: 78,423 short-term residential discharges, median length of stay 20 days, mean 26 days.`,
    },
    completionRate: {
      value: 0.6149,
      source: `${TEDS_2004}, Table 2.5: 48,222 of 78,423 short-term residential discharges completed treatment (61.5%).`,
    },
    abstinenceRate: { value: 0.4852, source: TEDS_2019_ABSTINENCE },
  },
  inpatient: {
    lengthOfStay: {
      typicalDays: 11,
      lowDays: 11,
      highDays: 29,
      source: `${TEDS_2004}, Table 2.5 and chapter 7: 8,080 hospital residential discharges, median length of stay 11 days, mean 29 days.`,
    },
    completionRate: {
      value: 0.6927,
      source: `${TEDS_2004}, Table 2.5: 5,597 of 8,080 hospital residential discharges completed treatment (69.3%).`,
    },
    abstinenceRate: { value: 0.4852, source: TEDS_2019_ABSTINENCE },
  },
};

/**
 * What is wrong with a comparator setting, in words (empty when nothing is): lengths of stay positive with
 * low <= typical <= high, rates in [0, 1], every source given.
 */
export function comparatorSettingProblems(value: ComparatorSettingValue): string[] {
  const problems: string[] = [];
  const { typicalDays, lowDays, highDays } = value.lengthOfStay;
  const days = { typicalDays, lowDays, highDays };
  for (const [name, number] of Object.entries(days)) {
    if (!Number.isFinite(number) || number <= 0)
      problems.push(`lengthOfStay.${name} must be a positive number of days`);
  }
  if (problems.length === 0 && !(lowDays <= typicalDays && typicalDays <= highDays)) {
    problems.push(
      `lengthOfStay must have lowDays <= typicalDays <= highDays (got ${lowDays}, ${typicalDays}, ${highDays})`,
    );
  }
  for (const name of ['completionRate', 'abstinenceRate'] as const) {
    const rate = value[name].value;
    if (!Number.isFinite(rate) || rate < 0 || rate > 1) problems.push(`${name}.value must be a share between 0 and 1`);
  }
  for (const [name, source] of [
    ['lengthOfStay', value.lengthOfStay.source],
    ['completionRate', value.completionRate.source],
    ['abstinenceRate', value.abstinenceRate.source],
  ] as const) {
    if (source.trim() === '') problems.push(`${name}.source must name where the figure comes from`);
  }
  return problems;
}
