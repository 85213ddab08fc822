import type {
  AgeBand,
  CounselorOption,
  FilterChoice,
  FilterOptionsResponse,
  LevelOfCare,
  Payer,
  ProgramOption,
  Substance,
} from '@iop/contracts';
import { AGE_BANDS, LEVELS_OF_CARE, PAYERS, SUBSTANCES } from '@iop/contracts';
import { ApiProperty } from '@nestjs/swagger';

// OpenAPI descriptions of the response shape in @iop/contracts (the contracts lib stays framework-free).

export class ProgramOptionDoc implements ProgramOption {
  @ApiProperty({ example: 3 }) id!: number;
  @ApiProperty({ example: 'Evening IOP' }) name!: string;
}

export class CounselorOptionDoc implements CounselorOption {
  @ApiProperty({ example: 12 }) id!: number;
  @ApiProperty({ description: 'Staff display name', example: 'Counselor 12' }) name!: string;
  @ApiProperty({ example: 3 }) programId!: number;
}

export class LevelOfCareChoiceDoc implements FilterChoice<LevelOfCare> {
  @ApiProperty({ enum: LEVELS_OF_CARE, example: '2.1' }) key!: LevelOfCare;
  @ApiProperty({ example: 'Level 2.1 (intensive outpatient)' }) label!: string;
}

export class PayerChoiceDoc implements FilterChoice<Payer> {
  @ApiProperty({ enum: PAYERS, example: 'self_pay' }) key!: Payer;
  @ApiProperty({ example: 'Self-pay' }) label!: string;
}

export class SubstanceChoiceDoc implements FilterChoice<Substance> {
  @ApiProperty({ enum: SUBSTANCES, example: 'opioids' }) key!: Substance;
  @ApiProperty({ example: 'Opioids' }) label!: string;
}

export class AgeBandChoiceDoc implements FilterChoice<AgeBand> {
  @ApiProperty({ enum: AGE_BANDS, example: '65+' }) key!: AgeBand;
  @ApiProperty({ example: '65 and over' }) label!: string;
}

export class AdmitDateRangeDoc {
  @ApiProperty({ type: String, nullable: true, example: '2023-01-02' }) from!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2025-06-30' }) to!: string | null;
}

export class FilterOptionsResponseDoc implements FilterOptionsResponse {
  @ApiProperty({ type: [ProgramOptionDoc] }) programs!: ProgramOptionDoc[];
  @ApiProperty({ type: [CounselorOptionDoc], description: 'Primary counselors of at least one episode' })
  counselors!: CounselorOptionDoc[];
  @ApiProperty({ type: [LevelOfCareChoiceDoc] }) levelsOfCare!: LevelOfCareChoiceDoc[];
  @ApiProperty({ type: [PayerChoiceDoc] }) payers!: PayerChoiceDoc[];
  @ApiProperty({ type: [SubstanceChoiceDoc] }) substances!: SubstanceChoiceDoc[];
  @ApiProperty({ type: [AgeBandChoiceDoc] }) ageBands!: AgeBandChoiceDoc[];
  @ApiProperty({ type: AdmitDateRangeDoc, description: 'First and last admit date of the episodes' })
  admitDateRange!: AdmitDateRangeDoc;
}
