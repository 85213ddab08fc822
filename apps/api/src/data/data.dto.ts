import {
  type DataQualityReport,
  type DataStatus,
  type EntityQuality,
  type FieldCompleteness,
  IMPORT_ENTITIES,
  type ImportEntity,
} from '@iop/contracts';
import { ApiProperty } from '@nestjs/swagger';

export class DataStatusDoc implements DataStatus {
  @ApiProperty({ type: String, format: 'date', nullable: true, description: "The data's end date" })
  asOf!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When data was last loaded' })
  loadedAt!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'kipu-east',
    description: 'The source system of the last import, or "synthetic" for the generated network',
  })
  source!: string | null;
  @ApiProperty({ description: 'True while (any of) the data is the generated demonstration network' })
  synthetic!: boolean;
}

export class FieldCompletenessDoc implements FieldCompleteness {
  @ApiProperty({ example: 'referral_date' }) field!: string;
  @ApiProperty({ description: 'Rows in which the field is present' }) present!: number;
  @ApiProperty() rows!: number;
}

export class CheckCountDoc {
  @ApiProperty({ example: 'appointment longer than 4 hours' }) check!: string;
  @ApiProperty({ description: 'Rows failing the check' }) rows!: number;
}

export class EntityQualityDoc implements EntityQuality {
  @ApiProperty({ enum: IMPORT_ENTITIES }) entity!: ImportEntity;
  @ApiProperty() rows!: number;
  @ApiProperty({ type: [FieldCompletenessDoc] }) completeness!: FieldCompletenessDoc[];
  @ApiProperty({ type: [CheckCountDoc] }) outOfRange!: CheckCountDoc[];
  @ApiProperty({ type: [CheckCountDoc] }) orphans!: CheckCountDoc[];
  @ApiProperty({ type: String, format: 'date', nullable: true }) latestServiceDate!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Days from the latest service date to the last load' })
  lagDays!: number | null;
}

export class DataQualityReportDoc implements DataQualityReport {
  @ApiProperty({ type: [EntityQualityDoc] }) entities!: EntityQualityDoc[];
  @ApiProperty({ type: DataStatusDoc }) status!: DataStatusDoc;
}
