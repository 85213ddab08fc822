import {
  BREAKDOWN_DIMENSIONS,
  type BreakdownDimension,
  type BreakdownGroup,
  type BreakdownResponse,
  type CountOrSuppressed,
  EPISODE_METRICS,
  type EpisodeMetric,
  type MetricValue,
  TREND_INTERVALS,
  type TrendInterval,
  type TrendPoint,
  type TrendResponse,
} from '@iop/contracts';
import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { countOrSuppressed, SuppressedValueDoc } from '../suppression/suppressed-value.response';
import { RateValueDoc } from '../episodes/rate.response';

/** OpenAPI 3.0 ignores `nullable` beside `oneOf` without a `type`, so null is one of the alternatives. */
const METRIC_VALUE = {
  description: 'A rate for rate metrics; a number for counts, means (hours, compliance score) and medians; or null',
  oneOf: [
    { $ref: getSchemaPath(RateValueDoc) },
    { $ref: getSchemaPath(SuppressedValueDoc) },
    { type: 'number', nullable: true },
  ],
};

export class TrendPointDoc implements TrendPoint {
  @ApiProperty({ example: '2025-01', description: 'Month of admission (YYYY-MM)' }) period!: string;
  @ApiProperty(METRIC_VALUE) value!: MetricValue;
  @countOrSuppressed('Episodes admitted in the period') n!: CountOrSuppressed;
}

export class TrendResponseDoc implements TrendResponse {
  @ApiProperty({ type: String, nullable: true, example: '2026-06-30' }) asOf!: string | null;
  @ApiProperty({ enum: EPISODE_METRICS }) metric!: EpisodeMetric;
  @ApiProperty({ enum: TREND_INTERVALS }) interval!: TrendInterval;
  @ApiProperty({ type: [TrendPointDoc], description: 'Every month from the first to the last with admissions' })
  points!: TrendPointDoc[];
}

export class BreakdownGroupDoc implements BreakdownGroup {
  @ApiProperty({ example: '1', description: "Group id or code ('none': no primary counselor)" }) key!: string;
  @ApiProperty({ example: 'Evening IOP' }) label!: string;
  @ApiProperty(METRIC_VALUE) value!: MetricValue;
  @countOrSuppressed('Episodes in the group; for sessionType and slot, appointments in the denominator')
  n!: CountOrSuppressed;
}

export class BreakdownResponseDoc implements BreakdownResponse {
  @ApiProperty({ type: String, nullable: true, example: '2026-06-30' }) asOf!: string | null;
  @ApiProperty({ enum: EPISODE_METRICS }) metric!: EpisodeMetric;
  @ApiProperty({ enum: BREAKDOWN_DIMENSIONS }) by!: BreakdownDimension;
  @ApiProperty({ type: [BreakdownGroupDoc] }) groups!: BreakdownGroupDoc[];
}
