import type {
  BreakdownResponse,
  CostSummaryResponse,
  DischargeReasonsResponse,
  FlowResponse,
  QualityMeasureDetailResponse,
  QualityMeasuresResponse,
  SummaryResponse,
  TrendResponse,
} from '@iop/contracts';
import { withFunnel } from '../../quality/quality-funnel';
import { suppressQualityDetail, suppressQualityMeasures } from '../../quality/quality-suppression';
import { suppressCosts } from '../suppress-costs';
import { suppressDischargeReasons, suppressFlow, suppressSeries, suppressSummary } from '../suppress-metrics';

/** A payer's view of an exact answer, per route: the suppression the API applies to the payer's scope. */
const SUPPRESSION_BY_ROUTE: Record<string, (exact: never) => unknown> = {
  'GET /api/v1/metrics/summary': (exact: SummaryResponse) => suppressSummary(exact),
  'GET /api/v1/metrics/trend': (exact: TrendResponse) => ({
    ...exact,
    points: suppressSeries(exact.metric, exact.points),
  }),
  'GET /api/v1/metrics/breakdown': (exact: BreakdownResponse) => ({
    ...exact,
    groups: suppressSeries(exact.metric, exact.groups),
  }),
  'GET /api/v1/metrics/flow': (exact: FlowResponse) => suppressFlow(exact),
  'GET /api/v1/metrics/discharge-reasons': (exact: DischargeReasonsResponse) => suppressDischargeReasons(exact),
  'GET /api/v1/costs/summary': (exact: CostSummaryResponse) => suppressCosts(exact),
  'GET /api/v1/quality/measures': (exact: QualityMeasuresResponse) => suppressQualityMeasures(exact),
  // The funnel is drawn again from the withheld splits, as the API draws it.
  'GET /api/v1/quality/measures/:id': (exact: QualityMeasureDetailResponse) => withFunnel(suppressQualityDetail(exact)),
};

/**
 * The answer a payer should receive for `route`, given the admin's exact answer filtered to the payer's payer.
 * Throws for a payer route without a suppression here, so that a new payer endpoint cannot skip it unnoticed.
 */
export function asPayerSees(route: string, exactBody: unknown): unknown {
  const suppress = SUPPRESSION_BY_ROUTE[route];
  if (!suppress) throw new Error(`${route}: no small-cell suppression known for a payer's answer`);
  return suppress(exactBody as never);
}

/**
 * 48 more episodes for the summary fixture (ids 101-148, admitted 2025-01-04 to 2025-05-25, half in each
 * program), so that a payer's answers have cells of 11 or more to compare: 24 commercial (26 with the
 * fixture's two), 24 medicaid; every third active, the others discharged 20 days later, completed or dropped out.
 */
export const PAYER_VOLUME_SQL = `
  INSERT INTO patients (id, org_id, patient_key, birth_year, sex, employment, source_system, source_id)
  SELECT 100 + i, 1, 'PV' || i, 1970 + i % 30, 'male', 'employed', 'fixture', 'pv' || i
  FROM generate_series(1, 48) AS i;
  INSERT INTO episodes (id, org_id, program_id, patient_id, level_of_care, referral_source, admit_date, discharge_date,
      discharge_reason, primary_substance, oud, severity, payer, primary_counselor_id, source_system, source_id)
  SELECT 100 + i, 1, 1 + i % 2, 100 + i, CASE WHEN i % 2 = 0 THEN '2.1' ELSE '1' END, 'self',
         date '2025-01-01' + i * 3,
         CASE WHEN i % 3 = 0 THEN NULL ELSE date '2025-01-01' + i * 3 + 20 END,
         CASE WHEN i % 3 = 0 THEN NULL WHEN i % 3 = 1 THEN 1 ELSE 2 END,
         'alcohol', false, 1, CASE WHEN i % 4 < 2 THEN 'commercial' ELSE 'medicaid' END, 1 + i % 2,
         'fixture', 'ev' || i
  FROM generate_series(1, 48) AS i;
  SELECT refresh_episode_facts();
`;
