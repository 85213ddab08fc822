import {
  type AttendanceHeatmapCell,
  type AttendanceHeatmapResponse,
  COMPLIANCE_COMPONENTS,
  type ComplianceComponent,
  type ComplianceComponentValue,
  type ComplianceResponse,
  DAY_PARTS,
  type DayPart,
  type HoursBin,
  type HoursHistogramResponse,
  type NoShowsResponse,
  type RateOrSuppressed,
  type SessionTypeOutcomes,
  WEEKDAYS,
  type Weekday,
} from '@iop/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { rateOrSuppressed } from '../suppression/suppressed-value.response';

// OpenAPI descriptions of the attendance response shapes in @iop/contracts (the contracts lib stays framework-free).

const AS_OF = { type: String, nullable: true, description: "The data's end date", example: '2026-06-30' };
const rate = rateOrSuppressed;

/** Attendance's mean compliance score, which is never withheld: payers do not see attendance. */
class MeanDoc {
  @ApiProperty({ type: Number, nullable: true }) mean!: number | null;
}

export class AttendanceHeatmapCellDoc implements AttendanceHeatmapCell {
  @ApiProperty({ enum: WEEKDAYS, description: 'Local weekday in the program time zone' }) weekday!: Weekday;
  @ApiProperty({ enum: DAY_PARTS, description: 'Morning < 12:00, afternoon 12:00-16:59, evening >= 17:00 local' })
  dayPart!: DayPart;
  @rate('attended / (attended + no_show + cancelled_patient) in the cell') attendanceRate!: RateOrSuppressed;
}

export class AttendanceHeatmapResponseDoc implements AttendanceHeatmapResponse {
  @ApiProperty(AS_OF) asOf!: string | null;
  @ApiProperty({ type: [AttendanceHeatmapCellDoc], description: '21 cells, Monday morning first, weekday-major' })
  cells!: AttendanceHeatmapCellDoc[];
  @rate('Over all cells: the summary attendanceRate') overall!: RateOrSuppressed;
}

export class ComplianceComponentDoc implements ComplianceComponentValue {
  @ApiProperty({ enum: COMPLIANCE_COMPONENTS }) key!: ComplianceComponent;
  @ApiProperty({ example: 'Session adherence' }) label!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Mean over episodes where the component is defined' })
  mean!: number | null;
  @rate('Episodes with the component >= 0.80 / episodes where it is defined') meeting!: RateOrSuppressed;
}

export class ComplianceResponseDoc implements ComplianceResponse {
  @ApiProperty(AS_OF) asOf!: string | null;
  @ApiProperty({ example: 0.8 }) threshold!: number;
  @ApiProperty({ type: MeanDoc, description: 'Mean compliance score of episodes that have one' }) score!: MeanDoc;
  @rate('Compliance score >= 0.80 / episodes with a score') compliant!: RateOrSuppressed;
  @ApiProperty({ type: [ComplianceComponentDoc] }) components!: ComplianceComponentDoc[];
}

export class HoursBinDoc implements HoursBin {
  @ApiProperty({ example: 9 }) lower!: number;
  @ApiProperty({ type: Number, nullable: true, example: 10, description: 'Exclusive; null for 20+' })
  upper!: number | null;
  @ApiProperty({ example: '9-10' }) label!: string;
  @ApiProperty() episodes!: number;
}

export class IntensityFloorDoc {
  @ApiProperty({ example: 9 }) adults!: number;
  @ApiProperty({ example: 6 }) under18!: number;
}

export class HoursHistogramResponseDoc implements HoursHistogramResponse {
  @ApiProperty(AS_OF) asOf!: string | null;
  @ApiProperty({ description: 'Episodes selected' }) n!: number;
  @ApiProperty({ type: [HoursBinDoc], description: 'Attended hours per week: 0-1 ... 19-20, 20+' })
  bins!: HoursBinDoc[];
  @ApiProperty({ type: IntensityFloorDoc, description: 'Hours per week floors by age at admission' })
  floor!: IntensityFloorDoc;
  @ApiProperty({ description: 'Selected episodes under 18 at admission' }) under18Episodes!: number;
  @rate('Episodes at or above their floor / episodes: the summary meetsIntensity') meetsIntensity!: RateOrSuppressed;
}

export class StatusSharesDoc {
  @rate('attended / appointments') attended!: RateOrSuppressed;
  @rate('no_show / appointments') no_show!: RateOrSuppressed;
  @rate('cancelled_patient / appointments') cancelled_patient!: RateOrSuppressed;
  @rate('cancelled_program / appointments') cancelled_program!: RateOrSuppressed;
  @rate('scheduled / appointments') scheduled!: RateOrSuppressed;
}

export class SessionTypeOutcomesDoc implements SessionTypeOutcomes {
  @ApiProperty({ example: 'group', description: "Session type code, or 'all'" }) key!: string;
  @ApiProperty({ example: 'Group' }) label!: string;
  @ApiProperty({ description: "Appointments up to the episode's last day, any status" }) appointments!: number;
  @ApiProperty({ type: StatusSharesDoc, description: 'Each status / appointments; they add up to 1' })
  shares!: StatusSharesDoc;
  @rate('no_show / (attended + no_show + cancelled_patient)') noShowRate!: RateOrSuppressed;
  @rate('cancelled_patient / (attended + no_show + cancelled_patient)') patientCancellationRate!: RateOrSuppressed;
}

export class NoShowsResponseDoc implements NoShowsResponse {
  @ApiProperty(AS_OF) asOf!: string | null;
  @ApiProperty({ type: [SessionTypeOutcomesDoc], description: 'Session types with appointments, vocabulary order' })
  sessionTypes!: SessionTypeOutcomesDoc[];
  @ApiProperty({ type: SessionTypeOutcomesDoc, description: 'All session types together' })
  total!: SessionTypeOutcomesDoc;
}
