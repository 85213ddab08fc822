import {
  type FunnelAdjustedRate,
  type FunnelCaseMixModel,
  type FunnelCaseMixStatus,
  FUNNEL_DIMENSIONS,
  FUNNEL_METRICS,
  type FunnelDimension,
  type FunnelLimitPoint,
  type FunnelMetric,
  type FunnelPosition,
  type FunnelResponse,
  type FunnelUnit,
  type RateOrSuppressed,
  type WithheldFunnelUnit,
} from '@iop/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { rateOrSuppressed, SuppressedValueDoc } from '../suppression/suppressed-value.response';

const POSITIONS: FunnelPosition[] = ['below', 'within', 'above'];

export class FunnelLimitPointDoc implements FunnelLimitPoint {
  @ApiProperty({ example: 40, description: 'Denominator' }) n!: number;
  @ApiProperty({ example: 0.3, description: 'Lower 95% limit (2.5% point)' }) lower95!: number;
  @ApiProperty({ example: 0.6 }) upper95!: number;
  @ApiProperty({ example: 0.24, description: 'Lower 99.8% limit (0.1% point)' }) lower998!: number;
  @ApiProperty({ example: 0.66 }) upper998!: number;
}

const CASE_MIX_STATUSES: FunnelCaseMixStatus[] = ['adjusted', 'not-offered', 'not-estimable', 'network-withheld'];

export class FunnelAdjustedRateDoc implements FunnelAdjustedRate {
  @ApiProperty({ example: 19.2, description: "E: the model's expected count at the unit's denominator" })
  expected!: number;
  @ApiProperty({ example: 1.09, description: 'O / E' }) observedOverExpected!: number;
  @ApiProperty({ example: 0.57, description: "p0 x O / E, placed against the unit's limits; above 1 is above all" })
  rate!: number;
  @ApiProperty({ enum: POSITIONS, nullable: true }) at95!: FunnelPosition | null;
  @ApiProperty({ enum: POSITIONS, nullable: true }) at998!: FunnelPosition | null;
}

export class ExcludedCovariateDoc {
  @ApiProperty({ example: 'payer' }) covariate!: string;
  @ApiProperty({ example: 'the units are payers' }) reason!: string;
}

export class FunnelCaseMixModelDoc implements FunnelCaseMixModel {
  @ApiProperty({ enum: ['indirect-standardisation'] }) method!: 'indirect-standardisation';
  @ApiProperty({ enum: CASE_MIX_STATUSES }) status!: FunnelCaseMixStatus;
  @ApiProperty({ type: String, nullable: true, description: 'Why the figures are not adjusted' })
  reason!: string | null;
  @ApiProperty({ description: 'The model in words' }) model!: string;
  @ApiProperty({ type: [String], example: ['age band', 'sex', 'primary substance', 'severity'] })
  covariates!: string[];
  @ApiProperty({ type: [ExcludedCovariateDoc] }) excludedCovariates!: ExcludedCovariateDoc[];
  @ApiProperty({ type: Number, nullable: true, description: 'Episodes the model was fitted on' })
  episodes!: number | null;
  @ApiProperty() converged!: boolean;
  @ApiProperty({ enum: ['standardised-rate-against-denominator'] })
  plotted!: 'standardised-rate-against-denominator';
}

export class FunnelUnitDoc implements FunnelUnit {
  @ApiProperty({ example: '1' }) key!: string;
  @ApiProperty({ example: 'Evening IOP' }) label!: string;
  @ApiProperty({ example: 21 }) numerator!: number;
  @ApiProperty({ example: 40 }) denominator!: number;
  @ApiProperty({ example: 0.525 }) rate!: number;
  @ApiProperty({ type: FunnelLimitPointDoc, nullable: true, description: 'The limits at this denominator' })
  limits!: FunnelLimitPointDoc | null;
  @ApiProperty({ enum: POSITIONS, nullable: true }) at95!: FunnelPosition | null;
  @ApiProperty({ enum: POSITIONS, nullable: true, description: 'Outside: above/below what chance explains' })
  at998!: FunnelPosition | null;
  @ApiPropertyOptional({ type: FunnelAdjustedRateDoc, nullable: true, description: 'With adjust=casemix' })
  adjusted?: FunnelAdjustedRateDoc | null;
}

export class WithheldFunnelUnitDoc implements WithheldFunnelUnit {
  @ApiProperty({ example: '3' }) key!: string;
  @ApiProperty({ example: 'Day Program' }) label!: string;
  @ApiProperty({ type: SuppressedValueDoc }) value!: SuppressedValueDoc;
}

export class FunnelResponseDoc implements FunnelResponse {
  @ApiProperty({ type: String, nullable: true, example: '2026-06-30' }) asOf!: string | null;
  @ApiProperty({ enum: FUNNEL_METRICS }) metric!: FunnelMetric;
  @ApiProperty({ enum: FUNNEL_DIMENSIONS }) by!: FunnelDimension;
  @rateOrSuppressed("The selection's rate: the target the limits surround") network!: RateOrSuppressed;
  @ApiProperty({ enum: ['exact-binomial'], description: 'Spiegelhalter (2005), exact binomial, interpolated' })
  method!: 'exact-binomial';
  @ApiProperty({ type: [FunnelUnitDoc], description: 'In the order of the breakdown (by id), never by rate' })
  units!: FunnelUnitDoc[];
  @ApiProperty({ type: [WithheldFunnelUnitDoc] }) withheld!: WithheldFunnelUnitDoc[];
  @ApiProperty({ type: [FunnelLimitPointDoc], description: 'Limits over a range of denominators, for drawing' })
  curve!: FunnelLimitPointDoc[];
  @ApiPropertyOptional({ type: FunnelCaseMixModelDoc, description: 'The case-mix model, with adjust=casemix' })
  caseMix?: FunnelCaseMixModelDoc;
}
