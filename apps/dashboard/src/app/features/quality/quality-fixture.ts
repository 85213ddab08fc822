import type {
  FunnelLimitPoint,
  FunnelPlot,
  QualityMeasureDetailResponse,
  QualityMeasureResult,
  QualityMeasuresResponse,
  QualityPatientsResponse,
  RateValue,
  SuppressedValue,
} from '@iop/contracts';

/** Wilson intervals worked out by hand (z = 1.96) for the counts below, rounded to 4 places. */
const rate = (numerator: number, denominator: number, ci95: [number, number] | null): RateValue => ({
  numerator,
  denominator,
  rate: denominator === 0 ? null : numerator / denominator,
  ci95,
});

export const SMALL_SUPPRESSED: SuppressedValue = { suppressed: true, reason: 'fewer than 11 episodes' };

const IET_INITIATION: QualityMeasureResult = {
  id: 'iet-initiation',
  name: 'IET initiation',
  definition: 'Episodes of patients aged 13 or more whose first attended service falls within 13 days of referral',
  rate: rate(412, 530, [0.74, 0.8107]),
  exclusions: [
    { reason: 'no referral date', count: 37 },
    { reason: "referred fewer than 14 days before the data's end", count: 6 },
    { reason: 'under 13 at admission', count: 12 },
  ],
};

const POD: QualityMeasureResult = {
  id: 'pod',
  name: 'POD (180-day OUD pharmacotherapy)',
  definition: 'OUD episodes of patients aged 16 or more whose pharmacotherapy runs 180 days or more',
  rate: rate(7, 19, [0.1915, 0.5896]),
  exclusions: [{ reason: 'under 16 at admission', count: 3 }],
};

/** What the admin (exact values) receives: POD rests on 7 of 19 episodes, a small cell marked on the page. */
export const QUALITY_MEASURES: QualityMeasuresResponse = {
  asOf: '2026-06-30',
  measures: [
    IET_INITIATION,
    {
      id: 'iet-engagement',
      name: 'IET engagement',
      definition: 'Initiated episodes with 2 or more further events in the 34 days after initiation',
      rate: rate(198, 512, [0.3455, 0.4296]),
      exclusions: [],
    },
    POD,
    {
      id: 'pdc-mat',
      name: 'PDC for MAT',
      definition: 'Episodes with a dispense whose days covered are 80% or more of the period',
      rate: rate(41, 63, [0.5275, 0.7567]),
      exclusions: [],
    },
    {
      id: 'fui-7',
      name: 'Follow-up within 7 days',
      definition: 'Episodes referred from residential or inpatient care seen within 7 days of that discharge',
      rate: rate(0, 0, null),
      exclusions: [{ reason: 'no discharge date of the referring stay', count: 15 }],
    },
    {
      id: 'fui-30',
      name: 'Follow-up within 30 days',
      definition: 'Episodes referred from residential or inpatient care seen within 30 days of that discharge',
      rate: rate(60, 88, [0.5787, 0.7698]),
      exclusions: [],
    },
  ],
};

/** What a payer receives of the same: POD and the small exclusion counts withheld. */
export const PAYER_QUALITY_MEASURES: QualityMeasuresResponse = {
  ...QUALITY_MEASURES,
  measures: QUALITY_MEASURES.measures.map((measure) => ({
    ...measure,
    rate: measure.id === 'pod' ? SMALL_SUPPRESSED : measure.rate,
    exclusions: measure.exclusions.map((exclusion) => ({
      ...exclusion,
      count: typeof exclusion.count === 'number' && exclusion.count <= 10 ? SMALL_SUPPRESSED : exclusion.count,
    })),
  })),
};

/**
 * Limits around IET initiation's 412/530 by the normal approximation p0 ± z·sqrt(p0(1 - p0)/n) (z = 1.96, 3.09),
 * rounded to 3 places: the chart draws what it is given, so they need only agree with the positions below.
 */
function limitsAt(n: number): FunnelLimitPoint {
  const p0 = 412 / 530;
  const sd = Math.sqrt((p0 * (1 - p0)) / n);
  const at = (z: number) => Math.min(1, Math.round((p0 + z * sd) * 1000) / 1000);
  return { n, lower95: at(-1.96), upper95: at(1.96), lower998: at(-3.09), upper998: at(3.09) };
}

