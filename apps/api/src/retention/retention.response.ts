import {
  RETENTION_GROUP_BYS,
  type RetentionCurve,
  type RetentionGroupBy,
  type RetentionLogRank,
  type RetentionMedian,
  type RetentionResponse,
  type RetentionStep,
} from '@iop/contracts';
import { ApiProperty } from '@nestjs/swagger';

// OpenAPI descriptions of the shapes in @iop/contracts (retention.ts).

export class RetentionStepDoc implements RetentionStep {
  @ApiProperty({ description: 'Days on the time axis', example: 14 }) time!: number;
  @ApiProperty({ description: 'Number at risk just before this time' }) atRisk!: number;
  @ApiProperty({ description: 'Disengagements (discharge reason 2 or 3)' }) events!: number;
  @ApiProperty({ description: 'Censored at this time' }) censored!: number;
  @ApiProperty({ description: 'S(t) just after this time', example: 0.82 }) survival!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Greenwood standard error of S(t)' })
  stdErr!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '95% band, log-log' }) lower!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '95% band, log-log' }) upper!: number | null;
}

export class RetentionMedianDoc implements RetentionMedian {
  @ApiProperty({ type: Number, nullable: true, description: 'null: not reached' }) estimate!: number | null;
  @ApiProperty({ type: Number, nullable: true }) lower!: number | null;
  @ApiProperty({ type: Number, nullable: true }) upper!: number | null;
}

export class RetentionAtReferenceDoc {
  @ApiProperty() survival!: number;
  @ApiProperty({ type: Number, nullable: true }) lower!: number | null;
  @ApiProperty({ type: Number, nullable: true }) upper!: number | null;
}

export class RetentionCurveDoc implements RetentionCurve {
  @ApiProperty({ example: '2.1' }) key!: string;
  @ApiProperty({ example: 'Level 2.1' }) label!: string;
  @ApiProperty() episodes!: number;
  @ApiProperty() events!: number;
  @ApiProperty() censored!: number;
  @ApiProperty({ type: RetentionMedianDoc }) median!: RetentionMedianDoc;
  @ApiProperty({ type: RetentionAtReferenceDoc, nullable: true, description: 'S(t) at the reference day' })
  atReference!: RetentionAtReferenceDoc | null;
  @ApiProperty({ type: [RetentionStepDoc] }) steps!: RetentionStepDoc[];
}

export class RetentionLogRankGroupDoc {
  @ApiProperty() key!: string;
  @ApiProperty() observed!: number;
  @ApiProperty() expected!: number;
}

export class RetentionLogRankDoc implements RetentionLogRank {
  @ApiProperty() chiSquare!: number;
  @ApiProperty() df!: number;
  @ApiProperty() p!: number;
  @ApiProperty({ type: [RetentionLogRankGroupDoc] }) groups!: RetentionLogRankGroupDoc[];
}

export class RetentionResponseDoc implements RetentionResponse {
  @ApiProperty({ type: String, nullable: true, example: '2026-06-30' }) asOf!: string | null;
  @ApiProperty({ enum: RETENTION_GROUP_BYS }) groupBy!: RetentionGroupBy;
  @ApiProperty() population!: string;
  @ApiProperty({ description: '0 (admission) or 28 (groupTercile landmark)' }) timeOriginDay!: number;
  @ApiProperty({ example: 90, description: 'Reference line, days since admission' }) referenceDays!: number;
  @ApiProperty({ enum: ['log-log'] }) confType!: 'log-log';
  @ApiProperty({ example: 0.95 }) confidence!: number;
  @ApiProperty({
    type: [Number],
    minItems: 2,
    maxItems: 2,
    nullable: true,
    description: 'groupTercile: 1/3 and 2/3 quantiles',
  })
  tercileCutPoints!: [number, number] | null;
  @ApiProperty({ type: [RetentionCurveDoc] }) curves!: RetentionCurveDoc[];
  @ApiProperty({ type: RetentionLogRankDoc, nullable: true }) logRank!: RetentionLogRankDoc | null;
}
