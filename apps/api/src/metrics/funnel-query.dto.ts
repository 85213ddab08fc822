import {
  FUNNEL_ADJUSTMENTS,
  FUNNEL_DIMENSIONS,
  FUNNEL_METRICS,
  type FunnelAdjustment,
  type FunnelDimension,
  type FunnelMetric,
} from '@iop/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { EpisodeFiltersDto } from '../episodes/episode-filters.dto';

/** GET /metrics/funnel: a rate per unit against control limits, with the common filters. */
export class FunnelQueryDto extends EpisodeFiltersDto {
  @ApiProperty({ enum: FUNNEL_METRICS, description: 'The rate to compare the units on' })
  @IsIn(FUNNEL_METRICS, { message: `metric must be one of ${FUNNEL_METRICS.join(', ')}` })
  metric!: FunnelMetric;

  @ApiProperty({ enum: FUNNEL_DIMENSIONS, description: 'The units to compare; payer is for admins only' })
  @IsIn(FUNNEL_DIMENSIONS, { message: `by must be one of ${FUNNEL_DIMENSIONS.join(', ')}` })
  by!: FunnelDimension;

  @ApiPropertyOptional({
    enum: FUNNEL_ADJUSTMENTS,
    default: 'none',
    description:
      'casemix: indirect standardisation by a logistic model on the evidence board covariates ' +
      '(completionRate and retained90 only; the model is stated in the answer)',
  })
  @IsOptional()
  @IsIn(FUNNEL_ADJUSTMENTS, { message: `adjust must be one of ${FUNNEL_ADJUSTMENTS.join(', ')}` })
  adjust?: FunnelAdjustment;
}
