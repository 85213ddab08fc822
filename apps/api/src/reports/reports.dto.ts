import {
  type CreateReportRequest,
  type CreateReportScheduleRequest,
  REPORT_CADENCES,
  REPORT_KINDS,
  REPORT_STATUSES,
  type ReportCadence,
  type ReportJob,
  type ReportKind,
  type ReportList,
  type ReportSchedule,
  type ReportScheduleList,
  type ReportStatus,
} from '@iop/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { EpisodeFiltersDto } from '../episodes/episode-filters.dto';

const KIND_MESSAGE = `kind must be one of ${REPORT_KINDS.join(', ')}`;
const CADENCE_MESSAGE = `cadence must be one of ${REPORT_CADENCES.join(', ')}`;
const FILTERS_DESCRIPTION =
  'The episode filters of every metric endpoint (lists as JSON arrays); the scope of the user narrows them';

export class CreateReportDto implements CreateReportRequest {
  @ApiProperty({ enum: REPORT_KINDS, description: 'Payers may only ask for "payer"' })
  @IsIn(REPORT_KINDS, { message: KIND_MESSAGE })
  kind!: ReportKind;

  @ApiPropertyOptional({ type: EpisodeFiltersDto, description: FILTERS_DESCRIPTION })
  @IsOptional()
  @IsObject({ message: 'filters must be an object' })
  @ValidateNested()
  @Type(() => EpisodeFiltersDto)
  filters?: EpisodeFiltersDto;
}

export class CreateReportScheduleDto extends CreateReportDto implements CreateReportScheduleRequest {
  @ApiProperty({ enum: REPORT_CADENCES, description: 'weekly: Mondays; monthly: the 1st; at 06:00 UTC' })
  @IsIn(REPORT_CADENCES, { message: CADENCE_MESSAGE })
  cadence!: ReportCadence;
}

export class ReportJobDoc implements ReportJob {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: REPORT_KINDS }) kind!: ReportKind;
  @ApiProperty({ enum: REPORT_STATUSES }) status!: ReportStatus;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress!: number;
  @ApiProperty({ type: String, nullable: true, example: 'Retention curves' }) stage!: string | null;
  @ApiProperty({ type: EpisodeFiltersDto }) filters!: EpisodeFiltersDto;
  @ApiProperty({ type: String, nullable: true, example: '1 Jan 2025 - 31 Oct 2026' }) period!: string | null;
  @ApiProperty({ description: 'Attempts made so far (up to 3)' }) attempts!: number;
  @ApiProperty({ type: String, nullable: true, description: 'The last failure (never a stack trace)' })
  error!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) scheduleId!: string | null;
  @ApiProperty({ description: 'E-mail of the user it was made for' }) requestedBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
  @ApiProperty({ type: Number, nullable: true }) pageCount!: number | null;
  @ApiProperty({ type: Number, nullable: true }) sizeBytes!: number | null;
  @ApiProperty({ type: String, nullable: true, example: '/api/v1/reports/<id>/file' }) downloadPath!: string | null;
}

export class ReportListDoc implements ReportList {
  @ApiProperty({ type: [ReportJobDoc] }) reports!: ReportJobDoc[];
}

export class ReportScheduleDoc implements ReportSchedule {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: REPORT_KINDS }) kind!: ReportKind;
  @ApiProperty({ enum: REPORT_CADENCES }) cadence!: ReportCadence;
  @ApiProperty({ type: EpisodeFiltersDto }) filters!: EpisodeFiltersDto;
  @ApiProperty({ example: 'download' }) delivery!: string;
  @ApiProperty({ description: 'E-mail of the owner' }) owner!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) nextRunAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastRunAt!: string | null;
  @ApiProperty({ enum: REPORT_STATUSES, nullable: true, type: String }) lastStatus!: ReportStatus | null;
}

export class ReportScheduleListDoc implements ReportScheduleList {
  @ApiProperty({ type: [ReportScheduleDoc] }) schedules!: ReportScheduleDoc[];
}
