import { RETENTION_GROUP_BYS, type RetentionGroupBy } from '@iop/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { EpisodeFiltersDto } from '../episodes/episode-filters.dto';

/** The common filters plus what the curves are split by. */
export class RetentionQueryDto extends EpisodeFiltersDto {
  @ApiPropertyOptional({
    enum: RETENTION_GROUP_BYS,
    default: 'levelOfCare',
    description:
      'One curve per level of care, MAT vs none (OUD episodes), tercile of groups attended per week in days 0-27 ' +
      '(landmark population, time from day 28), program or payer',
  })
  @IsOptional()
  @IsIn(RETENTION_GROUP_BYS, { message: `groupBy must be one of ${RETENTION_GROUP_BYS.join(', ')}` })
  groupBy?: RetentionGroupBy;
}
