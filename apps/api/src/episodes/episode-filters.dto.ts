import {
  AGE_BANDS,
  type AgeBand,
  type EpisodeFilters,
  LEVELS_OF_CARE,
  type LevelOfCare,
  PAYERS,
  type Payer,
  SUBSTANCES,
  type Substance,
} from '@iop/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  Max,
  Min,
  ValidationArguments,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
  Validate,
} from 'class-validator';
import { IsCalendarDate, ISO_DATE } from '../common/calendar-date';

/** A query parameter that may repeat arrives as a string or an array; always an array here. */
const asList = ({ value }: { value: unknown }): unknown[] => [value].flat();
const asIntegerList = ({ value }: { value: unknown }): unknown[] =>
  asList({ value }).map((item) => (/^\d{1,9}$/.test(String(item)) ? Number(item) : item));

@ValidatorConstraint({ name: 'notBeforeFrom' })
class NotBeforeFrom implements ValidatorConstraintInterface {
  validate(to: string, { object }: ValidationArguments): boolean {
    const from = (object as EpisodeFilters).from;
    // ISO dates compare as strings; a malformed one is reported by its own rule.
    return !from || !ISO_DATE.test(from) || !ISO_DATE.test(to) || from <= to;
  }
  defaultMessage(): string {
    return 'to must not be before from';
  }
}

/** The common filter of every metric endpoint, applied after the caller's scope (docs/ARCHITECTURE.md "Episodes"). */
export class EpisodeFiltersDto implements EpisodeFilters {
  @ApiPropertyOptional({
    format: 'date',
    description: "Earliest admit date, inclusive (YYYY-MM-DD); for a payer, the first day of that date's month",
    example: '2025-01-01',
  })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: "Latest admit date, inclusive (YYYY-MM-DD); for a payer, the last day of that date's month",
    example: '2025-12-31',
  })
  @IsOptional()
  @IsCalendarDate()
  @Validate(NotBeforeFrom)
  to?: string;

  @ApiPropertyOptional({ type: [Number], description: 'Program ids (repeatable)' })
  @IsOptional()
  @Transform(asIntegerList)
  @IsInt({ each: true, message: 'programId must be a positive integer' })
  @Min(1, { each: true, message: 'programId must be a positive integer' })
  @Max(2147483647, { each: true, message: 'programId is too large' })
  programId?: number[];

  @ApiPropertyOptional({ enum: LEVELS_OF_CARE, isArray: true, description: 'ASAM level of care (repeatable)' })
  @IsOptional()
  @Transform(asList)
  @IsIn(LEVELS_OF_CARE, { each: true, message: `levelOfCare must be one of ${LEVELS_OF_CARE.join(', ')}` })
  levelOfCare?: LevelOfCare[];

  @ApiPropertyOptional({ enum: PAYERS, isArray: true })
  @IsOptional()
  @Transform(asList)
  @IsIn(PAYERS, { each: true, message: `payer must be one of ${PAYERS.join(', ')}` })
  payer?: Payer[];

  @ApiPropertyOptional({ enum: SUBSTANCES, isArray: true, description: 'Primary substance (repeatable)' })
  @IsOptional()
  @Transform(asList)
  @IsIn(SUBSTANCES, { each: true, message: `substance must be one of ${SUBSTANCES.join(', ')}` })
  substance?: Substance[];

  @ApiPropertyOptional({ enum: AGE_BANDS, isArray: true, description: 'Age at admission (repeatable)' })
  @IsOptional()
  @Transform(asList)
  @IsIn(AGE_BANDS, { each: true, message: `ageBand must be one of ${AGE_BANDS.join(', ')}` })
  ageBand?: AgeBand[];

  @ApiPropertyOptional({ type: [Number], description: 'Primary counselor staff ids (repeatable)' })
  @IsOptional()
  @Transform(asIntegerList)
  @IsInt({ each: true, message: 'counselorId must be a positive integer' })
  @Min(1, { each: true, message: 'counselorId must be a positive integer' })
  @Max(2147483647, { each: true, message: 'counselorId is too large' })
  counselorId?: number[];
}
