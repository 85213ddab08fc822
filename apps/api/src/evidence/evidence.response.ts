import {
  EVIDENCE_VERDICTS,
  type EvidenceAdjustedEffect,
  type EvidenceClaim,
  type EvidenceClaimDetail,
  type EvidenceEffect,
  type EvidenceResponse,
  type EvidenceVerdict,
} from '@iop/contracts';
import { ApiProperty } from '@nestjs/swagger';

// OpenAPI descriptions of the evidence board's response shapes in @iop/contracts.

export class EvidenceEffectDoc implements EvidenceEffect {
  @ApiProperty({ example: 'least-squares slope of the compliance score per scheduled contact hour per week' })
  measure!: string;
  @ApiProperty({ type: Number, nullable: true, example: 0.012 }) estimate!: number | null;
  @ApiProperty({ type: [Number], nullable: true, description: '95% confidence interval', example: [0.011, 0.013] })
  ci95!: [number, number] | null;
  @ApiProperty({ type: Number, nullable: true, description: 'two-sided p-value', example: 0.0001 }) p!: number | null;
}

export class EvidenceAdjustedEffectDoc extends EvidenceEffectDoc implements EvidenceAdjustedEffect {
  @ApiProperty({
    type: [String],
    example: ['age band', 'sex', 'primary substance', 'severity', 'prior episodes', 'payer'],
  })
  covariates!: string[];
}

export class EvidenceClaimDoc implements EvidenceClaim {
  @ApiProperty({ minimum: 1, maximum: 10 }) id!: number;
  @ApiProperty() claim!: string;
  @ApiProperty() exposure!: string;
  @ApiProperty() outcome!: string;
  @ApiProperty({ description: 'How the statistics are computed' }) method!: string;
  @ApiProperty({ description: "Episodes in the card's analysis population" }) n!: number;
  @ApiProperty({ type: EvidenceEffectDoc }) unadjusted!: EvidenceEffectDoc;
  @ApiProperty({ type: EvidenceAdjustedEffectDoc }) adjusted!: EvidenceAdjustedEffectDoc;
  @ApiProperty({
    enum: EVIDENCE_VERDICTS,
    description: 'associated: adjusted 95% interval excludes no effect; not_enough_data: a group under 30 episodes',
  })
  verdict!: EvidenceVerdict;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      "The chart's data; `type` is binned_scatter, survival, grouped_bars, heatmap or cost_bars (EvidenceChart in @iop/contracts)",
  })
  chart!: EvidenceClaim['chart'];
}

export class EvidenceResponseDoc implements EvidenceResponse {
  @ApiProperty({ type: String, nullable: true, description: "The data's end date", example: '2026-06-30' })
  asOf!: string | null;
  @ApiProperty({ type: [EvidenceClaimDoc] }) claims!: EvidenceClaimDoc[];
}

export class EvidenceClaimDetailDoc extends EvidenceClaimDoc implements EvidenceClaimDetail {
  @ApiProperty({ type: String, nullable: true, description: "The data's end date", example: '2026-06-30' })
  asOf!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Full chart detail, e.g. Kaplan-Meier steps with band and number at risk',
  })
  detail!: Record<string, unknown>;
}
