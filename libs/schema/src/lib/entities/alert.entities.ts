import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A user's rule on a metric (docs/ARCHITECTURE.md "Alerts"), evaluated after every load and every night. */
@Entity({ name: 'alert_rules' })
export class AlertRuleEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'org_id', type: 'integer' })
  orgId!: number;

  @Column({ name: 'owner_id', type: 'integer' })
  ownerId!: number;

  @Column({ type: 'text' })
  metric!: string;

  @Column({ type: 'text' })
  scope!: string;

  @Column({ name: 'program_id', type: 'integer', nullable: true })
  programId!: number | null;

  @Column({ type: 'text', nullable: true })
  payer!: string | null;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text', nullable: true })
  comparison!: string | null;

  @Column({ type: 'double precision', nullable: true })
  threshold!: number | null;

  @Column({ type: 'boolean' })
  enabled!: boolean;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** What a rule found when it fired, for its owner: unique per rule and data version. */
@Entity({ name: 'notifications' })
export class NotificationEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @Column({ name: 'rule_id', type: 'integer', nullable: true })
  ruleId!: number | null;

  @Column({ name: 'data_version', type: 'text' })
  dataVersion!: string;

  @Column({ type: 'text' })
  metric!: string;

  @Column({ name: 'scope_label', type: 'text' })
  scopeLabel!: string;

  @Column({ name: 'fired_at', type: 'timestamptz' })
  firedAt!: Date;

  @Column({ name: 'as_of', type: 'date', nullable: true })
  asOf!: string | null;

  @Column({ type: 'double precision' })
  value!: number;

  @Column({ name: 'ci_low', type: 'double precision', nullable: true })
  ciLow!: number | null;

  @Column({ name: 'ci_high', type: 'double precision', nullable: true })
  ciHigh!: number | null;

  @Column({ type: 'integer', nullable: true })
  n!: number | null;

  @Column({ type: 'text' })
  message!: string;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  @Column({ name: 'emailed_at', type: 'timestamptz', nullable: true })
  emailedAt!: Date | null;
}
