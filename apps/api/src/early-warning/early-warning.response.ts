import {
  EARLY_WARNING_BANDS,
  EARLY_WARNING_FEATURES,
  EARLY_WARNING_RULES,
  type EarlyWarningBand,
  type EarlyWarningCalibrationGroup,
  type EarlyWarningDriver,
  type EarlyWarningFeature,
  type EarlyWarningModelSummary,
  type EarlyWarningResponse,
  type EarlyWarningRow,
  type EarlyWarningRule,
  type EarlyWarningValidation,
} from '@iop/contracts';
import { ApiProperty } from '@nestjs/swagger';

// OpenAPI descriptions of the early-warning shapes in @iop/contracts (the contracts lib stays framework-free).

export class EarlyWarningDriverDoc implements EarlyWarningDriver {
  @ApiProperty({ enum: EARLY_WARNING_FEATURES }) feature!: EarlyWarningFeature;
  @ApiProperty({ example: 'Consecutive no-shows' }) label!: string;
  @ApiProperty({ example: '3', description: "The patient's value" }) value!: string;
  @ApiProperty({ description: 'coefficient x (value - training mean), log-odds' }) logOdds!: number;
}

export class EarlyWarningRowDoc implements EarlyWarningRow {
  @ApiProperty({ description: 'Pseudonymous patient key' }) patientKey!: string;
  @ApiProperty() episodeId!: number;
  @ApiProperty() programId!: number;
  @ApiProperty() programName!: string;
  @ApiProperty({ type: Number, nullable: true }) counselorId!: number | null;
  @ApiProperty({ type: String, nullable: true }) counselorName!: string | null;
  @ApiProperty({ description: 'Whole weeks since admission, the first week being 1' }) weekOfTreatment!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Probability of disengaging within 14 days' })
  risk!: number | null;
  @ApiProperty({ enum: EARLY_WARNING_BANDS }) band!: EarlyWarningBand;
  @ApiProperty({ type: [EarlyWarningDriverDoc] }) drivers!: EarlyWarningDriverDoc[];
  @ApiProperty() consecutiveNoShows!: number;
  @ApiProperty() daysSinceLastAttended!: number;
  @ApiProperty({ enum: EARLY_WARNING_RULES, isArray: true }) rulesMet!: EarlyWarningRule[];
}

class CStatisticDoc {
  @ApiProperty() estimate!: number;
  @ApiProperty({ description: 'DeLong 95% interval' }) lower!: number;
  @ApiProperty() upper!: number;
}

export class EarlyWarningCalibrationGroupDoc implements EarlyWarningCalibrationGroup {
  @ApiProperty({ description: 'Decile of predicted risk, 1 the lowest' }) group!: number;
  @ApiProperty() n!: number;
  @ApiProperty() meanPredicted!: number;
  @ApiProperty() observed!: number;
}

export class EarlyWarningValidationDoc implements EarlyWarningValidation {
  @ApiProperty({ example: '2025-12-30' }) cutOff!: string;
  @ApiProperty() trainingRows!: number;
  @ApiProperty() trainingEvents!: number;
  @ApiProperty() validationRows!: number;
  @ApiProperty() validationEvents!: number;
  @ApiProperty({ type: CStatisticDoc }) cStatistic!: CStatisticDoc;
  @ApiProperty({ description: 'Mean squared error of the predicted probabilities' }) brier!: number;
  @ApiProperty() brierOfBaseRate!: number;
  @ApiProperty({ type: [EarlyWarningCalibrationGroupDoc] }) calibration!: EarlyWarningCalibrationGroupDoc[];
}

export class EarlyWarningModelSummaryDoc implements EarlyWarningModelSummary {
  @ApiProperty({ enum: EARLY_WARNING_FEATURES, isArray: true }) features!: EarlyWarningFeature[];
  @ApiProperty() trainingRows!: number;
  @ApiProperty() trainingEvents!: number;
  @ApiProperty() baseRate!: number;
}

export class EarlyWarningResponseDoc implements EarlyWarningResponse {
  @ApiProperty({ type: String, nullable: true, description: "The data's end date: the scoring day" })
  asOf!: string | null;
  @ApiProperty({ example: 14 }) horizonDays!: number;
  @ApiProperty() modelUsable!: boolean;
  @ApiProperty({ enum: ['model', 'rules'] }) ranking!: 'model' | 'rules';
  @ApiProperty() statement!: string;
  @ApiProperty({ type: EarlyWarningValidationDoc, nullable: true }) validation!: EarlyWarningValidationDoc | null;
  @ApiProperty({ type: String, nullable: true }) validationUnavailable!: string | null;
  @ApiProperty({ type: EarlyWarningModelSummaryDoc, nullable: true }) model!: EarlyWarningModelSummaryDoc | null;
  @ApiProperty({ type: [EarlyWarningRowDoc] }) rows!: EarlyWarningRowDoc[];
}
