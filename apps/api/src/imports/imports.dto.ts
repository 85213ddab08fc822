import {
  IMPORT_MODES,
  IMPORT_STAGES,
  IMPORT_STATUSES,
  type ImportCounts,
  type ImportEntityCounts,
  type ImportFileSummary,
  type ImportJob,
  type ImportList,
  type ImportMode,
  type ImportProgress,
  type ImportRejection,
  type ImportStage,
  type ImportStatus,
  SOURCE_SYSTEM_PATTERN,
} from '@iop/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Matches } from 'class-validator';
import type { ImportOptions } from './imports.service';

const SOURCE_SYSTEM_MESSAGE =
  'sourceSystem must be 1-64 letters, digits, dots, dashes or underscores, starting with a letter or digit';

/** A multipart field is text: "true" and "false" become booleans, anything else is left for @IsBoolean to refuse. */
const booleanField = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** The text fields of POST /imports (the files come in the field "files"). */
export class CreateImportFieldsDto {
  @IsString({ message: SOURCE_SYSTEM_MESSAGE })
  @Matches(SOURCE_SYSTEM_PATTERN, { message: SOURCE_SYSTEM_MESSAGE })
  sourceSystem!: string;

  @IsOptional()
  @IsIn(IMPORT_MODES, { message: `mode must be one of ${IMPORT_MODES.join(', ')}` })
  mode?: ImportMode;

  @IsOptional()
  @Transform(booleanField)
  @IsBoolean({ message: 'dryRun must be true or false' })
  dryRun?: boolean;
}

/** The fields with their defaults: merge, and a dry run unless asked otherwise. */
export function importOptionsOf(fields: CreateImportFieldsDto): ImportOptions {
  return { sourceSystem: fields.sourceSystem, mode: fields.mode ?? 'merge', dryRun: fields.dryRun ?? true };
}

/** The multipart body as the OpenAPI document states it. */
export const CREATE_IMPORT_BODY_SCHEMA = {
  type: 'object' as const,
  required: ['files', 'sourceSystem'],
  properties: {
    files: {
      type: 'array' as const,
      items: { type: 'string' as const, format: 'binary' },
      description: 'programs.csv, staff.csv, ... (named after their table), or FHIR R4 *.ndjson / *.json files',
    },
    sourceSystem: { type: 'string' as const, pattern: SOURCE_SYSTEM_PATTERN.source, example: 'kipu-east' },
    mode: { type: 'string' as const, enum: [...IMPORT_MODES], default: 'merge' },
    dryRun: { type: 'boolean' as const, default: true, description: 'Check and count only; confirm to write' },
  },
};

export class ImportProgressDoc implements ImportProgress {
  @ApiProperty() rowsRead!: number;
  @ApiProperty() rowsValidated!: number;
  @ApiProperty() rowsLoaded!: number;
  @ApiProperty() bytesRead!: number;
  @ApiProperty() bytesTotal!: number;
}

export class ImportFileSummaryDoc implements ImportFileSummary {
  @ApiProperty({ example: 'episodes.csv' }) name!: string;
  @ApiProperty() bytes!: number;
  @ApiProperty({ enum: ['csv', 'ndjson', 'json'] }) format!: ImportFileSummary['format'];
}

export class ImportEntityCountsDoc implements ImportEntityCounts {
  @ApiProperty() read!: number;
  @ApiProperty() inserted!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty() deleted!: number;
}

/** One optional property per table of IMPORT_ENTITIES (the tables the import's files held). */
export class ImportCountsDoc implements ImportCounts {
  @ApiPropertyOptional({ type: ImportEntityCountsDoc }) programs?: ImportEntityCountsDoc;
  @ApiPropertyOptional({ type: ImportEntityCountsDoc }) staff?: ImportEntityCountsDoc;
  @ApiPropertyOptional({ type: ImportEntityCountsDoc }) patients?: ImportEntityCountsDoc;
  @ApiPropertyOptional({ type: ImportEntityCountsDoc }) episodes?: ImportEntityCountsDoc;
  @ApiPropertyOptional({ type: ImportEntityCountsDoc }) appointments?: ImportEntityCountsDoc;
  @ApiPropertyOptional({ type: ImportEntityCountsDoc }) drug_screens?: ImportEntityCountsDoc;
  @ApiPropertyOptional({ type: ImportEntityCountsDoc }) plan_goals?: ImportEntityCountsDoc;
  @ApiPropertyOptional({ type: ImportEntityCountsDoc }) assessments?: ImportEntityCountsDoc;
  @ApiPropertyOptional({ type: ImportEntityCountsDoc }) medication_dispenses?: ImportEntityCountsDoc;
  @ApiPropertyOptional({ type: ImportEntityCountsDoc }) mutual_help?: ImportEntityCountsDoc;
  @ApiPropertyOptional({ type: ImportEntityCountsDoc }) charges?: ImportEntityCountsDoc;
}

export class ImportRejectionDoc implements ImportRejection {
  @ApiProperty({ example: 'episodes.csv' }) file!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Line of the file (the header is line 1)' })
  line!: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'EpisodeOfCare/123' }) resourceId!: string | null;
  @ApiProperty({ type: String, nullable: true }) field!: string | null;
  @ApiProperty({ type: String, nullable: true }) value!: string | null;
  @ApiProperty() reason!: string;
}

export class ImportJobDoc implements ImportJob {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() organization!: string;
  @ApiProperty({ example: 'kipu-east' }) sourceSystem!: string;
  @ApiProperty({ enum: IMPORT_MODES }) mode!: ImportMode;
  @ApiProperty() dryRun!: boolean;
  @ApiProperty({ enum: ['cli', 'upload'] }) via!: 'cli' | 'upload';
  @ApiProperty({ enum: IMPORT_STATUSES }) status!: ImportStatus;
  @ApiProperty({ enum: IMPORT_STAGES, nullable: true, type: String }) stage!: ImportStage | null;
  @ApiProperty({ type: ImportProgressDoc }) progress!: ImportProgressDoc;
  @ApiProperty({ type: [ImportFileSummaryDoc] }) files!: ImportFileSummaryDoc[];
  @ApiProperty({ type: ImportCountsDoc, description: 'Per table: rows read, and inserted/updated/unchanged/deleted' })
  counts!: ImportCountsDoc;
  @ApiProperty({ type: [String] }) warnings!: string[];
  @ApiProperty() rejectedRows!: number;
  @ApiProperty({ type: [ImportRejectionDoc], description: 'The first 20; every one is in rejectionsPath' })
  firstRejections!: ImportRejectionDoc[];
  @ApiProperty({ type: String, format: 'date', nullable: true }) asOf!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why a failed import failed (never a stack trace)' })
  error!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The dry run this import writes' })
  confirms!: string | null;
  @ApiProperty({ description: 'A succeeded dry run whose files are kept (24 hours) and not confirmed yet' })
  confirmable!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'E-mail of who asked; null for the command line' })
  requestedBy!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
  @ApiProperty({ type: Number, nullable: true }) durationSeconds!: number | null;
  @ApiProperty({ type: String, nullable: true, example: '/api/v1/imports/<id>/rejections.csv' })
  rejectionsPath!: string | null;
}

export class ImportListDoc implements ImportList {
  @ApiProperty({ type: [ImportJobDoc] }) imports!: ImportJobDoc[];
  @ApiProperty({ description: 'The largest file an upload takes, in bytes' }) maxFileBytes!: number;
  @ApiProperty({ description: 'The most files one upload takes' }) maxFiles!: number;
}
