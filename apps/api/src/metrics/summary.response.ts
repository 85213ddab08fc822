import type { MeanMedian, RateValue, SummaryResponse } from '@iop/contracts';
import { ApiProperty } from '@nestjs/swagger';

// OpenAPI descriptions of the response shapes in @iop/contracts (the contracts lib stays framework-free).

export class RateValueDoc implements RateValue {
  @ApiProperty({ example: 4512 }) numerator!: number;
  @ApiProperty({ example: 5640 }) denominator!: number;
  @ApiProperty({ type: Number, nullable: true, example: 0.8 }) rate!: number | null;
  @ApiProperty({ type: [Number], nullable: true, description: 'Wilson 95% interval', example: [0.789, 0.81] })
  ci95!: [number, number] | null;
}

export class MeanMedianDoc implements MeanMedian {
  @ApiProperty({ type: Number, nullable: true }) mean!: number | null;
  @ApiProperty({ type: Number, nullable: true }) median!: number | null;
}

export class MeanDoc {
  @ApiProperty({ type: Number, nullable: true }) mean!: number | null;
}

const rate = (description: string) => ApiProperty({ type: RateValueDoc, description });

export class SummaryResponseDoc implements SummaryResponse {
  @ApiProperty({ type: String, nullable: true, description: "The data's end date", example: '2026-06-30' })
  asOf!: string | null;
  @ApiProperty({ description: 'Episodes admitted in the filter window' }) episodes!: number;
  @ApiProperty({ description: 'Of those, still active at the as-of date' }) activeEpisodes!: number;
  @rate('attended / (attended + no_show + cancelled_patient)') attendanceRate!: RateValueDoc;
  @ApiProperty({ type: MeanMedianDoc, description: 'Attended contact hours / weeks in treatment, per episode' })
  attendedHoursPerWeek!: MeanMedianDoc;
  @rate('Episodes attending >= 9 hours a week (>= 6 under 18) / episodes') meetsIntensity!: RateValueDoc;
  @ApiProperty({ type: MeanDoc, description: 'Mean compliance score (0-1) of episodes that have one' })
  complianceScore!: MeanDoc;
  @rate('Compliance score >= 0.80 / episodes with a compliance score') compliant!: RateValueDoc;
  @rate('Length of stay >= 30 / episodes admitted >= 30 days before as-of') retained30!: RateValueDoc;
  @rate('Length of stay >= 60 / episodes admitted >= 60 days before as-of') retained60!: RateValueDoc;
  @rate('Length of stay >= 90 / episodes admitted >= 90 days before as-of') retained90!: RateValueDoc;
  @rate('Discharge reason 1 / discharged episodes') completionRate!: RateValueDoc;
  @rate('Discharge reasons 1 + 4 / discharged episodes') positiveConclusionRate!: RateValueDoc;
  @rate('Discharge reasons 2 + 3 / discharged episodes') dropoutRate!: RateValueDoc;
  @ApiProperty({ type: Number, nullable: true, description: 'Days; active episodes censored at as-of' })
  medianLengthOfStay!: number | null;
  @rate('Negative / expected screens, missing counted as positive') negativeScreenRate!: RateValueDoc;
  @rate('Discharged episodes with every expected screen of their last 28 days negative / those with one or more')
  abstinentFinal4Weeks!: RateValueDoc;
  @rate('Non-transfer discharges >= 30 days before as-of with a new admission 1-30 days later / those discharges')
  readmitted30!: RateValueDoc;
  @rate('Non-transfer discharges >= 90 days before as-of with a new admission 1-90 days later / those discharges')
  readmitted90!: RateValueDoc;
}
