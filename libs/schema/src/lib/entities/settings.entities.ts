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
