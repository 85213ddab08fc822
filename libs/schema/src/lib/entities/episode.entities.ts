import type { EmploymentStatus, LevelOfCare, Payer, ReferralSource, Sex, Substance } from '@iop/contracts';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Program, Staff } from './organization.entities';

/** Pseudonymous: no names, addresses, phone numbers or full birth dates are ever stored. */
@Entity({ name: 'patients' })
export class Patient {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'org_id', type: 'integer' })
  orgId!: number;

  @Column({ name: 'patient_key', type: 'text' })
  patientKey!: string;

  @Column({ name: 'birth_year', type: 'smallint' })
  birthYear!: number;

  @Column({ type: 'text' })
  sex!: Sex;

  @Column({ type: 'char', length: 3, nullable: true })
  zip3!: string | null;

  @Column({ type: 'text' })
  employment!: EmploymentStatus;

  @Column({ name: 'source_system', type: 'text' })
  sourceSystem!: string;

  @Column({ name: 'source_id', type: 'text' })
  sourceId!: string;
}

/** One admission to one program: the unit of every metric. */
@Entity({ name: 'episodes' })
export class Episode {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'org_id', type: 'integer' })
  orgId!: number;

  @Column({ name: 'program_id', type: 'integer' })
  programId!: number;

  @ManyToOne(() => Program)
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  @Column({ name: 'patient_id', type: 'integer' })
  patientId!: number;

  @ManyToOne(() => Patient)
  @JoinColumn({ name: 'patient_id' })
  patient?: Patient;

  @Column({ name: 'level_of_care', type: 'text' })
  levelOfCare!: LevelOfCare;

  @Column({ name: 'referral_date', type: 'date', nullable: true })
  referralDate!: string | null;

  @Column({ name: 'referral_source', type: 'text' })
  referralSource!: ReferralSource;

  /** Discharge from the referring residential or inpatient care (the follow-up measure starts there). */
  @Column({ name: 'prior_discharge_date', type: 'date', nullable: true })
  priorDischargeDate!: string | null;

  @Column({ name: 'admit_date', type: 'date' })
  admitDate!: string;

  /** Null while the episode is active. */
  @Column({ name: 'discharge_date', type: 'date', nullable: true })
  dischargeDate!: string | null;

  /** TEDS-D REASON 1-7; null while active. */
  @Column({ name: 'discharge_reason', type: 'smallint', nullable: true })
  dischargeReason!: number | null;

  @Column({ name: 'discharge_reason_local', type: 'text', nullable: true })
  dischargeReasonLocal!: string | null;

  @Column({ name: 'primary_substance', type: 'text' })
  primarySubstance!: Substance;

  @Column({ type: 'boolean' })
  oud!: boolean;

  @Column({ type: 'smallint' })
  severity!: number;

  @Column({ name: 'prior_episodes', type: 'smallint' })
  priorEpisodes!: number;

  @Column({ type: 'text' })
  payer!: Payer;

  @Column({ name: 'primary_counselor_id', type: 'integer', nullable: true })
  primaryCounselorId!: number | null;

  @ManyToOne(() => Staff)
  @JoinColumn({ name: 'primary_counselor_id' })
  primaryCounselor?: Staff;

  @Column({ name: 'family_involved', type: 'boolean' })
  familyInvolved!: boolean;

  @Column({ name: 'source_system', type: 'text' })
  sourceSystem!: string;

  @Column({ name: 'source_id', type: 'text' })
  sourceId!: string;
}
