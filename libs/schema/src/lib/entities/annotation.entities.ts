import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A note on the charts: one program's or (programId null) the network's, on a day or a range of days. */
@Entity({ name: 'annotations' })
export class ChartAnnotation {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'org_id', type: 'integer' })
  orgId!: number;

  /** Null: a network-wide note, which every role of the organisation sees (payers included). */
  @Column({ name: 'program_id', type: 'integer', nullable: true })
  programId!: number | null;

  /** YYYY-MM-DD (a `date` column, kept as text so that no time zone shifts it). */
  @Column({ name: 'on_date', type: 'date' })
  onDate!: string;

  @Column({ name: 'until_date', type: 'date', nullable: true })
  untilDate!: string | null;

  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'author_id', type: 'integer', nullable: true })
  authorId!: number | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
