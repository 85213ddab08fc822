import type { BenchmarkValue } from './benchmarks';

const TEDS_2004 =
  'SAMHSA, Treatment Episode Data Set (TEDS) 2004: Discharges from Substance Abuse Treatment Services (2006 data release)';
const FOLLOW_UP_NOT_COMPARABLE =
  "Not comparable: this measure counts only episodes admitted to the program (every case in the data reached it), while the published rate's denominator is every discharge from inpatient, residential or withdrawal care, including those who never reached any follow-up.";

/**
 * The published figures every organisation starts with (docs/METRICS.md "Benchmarks and targets"); migration
 * 1765500000000 seeded existing organisations with these.
 */
export const DEFAULT_BENCHMARKS: readonly BenchmarkValue[] = [
  {
    metric: 'completionRate',
    value: 0.3768,
    direction: 'higher',
    source: `${TEDS_2004}, Table 2.5 and chapter 4: 43,119 of 114,440 intensive outpatient discharges completed treatment (37.7%).`,
    year: 2004,
    comparable: true,
    notComparableReason: null,
  },
  {
    metric: 'costPerWeek',
    value: 462,
    direction: 'neither',
    source:
      "Roebuck MC, French MT, McLellan AT. DATStats: results from 85 studies using the Drug Abuse Treatment Cost Analysis Program (DATCAP). J Subst Abuse Treat 2003;25:51-57: intensive outpatient (6 programs), mean weekly economic cost per client $462 (SD $243), in 2001 dollars. An economic cost, not charges, and not adjusted to the settings' dollar year.",
    year: 2001,
    comparable: true,
    notComparableReason: null,
  },
  {
    metric: 'attendedHoursPerWeek',
    value: 9,
    direction: 'higher',
    source:
      'Mee-Lee D, ed. The ASAM Criteria, 3rd edition (2013), Level 2.1 Intensive Outpatient Services: 9 or more hours of service a week for adults (6 or more for adolescents). A floor, not an average.',
    year: 2013,
    comparable: true,
    notComparableReason: null,
  },
  {
    metric: 'fui-7',
    value: null,
    direction: 'higher',
    source:
      "NCQA HEDIS, Follow-Up After High-Intensity Care for Substance Use Disorder (FUI), 7-day rate, first reported for measurement year 2022; national averages in NCQA's State of Healthcare Quality report (no figure entered, since it is not comparable).",
    year: 2022,
    comparable: false,
    notComparableReason: FOLLOW_UP_NOT_COMPARABLE,
  },
  {
    metric: 'fui-30',
    value: null,
    direction: 'higher',
    source:
      "NCQA HEDIS, Follow-Up After High-Intensity Care for Substance Use Disorder (FUI), 30-day rate, first reported for measurement year 2022; national averages in NCQA's State of Healthcare Quality report (no figure entered, since it is not comparable).",
    year: 2022,
    comparable: false,
    notComparableReason: FOLLOW_UP_NOT_COMPARABLE,
  },
  {
    metric: 'fui-30',
    value: 0.49,
    direction: 'higher',
    source:
      'Stein BD, Kogan JN, Sorbero M. Substance abuse detoxification and residential treatment among Medicaid-enrolled adults: rates and duration of subsequent treatment. Drug Alcohol Depend 2009;104(1-2):100-106: 49% of 5,670 Medicaid-enrolled adults received follow-up care within 30 days of discharge (2004-2006).',
    year: 2006,
    comparable: false,
    notComparableReason: FOLLOW_UP_NOT_COMPARABLE,
  },
];
