import {
  EARLY_WARNING_DIRECTIONS,
  EARLY_WARNING_SORTS,
  type EarlyWarningDirection,
  type EarlyWarningSort,
} from '@iop/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { EpisodeFiltersDto } from '../episodes/episode-filters.dto';

/** GET /early-warning: the common filters (counselorId narrows to a counselor's patients), the order. */
export class EarlyWarningQueryDto extends EpisodeFiltersDto {
  @ApiPropertyOptional({ enum: EARLY_WARNING_SORTS, description: 'The order of the list (default risk)' })
  @IsOptional()
  @IsIn(EARLY_WARNING_SORTS, { message: `sort must be one of ${EARLY_WARNING_SORTS.join(', ')}` })
  sort?: EarlyWarningSort;

  @ApiPropertyOptional({
    enum: EARLY_WARNING_DIRECTIONS,
    description: 'Default: desc for risk (highest first), asc for the others',
  })
  @IsOptional()
  @IsIn(EARLY_WARNING_DIRECTIONS, { message: `direction must be one of ${EARLY_WARNING_DIRECTIONS.join(', ')}` })
  direction?: EarlyWarningDirection;
}
