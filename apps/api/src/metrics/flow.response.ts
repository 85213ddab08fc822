import type { DischargeReasonShare, DischargeReasonsResponse, FlowPoint, FlowResponse } from '@iop/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { RateValueDoc } from './summary.response';

// OpenAPI descriptions of the flow and discharge-reason shapes in @iop/contracts.

const AS_OF = { type: String, nullable: true, description: "The data's end date", example: '2026-06-30' };

export class FlowPointDoc implements FlowPoint {
  @ApiProperty({ example: '2025-01', description: 'Calendar month (YYYY-MM)' }) period!: string;
  @ApiProperty({ description: 'Selected episodes admitted in the month' }) admissions!: number;
  @ApiProperty({ description: 'Selected episodes discharged in the month' }) discharges!: number;
}

export class FlowResponseDoc implements FlowResponse {
  @ApiProperty(AS_OF) asOf!: string | null;
  @ApiProperty({ type: [FlowPointDoc], description: 'Every month from the first to the last admission or discharge' })
  points!: FlowPointDoc[];
}

export class DischargeReasonShareDoc implements DischargeReasonShare {
  @ApiProperty({ example: 1, description: 'TEDS-D reason code 1-7' }) code!: number;
  @ApiProperty({ example: 'Completed' }) label!: string;
  @ApiProperty({ type: RateValueDoc, description: 'Episodes with this reason / discharged episodes' })
  share!: RateValueDoc;
}

export class DischargeReasonsResponseDoc implements DischargeReasonsResponse {
  @ApiProperty(AS_OF) asOf!: string | null;
  @ApiProperty({ description: 'Selected episodes with a discharge' }) discharged!: number;
  @ApiProperty({ description: 'Selected episodes active at the as-of date' }) active!: number;
  @ApiProperty({ type: [DischargeReasonShareDoc], description: 'Codes 1-7 in order, zeros included' })
  reasons!: DischargeReasonShareDoc[];
}
