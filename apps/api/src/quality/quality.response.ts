import {
  type FunnelPlot,
  QUALITY_MEASURE_IDS,
  QUALITY_POPULATIONS,
  type QualityExclusion,
  type QualityMeasureDetailResponse,
  type QualityMeasureGroup,
  type QualityMeasureId,
  type QualityMeasureResult,
  type QualityMeasuresResponse,
  type QualityPatientRow,
  type QualityPatientsResponse,
  type QualityPopulation,
  type RateOrSuppressed,
} from '@iop/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { FunnelLimitPointDoc, FunnelUnitDoc, WithheldFunnelUnitDoc } from '../metrics/funnel.response';
import { rateOrSuppressed } from '../suppression/suppressed-value.response';
import { countOrSuppressed } from '../suppression/suppressed-value.response';

// OpenAPI descriptions of the quality shapes in @iop/contracts (the contracts lib stays framework-free).

export class QualityExclusionDoc implements QualityExclusion {
  @ApiProperty({ example: 'under 13 at admission' }) reason!: string;
  @countOrSuppressed('Episodes; withheld from payers when 1-10') count!: QualityExclusion['count'];
}

export class QualityMeasureResultDoc implements QualityMeasureResult {
  @ApiProperty({ enum: QUALITY_MEASURE_IDS }) id!: QualityMeasureId;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'The definition the API computes (docs/METRICS.md "Quality measures")' })
  definition!: string;
  @rateOrSuppressed('Numerator, denominator, rate and Wilson 95% interval') rate!: QualityMeasureResult['rate'];
  @ApiProperty({ type: [QualityExclusionDoc] }) exclusions!: QualityExclusionDoc[];
}

export class QualityMeasuresResponseDoc implements QualityMeasuresResponse {
  @ApiProperty({ type: String, nullable: true, description: "The data's end date" }) asOf!: string | null;
  @ApiProperty({ type: [QualityMeasureResultDoc] }) measures!: QualityMeasureResultDoc[];
}

export class QualityMeasureGroupDoc implements QualityMeasureGroup {
  @ApiProperty({ description: 'YYYY-MM of admission, program id or payer' }) key!: string;
  @ApiProperty() label!: string;
  @rateOrSuppressed('The measure among the group') rate!: QualityMeasureGroup['rate'];
}

export class QualityMeasureFunnelDoc implements FunnelPlot {
  @rateOrSuppressed("The measure's rate over the selection: the target the limits surround") network!: RateOrSuppressed;
  @ApiProperty({ enum: ['exact-binomial'], description: 'Spiegelhalter (2005), exact binomial, interpolated' })
  method!: 'exact-binomial';
  @ApiProperty({ type: [FunnelUnitDoc], description: 'The programs of byProgram in its order (by id), never by rate' })
  units!: FunnelUnitDoc[];
  @ApiProperty({ type: [WithheldFunnelUnitDoc], description: 'Programs whose rate byProgram withholds: never placed' })
  withheld!: WithheldFunnelUnitDoc[];
  @ApiProperty({ type: [FunnelLimitPointDoc], description: 'Limits over a range of denominators, for drawing' })
  curve!: FunnelLimitPointDoc[];
}

export class QualityMeasureDetailResponseDoc implements QualityMeasureDetailResponse {
  @ApiProperty({ type: String, nullable: true }) asOf!: string | null;
  @ApiProperty({ type: QualityMeasureResultDoc }) measure!: QualityMeasureResultDoc;
  @ApiProperty({ type: [QualityMeasureGroupDoc], description: 'Per month of admission' })
  trend!: QualityMeasureGroupDoc[];
  @ApiProperty({ type: [QualityMeasureGroupDoc] }) byProgram!: QualityMeasureGroupDoc[];
  @ApiProperty({ type: [QualityMeasureGroupDoc] }) byPayer!: QualityMeasureGroupDoc[];
  @ApiProperty({
    type: QualityMeasureFunnelDoc,
    description: "The programs' rates against their denominators with 95% and 99.8% limits (a funnel plot)",
  })
  funnel!: QualityMeasureFunnelDoc;
}

export class QualityPatientRowDoc implements QualityPatientRow {
  @ApiProperty({ description: 'Pseudonymous patient key' }) patientKey!: string;
  @ApiProperty() episodeId!: number;
  @ApiProperty() programId!: number;
  @ApiProperty({ example: '2025-03-03' }) admitDate!: string;
  @ApiProperty() inNumerator!: boolean;
  @ApiProperty({ type: String, nullable: true }) startDate!: string | null;
  @ApiProperty({ type: String, nullable: true }) eventDate!: string | null;
  @ApiProperty({ type: Number, nullable: true }) days!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Proportion of days covered (PDC only)' })
  proportion!: number | null;
}

class QualityPatientColumnsDoc {
  @ApiProperty() startDate!: string;
  @ApiProperty() eventDate!: string;
  @ApiProperty() days!: string;
}

export class QualityPatientsResponseDoc implements QualityPatientsResponse {
  @ApiProperty({ type: String, nullable: true }) asOf!: string | null;
  @ApiProperty({ enum: QUALITY_MEASURE_IDS }) measureId!: QualityMeasureId;
  @ApiProperty({ enum: QUALITY_POPULATIONS }) population!: QualityPopulation;
  @ApiProperty({ type: QualityPatientColumnsDoc, description: 'What the date columns mean for this measure' })
  columns!: QualityPatientColumnsDoc;
  @ApiProperty({ type: [QualityPatientRowDoc] }) rows!: QualityPatientRowDoc[];
}
