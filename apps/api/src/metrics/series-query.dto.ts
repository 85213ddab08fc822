import {
  BREAKDOWN_DIMENSIONS,
  type BreakdownDimension,
  EPISODE_METRICS,
  type EpisodeMetric,
  TREND_INTERVALS,
  type TrendInterval,
} from '@iop/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { EpisodeFiltersDto } from '../episodes/episode-filters.dto';

/** GET /metrics/trend: a metric per month of admission, with the common filters. */
export class TrendQueryDto extends EpisodeFiltersDto {
  @ApiProperty({ enum: EPISODE_METRICS, description: 'The metric to compute per period' })
  @IsIn(EPISODE_METRICS, { message: `metric must be one of ${EPISODE_METRICS.join(', ')}` })
  metric!: EpisodeMetric;

  @ApiPropertyOptional({ enum: TREND_INTERVALS, default: 'month', description: 'Period of admission' })
  @IsOptional()
  @IsIn(TREND_INTERVALS, { message: `interval must be one of ${TREND_INTERVALS.join(', ')}` })
  interval?: TrendInterval;
}

/** GET /metrics/breakdown: a metric per group of an episode or appointment attribute, with the common filters. */
export class BreakdownQueryDto extends EpisodeFiltersDto {
  @ApiProperty({
    enum: EPISODE_METRICS,
    description: 'The metric to compute per group; with by=sessionType or slot only attendanceRate or noShowRate',
  })
  @IsIn(EPISODE_METRICS, { message: `metric must be one of ${EPISODE_METRICS.join(', ')}` })
  metric!: EpisodeMetric;

  @ApiProperty({ enum: BREAKDOWN_DIMENSIONS, description: 'The attribute to group by' })
  @IsIn(BREAKDOWN_DIMENSIONS, { message: `by must be one of ${BREAKDOWN_DIMENSIONS.join(', ')}` })
  by!: BreakdownDimension;
}
