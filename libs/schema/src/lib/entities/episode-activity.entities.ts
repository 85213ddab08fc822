import type {
  AppointmentStatus,
  GoalStatus,
  Instrument,
  Medication,
  Modality,
  Payer,
  ScreenAnalyte,
  ScreenResult,
  SessionType,
} from '@iop/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

// The large tables: bigint keys, org_id on every row, (source_system, source_id) for idempotent imports.
// Big ids come back from pg as strings, so they are typed as such.

@Entity({ name: 'appointments' })
export class Appointment {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'org_id', type: 'integer' })
  orgId!: number;

  @Column({ name: 'episode_id', type: 'integer' })
  episodeId!: number;

  @Column({ name: 'session_type', type: 'text' })
  sessionType!: SessionType;

  @Column({ name: 'scheduled_start', type: 'timestamptz' })
  scheduledStart!: Date;

  @Column({ name: 'duration_min', type: 'smallint' })
  durationMin!: number;

  @Column({ type: 'text' })
  modality!: Modality;

  @Column({ type: 'text' })
  status!: AppointmentStatus;

  @Column({ name: 'staff_id', type: 'integer', nullable: true })
  staffId!: number | null;

  @Column({ name: 'source_system', type: 'text' })
  sourceSystem!: string;

  @Column({ name: 'source_id', type: 'text' })
  sourceId!: string;
}

@Entity({ name: 'drug_screens' })
export class DrugScreen {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'org_id', type: 'integer' })
  orgId!: number;

  @Column({ name: 'episode_id', type: 'integer' })
  episodeId!: number;

  @Column({ name: 'collected_at', type: 'timestamptz' })
  collectedAt!: Date;

  @Column({ type: 'boolean' })
  expected!: boolean;

  /** A `missing` expected sample counts as positive in the outcome metrics. */
  @Column({ type: 'text' })
  result!: ScreenResult;

  @Column({ name: 'positive_for', type: 'text', array: true })
  positiveFor!: ScreenAnalyte[];

  @Column({ name: 'source_system', type: 'text' })
  sourceSystem!: string;

  @Column({ name: 'source_id', type: 'text' })
  sourceId!: string;
}

@Entity({ name: 'plan_goals' })
export class PlanGoal {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'org_id', type: 'integer' })
  orgId!: number;

  @Column({ name: 'episode_id', type: 'integer' })
  episodeId!: number;

  @Column({ name: 'created_on', type: 'date' })
  createdOn!: string;

  @Column({ name: 'due_on', type: 'date' })
  dueOn!: string;

  @Column({ type: 'text' })
  status!: GoalStatus;

  @Column({ name: 'source_system', type: 'text' })
  sourceSystem!: string;

  @Column({ name: 'source_id', type: 'text' })
  sourceId!: string;
}

@Entity({ name: 'assessments' })
export class Assessment {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'org_id', type: 'integer' })
  orgId!: number;

  @Column({ name: 'episode_id', type: 'integer' })
  episodeId!: number;

  @Column({ type: 'text' })
  instrument!: Instrument;

  @Column({ name: 'administered_at', type: 'timestamptz' })
  administeredAt!: Date;

  /** numeric comes back from pg as a string, to keep its precision. */
  @Column({ type: 'numeric', precision: 6, scale: 2 })
  total!: string;

  @Column({ type: 'jsonb', nullable: true })
  subscales!: Record<string, number> | null;

  @Column({ name: 'source_system', type: 'text' })
  sourceSystem!: string;

  @Column({ name: 'source_id', type: 'text' })
  sourceId!: string;
}

@Entity({ name: 'medication_dispenses' })
export class MedicationDispense {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'org_id', type: 'integer' })
  orgId!: number;

  @Column({ name: 'episode_id', type: 'integer' })
  episodeId!: number;

  @Column({ type: 'text' })
  medication!: Medication;

  @Column({ name: 'dispensed_on', type: 'date' })
  dispensedOn!: string;

  @Column({ name: 'days_supply', type: 'smallint' })
  daysSupply!: number;

  @Column({ name: 'source_system', type: 'text' })
  sourceSystem!: string;

  @Column({ name: 'source_id', type: 'text' })
  sourceId!: string;
}

/** Self-reported 12-step or peer-support meetings in one week. */
@Entity({ name: 'mutual_help' })
export class MutualHelpReport {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'org_id', type: 'integer' })
  orgId!: number;

  @Column({ name: 'episode_id', type: 'integer' })
  episodeId!: number;

  @Column({ name: 'week_start', type: 'date' })
  weekStart!: string;

  @Column({ type: 'smallint' })
  meetings!: number;

  @Column({ name: 'source_system', type: 'text' })
  sourceSystem!: string;

  @Column({ name: 'source_id', type: 'text' })
  sourceId!: string;
}

@Entity({ name: 'charges' })
export class Charge {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'org_id', type: 'integer' })
  orgId!: number;

  @Column({ name: 'episode_id', type: 'integer' })
  episodeId!: number;

  @Column({ name: 'service_date', type: 'date' })
  serviceDate!: string;

  @Column({ type: 'text' })
  code!: string;

  @Column({ name: 'amount_cents', type: 'integer' })
  amountCents!: number;

  @Column({ type: 'text' })
  payer!: Payer;

  @Column({ name: 'source_system', type: 'text' })
  sourceSystem!: string;

  @Column({ name: 'source_id', type: 'text' })
  sourceId!: string;
}
