import {
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
import { ApiProperty } from '@nestjs/swagger';
import { rateOrSuppressed, SuppressedValueDoc } from '../suppression/suppressed-value.response';

const POSITIONS: FunnelPosition[] = ['below', 'within', 'above'];

export class FunnelLimitPointDoc implements FunnelLimitPoint {
  @ApiProperty({ example: 40, description: 'Denominator' }) n!: number;
  @ApiProperty({ example: 0.3, description: 'Lower 95% limit (2.5% point)' }) lower95!: number;
  @ApiProperty({ example: 0.6 }) upper95!: number;
  @ApiProperty({ example: 0.24, description: 'Lower 99.8% limit (0.1% point)' }) lower998!: number;
  @ApiProperty({ example: 0.66 }) upper998!: number;
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
}
