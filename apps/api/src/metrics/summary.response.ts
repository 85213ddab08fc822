import type { RateValue, SummaryResponse } from '@iop/contracts';
import { ApiProperty } from '@nestjs/swagger';

// OpenAPI descriptions of the response shapes in @iop/contracts (the contracts lib stays framework-free).

export class RateValueDoc implements RateValue {
  @ApiProperty({ example: 4512 }) numerator!: number;
  @ApiProperty({ example: 5640 }) denominator!: number;
  @ApiProperty({ type: Number, nullable: true, example: 0.8 }) rate!: number | null;
  @ApiProperty({ type: [Number], nullable: true, description: 'Wilson 95% interval', example: [0.789, 0.81] })
  ci95!: [number, number] | null;
}

export class SummaryResponseDoc implements SummaryResponse {
  @ApiProperty({ type: String, nullable: true, description: "The data's end date", example: '2026-06-30' })
  asOf!: string | null;
  @ApiProperty({ description: 'Episodes admitted in the filter window' }) episodes!: number;
  @ApiProperty({ description: 'Of those, still active at the as-of date' }) activeEpisodes!: number;
  @ApiProperty({ type: RateValueDoc, description: 'attended / (attended + no_show + cancelled_patient)' })
  attendanceRate!: RateValueDoc;
}
