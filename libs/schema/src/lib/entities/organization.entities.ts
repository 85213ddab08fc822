import type { LevelOfCare, StaffRole } from '@iop/contracts';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'organizations' })
export class Organization {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'text' })
  name!: string;
}

@Entity({ name: 'programs' })
export class Program {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'org_id', type: 'integer' })
  orgId!: number;

  @ManyToOne(() => Organization)
  @JoinColumn({ name: 'org_id' })
  organization?: Organization;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'level_of_care', type: 'text' })
  levelOfCare!: LevelOfCare;

  @Column({ name: 'asam_edition', type: 'smallint' })
  asamEdition!: number;

  /** IANA zone; appointment slots (morning, evening, weekend) are read in it. */
  @Column({ type: 'text' })
  timezone!: string;
}

@Entity({ name: 'staff' })
export class Staff {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'org_id', type: 'integer' })
  orgId!: number;

  @Column({ name: 'program_id', type: 'integer' })
  programId!: number;

  @ManyToOne(() => Program)
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ type: 'text' })
  role!: StaffRole;
}
