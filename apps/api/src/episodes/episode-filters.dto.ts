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
  IsISO8601,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidationArguments,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
  Validate,
} from 'class-validator';

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A query parameter that may repeat arrives as a string or an array; always an array here. */
const asList = ({ value }: { value: unknown }): unknown[] => [value].flat();
const asIntegerList = ({ value }: { value: unknown }): unknown[] =>
  asList({ value }).map((item) => (/^\d{1,9}$/.test(String(item)) ? Number(item) : item));

/** Strict ISO 8601 also refuses days that do not exist (2025-02-31), which PostgreSQL would refuse with a 500. */
const REAL_DATE = { strict: true, strictSeparator: true } as const;

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
  @ApiPropertyOptional({ description: 'Earliest admit date, inclusive (YYYY-MM-DD)', example: '2025-01-01' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'from must be an ISO date (YYYY-MM-DD)' })
  @IsISO8601(REAL_DATE, { message: 'from must be a date that exists' })
  from?: string;

  @ApiPropertyOptional({ description: 'Latest admit date, inclusive (YYYY-MM-DD)', example: '2025-12-31' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'to must be an ISO date (YYYY-MM-DD)' })
  @IsISO8601(REAL_DATE, { message: 'to must be a date that exists' })
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
