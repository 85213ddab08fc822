import {
  EVIDENCE_VERDICTS,
  type EvidenceAdjustedEffect,
  type EvidenceClaim,
  type EvidenceClaimDetail,
  type EvidenceResponse,
  type EvidenceVerdict,
} from '@iop/contracts';
import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { EVIDENCE_CHART_DOCS, EvidenceEffectDoc } from './evidence-charts.response';

// OpenAPI descriptions of the evidence board's response shapes in @iop/contracts.

export class EvidenceAdjustedEffectDoc extends EvidenceEffectDoc implements EvidenceAdjustedEffect {
  @ApiProperty({
    type: [String],
    example: ['age band', 'sex', 'primary substance', 'severity', 'prior episodes', 'payer'],
  })
  covariates!: string[];
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'Benjamini-Hochberg (1995) adjusted p (q-value) of p, over the claims of this answer that have an adjusted p',
  })
  q!: number | null;
}

@ApiExtraModels(...Object.values(EVIDENCE_CHART_DOCS))
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
    description:
      'associated: adjusted 95% interval excludes no effect and the Benjamini-Hochberg q is below 0.05; ' +
      'not_enough_data: a group under 30 episodes, or the data cannot support the model',
  })
  verdict!: EvidenceVerdict;
  @ApiProperty({
    oneOf: Object.values(EVIDENCE_CHART_DOCS).map((chart) => ({ $ref: getSchemaPath(chart) })),
    discriminator: {
      propertyName: 'type',
      mapping: Object.fromEntries(
        Object.entries(EVIDENCE_CHART_DOCS).map(([type, chart]) => [type, getSchemaPath(chart)]),
      ),
    },
    description: "The chart's data; its shape depends on `type`",
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
