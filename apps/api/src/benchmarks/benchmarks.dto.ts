import {
  BENCHMARK_DIRECTIONS,
  BENCHMARK_METRIC_IDS,
  type Benchmark,
  type BenchmarkDirection,
  type BenchmarkMetricId,
  type BenchmarksResponse,
  type BenchmarkValue,
  type ProgramTarget,
  type ProgramTargetsResponse,
  type ProgramTargetValue,
} from '@iop/contracts';
import { ApiProperty } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

const VALUE_MESSAGE = 'value must be a finite number of at least 0, in the metric’s unit';
const DIRECTION_MESSAGE = `direction must be one of ${BENCHMARK_DIRECTIONS.join(', ')}`;

/** A figure in the metric's unit: a proportion 0-1 for rates, US dollars for costs, hours a week for hours. */
function MetricValue(nullable: boolean): PropertyDecorator {
  return (target, key) => {
    ApiProperty({
      description: "In the metric's unit: a proportion 0-1 for rates, US dollars, hours per week",
      type: Number,
      nullable,
      minimum: 0,
      example: 0.3768,
    })(target, key);
    if (nullable) ValidateIf((_object, value) => value !== null)(target, key);
    IsNumber({ allowNaN: false, allowInfinity: false }, { message: VALUE_MESSAGE })(target, key);
    Min(0, { message: VALUE_MESSAGE })(target, key);
  };
}

function Direction(): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ enum: BENCHMARK_DIRECTIONS, description: 'Which side of the value is the good one' })(target, key);
    IsIn(BENCHMARK_DIRECTIONS, { message: DIRECTION_MESSAGE })(target, key);
  };
}

/** POST /api/v1/benchmarks and PUT /api/v1/benchmarks/:id. Whether comparable and reason agree: the service. */
export class BenchmarkDto implements BenchmarkValue {
  @ApiProperty({ enum: BENCHMARK_METRIC_IDS })
  @IsIn(BENCHMARK_METRIC_IDS, { message: `metric must be one of ${BENCHMARK_METRIC_IDS.join(', ')}` })
  metric!: BenchmarkMetricId;

  @MetricValue(true) value!: number | null;

  @Direction() direction!: BenchmarkDirection;

  @ApiProperty({ description: 'Where the figure comes from (citation)', maxLength: 2000 })
  @IsString({ message: 'source must name where the figure comes from (1-2000 characters)' })
  @MinLength(1, { message: 'source must name where the figure comes from (1-2000 characters)' })
  @MaxLength(2000, { message: 'source must name where the figure comes from (1-2000 characters)' })
  source!: string;

  @ApiProperty({ description: 'The year the figure describes', minimum: 1900, maximum: 2100, example: 2004 })
  @IsInt({ message: 'year must be a whole year from 1900 to 2100' })
  @Min(1900, { message: 'year must be a whole year from 1900 to 2100' })
  @Max(2100, { message: 'year must be a whole year from 1900 to 2100' })
  year!: number;

  @ApiProperty({ description: "False when the figure's population differs from the measure's: no line is drawn" })
  @IsBoolean({ message: 'comparable must be true or false' })
  comparable!: boolean;

  @ApiProperty({ type: String, nullable: true, maxLength: 1000, description: 'Why not comparable; null otherwise' })
  @ValidateIf((_object, value) => value !== null)
  @IsString({ message: 'notComparableReason must be text (1-1000 characters) or null' })
  @MinLength(1, { message: 'notComparableReason must be text (1-1000 characters) or null' })
  @MaxLength(1000, { message: 'notComparableReason must be text (1-1000 characters) or null' })
  notComparableReason!: string | null;
}

/** PUT /api/v1/benchmarks/targets/:programId/:metric. */
export class ProgramTargetDto implements ProgramTargetValue {
  @MetricValue(false) value!: number;
  @Direction() direction!: BenchmarkDirection;
}

export class BenchmarkDoc extends BenchmarkDto implements Benchmark {
  @ApiProperty() id!: number;
  @ApiProperty({ type: String, nullable: true, description: 'E-mail of who last changed it; null when seeded' })
  updatedBy!: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class BenchmarksResponseDoc implements BenchmarksResponse {
  @ApiProperty({ type: [BenchmarkDoc] }) benchmarks!: BenchmarkDoc[];
}

export class ProgramTargetDoc extends ProgramTargetDto implements ProgramTarget {
  @ApiProperty() programId!: number;
  @ApiProperty({ enum: BENCHMARK_METRIC_IDS }) metric!: BenchmarkMetricId;
  @ApiProperty({ type: String, nullable: true, description: 'E-mail of who set it' }) setBy!: string | null;
  @ApiProperty({ format: 'date-time' }) setAt!: string;
}

export class ProgramTargetsResponseDoc implements ProgramTargetsResponse {
  @ApiProperty() programId!: number;
  @ApiProperty({ type: [ProgramTargetDoc] }) targets!: ProgramTargetDoc[];
}
