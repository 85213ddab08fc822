import type {
  CountOrSuppressed,
  DischargeReasonShare,
  DischargeReasonsResponse,
  FlowPoint,
  FlowResponse,
  RateOrSuppressed,
} from '@iop/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { countOrSuppressed } from '../suppression/suppressed-value.response';
import { rateOrSuppressed } from '../suppression/suppressed-value.response';

// OpenAPI descriptions of the flow and discharge-reason shapes in @iop/contracts.

const AS_OF = { type: String, nullable: true, description: "The data's end date", example: '2026-06-30' };

export class FlowPointDoc implements FlowPoint {
  @ApiProperty({ example: '2025-01', description: 'Calendar month (YYYY-MM)' }) period!: string;
  @countOrSuppressed('Selected episodes admitted in the month') admissions!: CountOrSuppressed;
  @countOrSuppressed('Selected episodes discharged in the month') discharges!: CountOrSuppressed;
}

export class FlowResponseDoc implements FlowResponse {
  @ApiProperty(AS_OF) asOf!: string | null;
  @ApiProperty({ type: [FlowPointDoc], description: 'Every month from the first to the last admission or discharge' })
  points!: FlowPointDoc[];
}

export class DischargeReasonShareDoc implements DischargeReasonShare {
  @ApiProperty({ example: 1, description: 'TEDS-D reason code 1-7' }) code!: number;
  @ApiProperty({ example: 'Completed' }) label!: string;
  @rateOrSuppressed('Episodes with this reason / discharged episodes') share!: RateOrSuppressed;
}

export class DischargeReasonsResponseDoc implements DischargeReasonsResponse {
  @ApiProperty(AS_OF) asOf!: string | null;
  @countOrSuppressed('Selected episodes with a discharge') discharged!: CountOrSuppressed;
  @countOrSuppressed('Selected episodes active at the as-of date') active!: CountOrSuppressed;
  @ApiProperty({ type: [DischargeReasonShareDoc], description: 'Codes 1-7 in order, zeros included' })
  reasons!: DischargeReasonShareDoc[];
}
