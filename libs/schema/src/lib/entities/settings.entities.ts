import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Per-organisation settings: comparison cost rates (with their dollar year and source), targets, thresholds. */
@Entity({ name: 'settings' })
export class Setting {
  @PrimaryColumn({ name: 'org_id', type: 'integer' })
  orgId!: number;

  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ type: 'jsonb' })
  value!: unknown;

  @Column({ name: 'dollar_year', type: 'smallint', nullable: true })
  dollarYear!: number | null;

  @Column({ type: 'text', nullable: true })
  source!: string | null;
}

/** The data set's own end date: every metric is computed as of it, never as of the wall clock. */
@Entity({ name: 'dataset_meta' })
export class DatasetMeta {
  @PrimaryColumn({ name: 'org_id', type: 'integer' })
  orgId!: number;

  @Column({ name: 'as_of', type: 'date' })
  asOf!: string;

  @Column({ name: 'generated_by', type: 'jsonb' })
  generatedBy!: Record<string, unknown>;

  @Column({ name: 'loaded_at', type: 'timestamptz' })
  loadedAt!: Date;
}
