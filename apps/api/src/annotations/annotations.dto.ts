import {
  type Annotation,
  type AnnotationList,
  type AnnotationQuery,
  ANNOTATION_TEXT_MAX,
  type AnnotationValue,
} from '@iop/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsInt,
  IsOptional,
  Max,
  Min,
  Validate,
  type ValidationArguments,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { IsCalendarDate, ISO_DATE } from '../common/calendar-date';
import { INT4_MAX } from '../common/storable-input.pipe';

const TEXT_MESSAGE = `text must be 1 to ${ANNOTATION_TEXT_MAX.toLocaleString('en-US')} characters, not only spaces`;

/**
 * The note's text, counted in code points as PostgreSQL's length() counts them (the table's CHECK), so that a text
 * the API accepts is never refused by the database: class-validator's MaxLength counts differently (it leaves out
 * variation selectors).
 */
@ValidatorConstraint({ name: 'annotationText' })
class AnnotationText implements ValidatorConstraintInterface {
  validate(text: unknown): boolean {
    return typeof text === 'string' && /\S/.test(text) && [...text].length <= ANNOTATION_TEXT_MAX;
  }
  defaultMessage({ value }: ValidationArguments): string {
    return typeof value === 'string' && [...value].length > ANNOTATION_TEXT_MAX
      ? `${TEXT_MESSAGE} (it has ${[...value].length.toLocaleString('en-US')})`
      : TEXT_MESSAGE;
  }
}

/** A later day that must not come before an earlier one (ISO dates compare as strings). */
@ValidatorConstraint({ name: 'notBeforeDay' })
class NotBefore implements ValidatorConstraintInterface {
  validate(later: unknown, { object, constraints }: ValidationArguments): boolean {
    const earlier = (object as Record<string, unknown>)[constraints[0] as string];
    // A malformed or missing day is reported by its own rule.
    return typeof later !== 'string' || typeof earlier !== 'string' || !ISO_DATE.test(later) || earlier <= later;
  }
  defaultMessage({ property, constraints }: ValidationArguments): string {
    return `${property} must not be before ${constraints[0] as string}`;
  }
}

const asIntegerList = ({ value }: { value: unknown }): unknown[] =>
  [value].flat().map((item) => (/^\d{1,9}$/.test(String(item)) ? Number(item) : item));

/** GET /api/v1/annotations: the episode filter's program ids and the chart's date window. */
export class AnnotationQueryDto implements AnnotationQuery {
  @ApiPropertyOptional({
    type: [Number],
    description: "Program ids (repeatable): those programs' notes, with the network-wide ones; the scope narrows them",
  })
  @IsOptional()
  @Transform(asIntegerList)
  @IsInt({ each: true, message: 'programId must be a positive integer' })
  @Min(1, { each: true, message: 'programId must be a positive integer' })
  @Max(INT4_MAX, { each: true, message: 'programId is too large' })
  programId?: number[];

  @ApiPropertyOptional({ format: 'date', description: 'Notes ending on or after this day (YYYY-MM-DD)' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Notes starting on or before this day (YYYY-MM-DD)' })
  @IsOptional()
  @IsCalendarDate()
  @Validate(NotBefore, ['from'])
  to?: string;
}

/** POST /api/v1/annotations and PUT /api/v1/annotations/:id (a PUT replaces every field). */
export class AnnotationDto implements AnnotationValue {
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'The program the note is about; null or left out for a network-wide note (payers see those)',
  })
  @IsOptional()
  @IsInt({ message: 'programId must be a positive integer or null' })
  @Min(1, { message: 'programId must be a positive integer or null' })
  @Max(INT4_MAX, { message: 'programId is too large' })
  programId?: number | null;

  @ApiProperty({
    format: 'date',
    description: 'The day of the note, or the first day of its range',
    example: '2026-03-02',
  })
  @IsCalendarDate()
  on!: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'The last day of the range, not before on; null or left out for a single day',
  })
  @IsOptional()
  @IsCalendarDate()
  @Validate(NotBefore, ['on'])
  until?: string | null;

  @ApiProperty({ minLength: 1, maxLength: ANNOTATION_TEXT_MAX, example: 'Evening group started' })
  @Validate(AnnotationText)
  text!: string;
}

export class AnnotationDoc implements Annotation {
  @ApiProperty() id!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'null: a network-wide note' }) programId!: number | null;
  @ApiProperty({ type: String, nullable: true }) programName!: string | null;
  @ApiProperty({ format: 'date' }) on!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) until!: string | null;
  @ApiProperty({ maxLength: ANNOTATION_TEXT_MAX }) text!: string;
  @ApiProperty({ type: String, nullable: true, description: "The author's display name; null for payers" })
  author!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ description: 'Whether the caller may change or delete it' }) editable!: boolean;
}

export class AnnotationListDoc implements AnnotationList {
  @ApiProperty({ type: [AnnotationDoc] }) annotations!: AnnotationDoc[];
}
