import type { EpisodeFilters, ReportCadence, ReportKind, ReportStatus } from '@iop/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A report produced on a cadence (weekly on Mondays, monthly on the 1st, at 06:00 UTC) for its owner. */
@Entity({ name: 'report_schedules' })
export class ReportSchedule {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'org_id', type: 'integer' })
  orgId!: number;

  /** The user the reports are produced for: their scope, resolved when each report runs. */
  @Column({ name: 'owner_id', type: 'integer' })
  ownerId!: number;

  @Column({ type: 'text' })
  kind!: ReportKind;

  @Column({ type: 'text' })
  cadence!: ReportCadence;

  @Column({ type: 'jsonb' })
  filters!: EpisodeFilters;

  @Column({ type: 'text' })
  delivery!: string;

  @Column({ name: 'next_run_at', type: 'timestamptz' })
  nextRunAt!: Date;

  @Column({ name: 'last_run_at', type: 'timestamptz', nullable: true })
  lastRunAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;
}

/** One PDF report: the job's state while it runs, the file's facts once it succeeded. */
@Entity({ name: 'reports' })
export class Report {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'org_id', type: 'integer' })
  orgId!: number;

  @Column({ name: 'requested_by', type: 'integer' })
  requestedBy!: number;

  @Column({ type: 'text' })
  kind!: ReportKind;

  @Column({ type: 'jsonb' })
  filters!: EpisodeFilters;

  @Column({ type: 'text' })
  status!: ReportStatus;

  @Column({ type: 'smallint' })
  progress!: number;

  @Column({ type: 'text', nullable: true })
  stage!: string | null;

  @Column({ type: 'text', nullable: true })
  period!: string | null;

  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ name: 'schedule_id', type: 'uuid', nullable: true })
  scheduleId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ name: 'page_count', type: 'integer', nullable: true })
  pageCount!: number | null;

  @Column({ name: 'size_bytes', type: 'integer', nullable: true })
  sizeBytes!: number | null;
}

/** The PDF of a succeeded report, apart from its row so that listing reports never reads the bytes. */
@Entity({ name: 'report_files' })
export class ReportFile {
  @PrimaryColumn({ name: 'report_id', type: 'uuid' })
  reportId!: string;

  @Column({ type: 'bytea' })
  content!: Buffer;
}
