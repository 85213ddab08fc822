import {
  COMPARATOR_KINDS,
  type ComparatorKind,
  type ComparatorLengthOfStay,
  type ComparatorSetting,
  type ComparatorSettingsResponse,
  type ComparatorSettingValue,
  type SourcedRate,
} from '@iop/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsNumber,
  IsPositive,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

const SOURCE_MESSAGE = 'source must name where the figure comes from (1-1000 characters)';
const DAYS_MESSAGE = 'must be a positive number of days';
const SHARE_MESSAGE = 'value must be a share between 0 and 1';

/** Text of a figure's source: required, as every figure the costs show states where it comes from. */
function SourceText(): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ description: 'Where the figure comes from (citation)', maxLength: 1000 })(target, key);
    IsString({ message: SOURCE_MESSAGE })(target, key);
    MinLength(1, { message: SOURCE_MESSAGE })(target, key);
    MaxLength(1000, { message: SOURCE_MESSAGE })(target, key);
  };
}

function Days(description: string): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ description, example: 20 })(target, key);
    IsNumber({ allowNaN: false, allowInfinity: false }, { message: `${String(key)} ${DAYS_MESSAGE}` })(target, key);
    IsPositive({ message: `${String(key)} ${DAYS_MESSAGE}` })(target, key);
    Max(3650, { message: `${String(key)} must be at most 3650 days` })(target, key);
  };
}

export class ComparatorLengthOfStayDto implements ComparatorLengthOfStay {
  @Days('Typical comparator length of stay, days') typicalDays!: number;
  @Days('Low end of the sensitivity range, days') lowDays!: number;
  @Days('High end of the sensitivity range, days') highDays!: number;
  @SourceText() source!: string;
}

export class SourcedRateDto implements SourcedRate {
  @ApiProperty({ minimum: 0, maximum: 1, example: 0.6149 })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: SHARE_MESSAGE })
  @Min(0, { message: SHARE_MESSAGE })
  @Max(1, { message: SHARE_MESSAGE })
  value!: number;
  @SourceText() source!: string;
}

/** PUT /api/v1/costs/comparators/:kind. low <= typical <= high is checked by the service (one message). */
export class ComparatorSettingDto implements ComparatorSettingValue {
  @ApiProperty({ type: ComparatorLengthOfStayDto })
  // ValidateNested passes a missing object: without this, a body without it reached the service (a 500).
  @IsDefined({ message: 'lengthOfStay is required' })
  @ValidateNested()
  @Type(() => ComparatorLengthOfStayDto)
  lengthOfStay!: ComparatorLengthOfStayDto;

  @ApiProperty({ type: SourcedRateDto, description: "Share of the comparator's discharges that complete treatment" })
  // ValidateNested passes a missing object: without this, a body without it reached the service (a 500).
  @IsDefined({ message: 'completionRate is required' })
  @ValidateNested()
  @Type(() => SourcedRateDto)
  completionRate!: SourcedRateDto;

  @ApiProperty({ type: SourcedRateDto, description: "Share of the comparator's discharges abstinent at discharge" })
  // ValidateNested passes a missing object: without this, a body without it reached the service (a 500).
  @IsDefined({ message: 'abstinenceRate is required' })
  @ValidateNested()
  @Type(() => SourcedRateDto)
  abstinenceRate!: SourcedRateDto;
}

export class ComparatorSettingDoc extends ComparatorSettingDto implements ComparatorSetting {
  @ApiProperty({ enum: COMPARATOR_KINDS }) kind!: ComparatorKind;
  @ApiProperty({ example: 'comparator.residential' }) key!: string;
  @ApiProperty({ example: 'cost_rate.residential_per_day', description: 'The per-day rate it prices' })
  rateKey!: string;
  @ApiProperty({ description: 'True when the organisation has no such setting and the published default applies' })
  isDefault!: boolean;
}

export class ComparatorSettingsResponseDoc implements ComparatorSettingsResponse {
  @ApiProperty({ type: [ComparatorSettingDoc] }) comparators!: ComparatorSettingDoc[];
}
