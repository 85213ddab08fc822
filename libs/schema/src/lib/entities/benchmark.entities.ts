import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A published reference value for one metric, with its citation (docs/METRICS.md "Benchmarks and targets"). One that
 * is not comparable (its population differs from the measure's) keeps the reason and draws no line.
 */
@Entity({ name: 'metric_benchmarks' })
export class MetricBenchmark {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'org_id', type: 'integer' })
  orgId!: number;

  @Column({ type: 'text' })
  metric!: string;

  @Column({ type: 'double precision', nullable: true })
  value!: number | null;

  @Column({ type: 'text' })
  direction!: string;

  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'smallint' })
  year!: number;

  @Column({ type: 'boolean' })
  comparable!: boolean;

  @Column({ name: 'not_comparable_reason', type: 'text', nullable: true })
  notComparableReason!: string | null;

  @Column({ name: 'created_by', type: 'integer', nullable: true })
  createdBy!: number | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_by', type: 'integer', nullable: true })
  updatedBy!: number | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** A program's own goal for one metric. */
@Entity({ name: 'metric_targets' })
export class MetricTarget {
  @PrimaryColumn({ name: 'program_id', type: 'integer' })
  programId!: number;

  @PrimaryColumn({ type: 'text' })
  metric!: string;

  @Column({ name: 'org_id', type: 'integer' })
  orgId!: number;

  @Column({ type: 'double precision' })
  value!: number;

  @Column({ type: 'text' })
  direction!: string;

  @Column({ name: 'set_by', type: 'integer', nullable: true })
  setBy!: number | null;

  @Column({ name: 'set_at', type: 'timestamptz' })
  setAt!: Date;
}