/** Riverside's 25/31 (80.6%) within both limits; Hillcrest's 17/40 (42.5%) below the 99.8% lower limit (57.4%). */
const IET_INITIATION_FUNNEL: FunnelPlot = {
  network: IET_INITIATION.rate,
  method: 'exact-binomial',
  units: [
    {
      key: '1',
      label: 'Riverside Intensive Outpatient Program',
      numerator: 25,
      denominator: 31,
      rate: 25 / 31,
      limits: limitsAt(31),
      at95: 'within',
      at998: 'within',
    },
    {
      key: '2',
      label: 'Hillcrest IOP',
      numerator: 17,
      denominator: 40,
      rate: 17 / 40,
      limits: limitsAt(40),
      at95: 'below',
      at998: 'below',
    },
  ],
  withheld: [],
  curve: [15, 20, 31, 40, 44].map(limitsAt),
};

export const IET_INITIATION_DETAIL: QualityMeasureDetailResponse = {
  asOf: '2026-06-30',
  measure: IET_INITIATION,
  trend: [
    { key: '2025-01', label: '2025-01', rate: rate(30, 44, [0.5344, 0.8]) },
    { key: '2025-02', label: '2025-02', rate: rate(0, 0, null) },
    { key: '2025-03', label: '2025-03', rate: rate(4, 9, [0.1888, 0.7333]) },
  ],
  byProgram: [
    { key: '1', label: 'Riverside IOP', rate: rate(25, 31, [0.6372, 0.9081]) },
    { key: '2', label: 'Hillcrest IOP', rate: rate(17, 40, [0.2851, 0.578]) },
  ],
  byPayer: [
    { key: 'commercial', label: 'Commercial', rate: rate(12, 20, [0.3866, 0.7812]) },
    { key: 'medicaid', label: 'Medicaid', rate: rate(35, 50, [0.5625, 0.809]) },
  ],
  funnel: IET_INITIATION_FUNNEL,
};

/** A payer's: March withheld from the trend, and Riverside withheld from the funnel (never placed). */
export const PAYER_IET_INITIATION_DETAIL: QualityMeasureDetailResponse = {
  ...IET_INITIATION_DETAIL,
  trend: IET_INITIATION_DETAIL.trend.map((point) =>
    point.key === '2025-03' ? { ...point, rate: SMALL_SUPPRESSED } : point,
  ),
  funnel: {
    ...IET_INITIATION_FUNNEL,
    units: IET_INITIATION_FUNNEL.units.slice(1),
    withheld: [{ key: '1', label: 'Riverside Intensive Outpatient Program', value: SMALL_SUPPRESSED }],
  },
};

export const IET_INITIATION_NUMERATOR: QualityPatientsResponse = {
  asOf: '2026-06-30',
  measureId: 'iet-initiation',
  population: 'numerator',
  columns: {
    startDate: 'Referral date',
    eventDate: 'First attended service on or after the referral date',
    days: 'Days from referral to that service',
  },
  rows: [
    {
      patientKey: 'SYN0000123',
      episodeId: 501,
      programId: 1,
      admitDate: '2025-01-06',
      inNumerator: true,
      startDate: '2025-01-02',
      eventDate: '2025-01-06',
      days: 4,
      proportion: null,
    },
    {
      patientKey: 'SYN0000456',
      episodeId: 502,
      programId: 2,
      admitDate: '2025-03-17',
      inNumerator: true,
      startDate: '2025-03-03',
      eventDate: '2025-03-16',
      days: 13,
      proportion: null,
    },
  ],
};

export const PDC_DENOMINATOR: QualityPatientsResponse = {
  asOf: '2026-06-30',
  measureId: 'pdc-mat',
  population: 'denominator',
  columns: { startDate: 'First dispense', eventDate: 'Last day of the period', days: 'Days covered' },
  rows: [
    {
      patientKey: 'SYN0000789',
      episodeId: 610,
      programId: 1,
      admitDate: '2025-02-03',
      inNumerator: true,
      startDate: '2025-02-10',
      eventDate: '2025-05-10',
      days: 72,
      proportion: 0.8,
    },
    {
      patientKey: 'SYN0000790',
      episodeId: 611,
      programId: 1,
      admitDate: '2025-02-04',
      inNumerator: false,
      startDate: null,
      eventDate: null,
      days: null,
      proportion: null,
    },
  ],
};
