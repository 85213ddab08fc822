import type { EmploymentStatus, Medication, Payer, ReferralSource, Sex, Substance } from '@iop/contracts';
import type { SeverityEffects } from '../ground-truth';
import { bernoulli, categorical, clamp, integerBetween, pick, weightedIndex } from '../random/samplers';
import type { Rng } from '../random/rng';
import type { Program } from './network';
import {
  ADOLESCENT_SUBSTANCE_WEIGHTS,
  ADULT_EMPLOYMENT_WEIGHTS,
  ADULT_SUBSTANCE_WEIGHTS,
  AGE_BANDS,
  AUD_MEDICATION_PROBABILITY,
  FAMILY_INVOLVED_PROBABILITY,
  MAT_MEDICATION_WEIGHTS,
  MAT_PROBABILITY_OUD,
  PAYER_WEIGHTS,
  PLANNED_WEEKS,
  PRIOR_EPISODE_WEIGHTS,
  REFERRAL_WEIGHTS,
  SECONDARY_OUD_PROBABILITY,
  SEX_WEIGHTS,
} from './parameters';

export type Severity = 1 | 2 | 3;
export type MatMedication = Extract<Medication, 'buprenorphine' | 'methadone' | 'naltrexone_xr'>;
export type AudMedication = Extract<Medication, 'naltrexone_oral' | 'acamprosate'>;

/** What stays with a patient across episodes. */
export interface PatientProfile {
  id: number;
  key: string;
  sex: Sex;
  birthYear: number;
  zip3: string;
}

/** Everything known about an episode at admission: covariates, referral and the treatment plan's frame. */
export interface EpisodeIntake {
  id: number;
  patient: PatientProfile;
  program: Program;
  /** Calendar day of admission. */
  admitDay: number;
  age: number;
  adolescent: boolean;
  employment: EmploymentStatus;
  referralSource: ReferralSource;
  referralDay: number;
  priorDischargeDay: number | null;
  substance: Substance;
  oud: boolean;
  severity: Severity;
  priorEpisodes: number;
  payer: Payer;
  counselorId: number;
  familyInvolved: boolean;
  /** Medication for OUD started on the admission day, or null. */
  mat: MatMedication | null;
  /** Medication for alcohol use disorder (patients without OUD), or null. */
  audMedication: AudMedication | null;
  /** Length in days of the episode if completed. */
  plannedLengthDays: number;
}

/** Age at a first admission, by the TEDS-D age bands. */
export function drawAge(rng: Rng): number {
  const [min, max] =
    AGE_BANDS[
      weightedIndex(
        rng,
        AGE_BANDS.map(([, , weight]) => weight),
      )
    ];
  return integerBetween(rng, min, max);
}

export function drawSex(rng: Rng): Sex {
  return categorical(rng, SEX_WEIGHTS);
}

export interface IntakeContext {
  severity: { distribution: Record<'1' | '2' | '3', number>; effects: SeverityEffects };
}

/**
 * Draws an episode's covariates. Severity has the same distribution at both levels of care (so that it
 * confounds within level, see ground-truth.json); MAT is offered more often to more severe OUD patients.
 */
export function drawIntake(
  rng: Rng,
  context: IntakeContext,
  base: Pick<EpisodeIntake, 'id' | 'patient' | 'program' | 'admitDay' | 'age' | 'priorEpisodes'> & {
    previous: EpisodeIntake | null;
    referralOverride?: ReferralSource;
  },
): EpisodeIntake {
  const { program, age, previous } = base;
  const adolescent = age < 18;
  // Employment is a patient attribute in the schema: a readmission keeps the first episode's.
  const employment: EmploymentStatus = previous
    ? previous.employment
    : adolescent
      ? bernoulli(rng, 0.95)
        ? 'student'
        : 'other'
      : categorical(rng, ADULT_EMPLOYMENT_WEIGHTS);
  const substance: Substance =
    previous && bernoulli(rng, 0.85)
      ? previous.substance
      : categorical(rng, adolescent ? ADOLESCENT_SUBSTANCE_WEIGHTS : ADULT_SUBSTANCE_WEIGHTS);
  const oud = substance === 'opioids' ? bernoulli(rng, 0.96) : bernoulli(rng, SECONDARY_OUD_PROBABILITY);
  const severity = Number(categorical(rng, context.severity.distribution)) as Severity;
  const payer = drawPayer(rng, age, previous);
  const referralSource =
    base.referralOverride ?? (adolescent && bernoulli(rng, 0.4) ? 'family' : categorical(rng, REFERRAL_WEIGHTS));
  // Referral a few days before admission (IET counts initiation from the referral date).
  const referralGap = Math.min(integerBetween(rng, 0, 6) + (bernoulli(rng, 0.25) ? integerBetween(rng, 3, 20) : 0), 30);
  const steppedDown = referralSource === 'residential' || referralSource === 'inpatient';
  // Step-downs: the referring program discharged 0-20 days before admission (FUI-style follow-up); the
  // referral was made then at the latest.
  const priorDischargeGap = steppedDown
    ? integerBetween(rng, 0, 4) + (bernoulli(rng, 0.45) ? integerBetween(rng, 3, 16) : 0)
    : 0;
  const matShift = context.severity.effects.matProbabilityShiftPerLevel * (severity - 2);
  const mat =
    oud && bernoulli(rng, clamp(MAT_PROBABILITY_OUD + matShift, 0, 1))
      ? categorical(rng, MAT_MEDICATION_WEIGHTS)
      : null;
  const audMedication: AudMedication | null =
    !oud && substance === 'alcohol' && bernoulli(rng, AUD_MEDICATION_PROBABILITY)
      ? bernoulli(rng, 0.6)
        ? 'naltrexone_oral'
        : 'acamprosate'
      : null;
  const weeks = program.levelOfCare === '1' ? PLANNED_WEEKS.outpatient : PLANNED_WEEKS.iop;
  return {
    id: base.id,
    patient: base.patient,
    program,
    admitDay: base.admitDay,
    age,
    adolescent,
    employment,
    referralSource,
    referralDay: base.admitDay - Math.max(referralGap, priorDischargeGap),
    priorDischargeDay: steppedDown ? base.admitDay - priorDischargeGap : null,
    substance,
    oud,
    severity,
    priorEpisodes: base.priorEpisodes,
    payer,
    counselorId: pick(rng, program.counselors),
    familyInvolved: bernoulli(
      rng,
      adolescent ? FAMILY_INVOLVED_PROBABILITY.adolescent : FAMILY_INVOLVED_PROBABILITY.adult,
    ),
    mat,
    audMedication,
    plannedLengthDays: 7 * integerBetween(rng, weeks[0], weeks[1]),
  };
}

/** Medicare from 65; a readmission mostly keeps its payer; adolescents are not on Medicare. */
function drawPayer(rng: Rng, age: number, previous: EpisodeIntake | null): Payer {
  if (age >= 65) return bernoulli(rng, 0.85) ? 'medicare' : 'commercial';
  if (previous && bernoulli(rng, 0.9)) return previous.payer;
  const payer = categorical(rng, PAYER_WEIGHTS);
  return age < 18 && payer === 'medicare' ? 'medicaid' : payer;
}

/** Prior treatment episodes before a patient's first episode in the network (TEDS-D NOPRIOR). */
export function drawPriorEpisodes(rng: Rng): number {
  return PRIOR_EPISODE_WEIGHTS[
    weightedIndex(
      rng,
      PRIOR_EPISODE_WEIGHTS.map(([, weight]) => weight),
    )
  ][0];
}
