import { QUALITY_POPULATIONS, type QualityPopulation } from '@iop/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { EpisodeFiltersDto } from '../episodes/episode-filters.dto';

/** GET /quality/measures/:id/patients: which population of the measure, with the common filters. */
export class QualityPatientsQueryDto extends EpisodeFiltersDto {
  @ApiProperty({ enum: QUALITY_POPULATIONS, description: "The measure's numerator, or its whole denominator" })
  @IsIn(QUALITY_POPULATIONS, { message: `population must be one of ${QUALITY_POPULATIONS.join(', ')}` })
  population!: QualityPopulation;
}
