import type {
  CountOrSuppressed,
  MeanMedian,
  NumberOrSuppressed,
  RateOrSuppressed,
  SummaryResponse,
} from '@iop/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { countOrSuppressed, numberOrSuppressed, rateOrSuppressed } from '../suppression/suppressed-value.response';

// OpenAPI descriptions of the response shapes in @iop/contracts (the contracts lib stays framework-free).

export class MeanMedianDoc implements MeanMedian {
  @numberOrSuppressed({ nullable: true }) mean!: NumberOrSuppressed | null;
  @numberOrSuppressed({ nullable: true }) median!: NumberOrSuppressed | null;
}

/** The summary's mean compliance score, withheld from a payer when it describes 1-10 patients. */
export class MeanOrSuppressedDoc {
  @numberOrSuppressed({ nullable: true }) mean!: NumberOrSuppressed | null;
}

const rate = rateOrSuppressed;

export class SummaryResponseDoc implements SummaryResponse {
  @ApiProperty({ type: String, nullable: true, description: "The data's end date", example: '2026-06-30' })
  asOf!: string | null;
  @countOrSuppressed('Episodes admitted in the filter window') episodes!: CountOrSuppressed;
  @countOrSuppressed('Of those, still active at the as-of date') activeEpisodes!: CountOrSuppressed;
  @rate('attended / (attended + no_show + cancelled_patient)') attendanceRate!: RateOrSuppressed;
  @ApiProperty({ type: MeanMedianDoc, description: 'Attended contact hours / weeks in treatment, per episode' })
  attendedHoursPerWeek!: MeanMedianDoc;
  @rate('Episodes attending >= 9 hours a week (>= 6 under 18) / episodes') meetsIntensity!: RateOrSuppressed;
  @ApiProperty({ type: MeanOrSuppressedDoc, description: 'Mean compliance score (0-1) of episodes that have one' })
  complianceScore!: MeanOrSuppressedDoc;
  @rate('Compliance score >= 0.80 / episodes with a compliance score') compliant!: RateOrSuppressed;
  @rate('Length of stay >= 30 / episodes admitted >= 30 days before as-of') retained30!: RateOrSuppressed;
  @rate('Length of stay >= 60 / episodes admitted >= 60 days before as-of') retained60!: RateOrSuppressed;
  @rate('Length of stay >= 90 / episodes admitted >= 90 days before as-of') retained90!: RateOrSuppressed;
  @rate('Discharge reason 1 / discharged episodes') completionRate!: RateOrSuppressed;
  @rate('Discharge reasons 1 + 4 / discharged episodes') positiveConclusionRate!: RateOrSuppressed;
  @rate('Discharge reasons 2 + 3 / discharged episodes') dropoutRate!: RateOrSuppressed;
  @numberOrSuppressed({ nullable: true, description: 'Days; active episodes censored at as-of' })
  medianLengthOfStay!: NumberOrSuppressed | null;
  @rate('Negative / expected screens, missing counted as positive') negativeScreenRate!: RateOrSuppressed;
  @rate('Discharged episodes with every expected screen of their last 28 days negative / those with one or more')
  abstinentFinal4Weeks!: RateOrSuppressed;
  @rate('Non-transfer discharges >= 30 days before as-of with a new admission 1-30 days later / those discharges')
  readmitted30!: RateOrSuppressed;
  @rate('Non-transfer discharges >= 90 days before as-of with a new admission 1-90 days later / those discharges')
  readmitted90!: RateOrSuppressed;
}
