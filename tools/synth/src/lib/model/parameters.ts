import type { EmploymentStatus, Payer, ReferralSource, Sex, Substance } from '@iop/contracts';

/**
 * The realism constants of the model: shapes taken from published figures (cited) or chosen, and
 * tuned so that the generated rows land in the ranges of ground-truth.json "targets". The planted
 * effects are not here: they are read from ground-truth.json.
 */

/** TEDS-D 2019 AGE (12-17: 2.7%; 65 and older: 1.4%), as [min age, max age, weight]. */
export const AGE_BANDS: ReadonlyArray<[number, number, number]> = [
  [13, 17, 2.7],
  [18, 20, 2.7],
  [21, 24, 7.6],
  [25, 29, 16.8],
  [30, 34, 17.4],
  [35, 39, 14.5],
  [40, 44, 10.3],
  [45, 49, 8.8],
  [50, 54, 8.2],
  [55, 64, 9.7],
  [65, 75, 1.4],
];

/** TEDS-D 2019 GENDER: 64.2% male, 35.8% female; a few other/unknown. */
export const SEX_WEIGHTS: Readonly<Record<Sex, number>> = { male: 63.8, female: 35.6, other: 0.3, unknown: 0.3 };

/**
 * TEDS-D 2019 EMPLOY: full or part time 22.7%, unemployed 36.9%, not in labour force 31.5%; IOP patients
 * work more often than the TEDS average (keeping work is the point of IOP), hence more employed here.
 */
export const ADULT_EMPLOYMENT_WEIGHTS: Readonly<Record<EmploymentStatus, number>> = {
  employed: 36,
  student: 5,
  unemployed: 37,
  other: 22,
};

/** TEDS-D 2019 SUB1: alcohol 30.3%, heroin + other opiates 30.2%, stimulants 18.5%, marijuana 10.9%. */
export const ADULT_SUBSTANCE_WEIGHTS: Readonly<Record<Substance, number>> = {
  alcohol: 33,
  opioids: 31,
  stimulants: 19,
  cannabis: 12,
  other: 5,
};
/** Adolescent admissions are mostly for cannabis (TEDS-A adolescent profile). */
export const ADOLESCENT_SUBSTANCE_WEIGHTS: Readonly<Record<Substance, number>> = {
  alcohol: 20,
  opioids: 4,
  stimulants: 6,
  cannabis: 65,
  other: 5,
};
/** Opioid use disorder among patients whose primary substance is something else (poly-use). */
export const SECONDARY_OUD_PROBABILITY = 0.07;

/** TEDS-D 2019 PRIMPAY where known: Medicaid dominates public treatment; IOP also bills commercial plans. */
export const PAYER_WEIGHTS: Readonly<Record<Payer, number>> = {
  medicaid: 50,
  commercial: 29,
  medicare: 4,
  self_pay: 8,
  other: 9,
};

/**
 * TEDS-D 2019 PSOURCE: individual 42.6%, court 23.6%, treatment providers 8.6%, health care 7.3%; IOP
 * receives more step-downs from residential and inpatient care than the all-settings average.
 */
export const REFERRAL_WEIGHTS: Readonly<Record<ReferralSource, number>> = {
  self: 27,
  family: 7,
  court: 19,
  employer: 3,
  outpatient: 9,
  residential: 13,
  inpatient: 7,
  emergency: 5,
  other: 10,
};

/** TEDS-D 2019 NOPRIOR: 41% of admissions with a known history had no prior treatment episode. */
export const PRIOR_EPISODE_WEIGHTS: ReadonlyArray<[number, number]> = [
  [0, 41],
  [1, 24],
  [2, 14],
  [3, 9],
  [4, 5],
  [5, 3],
  [6, 2],
  [8, 1],
  [10, 1],
];

export const FAMILY_INVOLVED_PROBABILITY = { adult: 0.36, adolescent: 0.85 } as const;

/** Planned length of a completed episode, in weeks: IOP programs of 10-14 weeks, level 1 of 16-26. */
export const PLANNED_WEEKS = { iop: [12, 16], outpatient: [16, 26] } as const;

/**
 * Baseline hazards (per day) of leaving treatment, for a severity-2 patient without MAT, by piece of time
 * since admission ([start day, end day)). TEDS-D LOS shows most exits early (15% of all discharges on day 1
 * across settings); tuned so that IOP discharges come out about 38% completed, 23% dropped out, 18%
 * transferred with a median stay of about 6 weeks (the design targets in ground-truth.json "targets").
 */
export const HAZARD_PIECES: ReadonlyArray<{ from: number; to: number; disengagement: number; other: number }> = [
  { from: 0, to: 7, disengagement: 0.0165, other: 0.0105 },
  { from: 7, to: 28, disengagement: 0.0085, other: 0.0062 },
  { from: 28, to: 42, disengagement: 0.0095, other: 0.0058 },
  { from: 42, to: Infinity, disengagement: 0.003, other: 0.0022 },
];
/** How the non-disengagement exits split (TEDS-D 2019 REASON: transfer 21.5%, incarcerated 1.5%, death 0.2%, other 4.0%). */
export const OTHER_EXIT_WEIGHTS = { transferred: 0.66, incarcerated: 0.07, death: 0.012, other: 0.258 } as const;
/** Share of disengagements that are terminations by the facility (TEDS-D 2019: 5.5% vs 25.1% dropped out). */
export const TERMINATED_SHARE_OF_DISENGAGEMENT = 0.3;
/** Court-referred patients are incarcerated more often; patients with OUD die more often (overdose). */
export const INCARCERATION_RATIO_COURT = 3;
export const DEATH_RATIO_OUD = 4;
/** Non-planted covariate effects on disengagement (board covariates, so adjusted models absorb them). */
export const DISENGAGEMENT_RATIO = { adolescent: 1.2, selfPay: 1.25 } as const;

/** Adherence: the probability that a scheduled appointment is attended, a screen collected, a goal met. */
export const ADHERENCE = {
  centre: 0.77,
  centreHours: 12,
  adolescentShift: -0.04,
  noiseHalfWidth: 0.1,
  min: 0.05,
  max: 0.99,
} as const;
/** A missed appointment is a no-show or a patient cancellation in this ratio. */
export const NO_SHOW_SHARE_OF_MISSED = 0.6;
/** Programs cancel a few sessions (staff illness, holidays, weather). */
export const PROGRAM_CANCELLATION_PROBABILITY = 0.025;

export const TELEHEALTH_PROBABILITY = {
  group: 0.1,
  individual: 0.3,
  family: 0.35,
  mat: 0.25,
  case_management: 0.4,
} as const;

/** IOP evening tracks serve patients who work or study (the article's claim 5 and common practice). */
export const EVENING_TRACK_PROBABILITY = { employedOrStudent: 0.75, other: 0.25 } as const;

/** Share of OUD patients offered MAT at severity 2 (before the severity shift of the ground truth). */
export const MAT_PROBABILITY_OUD = 0.5;
export const MAT_MEDICATION_WEIGHTS = { buprenorphine: 60, methadone: 25, naltrexone_xr: 15 } as const;
/** Some alcohol patients without OUD get a medication for alcohol use disorder (no planted effect). */
export const AUD_MEDICATION_PROBABILITY = 0.1;

/** Readmission (new episode of the same patient) probability after a discharge, by reason. */
export const READMISSION_PROBABILITY: Readonly<Record<number, number>> = {
  1: 0.08,
  2: 0.22,
  3: 0.22,
  4: 0.3,
  5: 0.05,
  6: 0,
  7: 0.12,
};
export const READMISSION_GAP_DAYS = { minimum: 14, meanExtra: 110 } as const;
export const MAX_EPISODES_PER_PATIENT = 3;

/** Drug use: log-odds of an illicit-positive screen at severity 2, by primary substance, before time in treatment. */
export const ILLICIT_USE_LOG_ODDS: Readonly<Record<Substance, number>> = {
  alcohol: -0.7,
  opioids: 0.1,
  stimulants: -0.2,
  cannabis: 0.7,
  other: -0.8,
};
export const ILLICIT_USE = {
  personSd: 1.1,
  matLogOdds: -0.9,
  perWeekInTreatment: -0.1,
  weeksOfImprovement: 10,
  invalidProbability: 0.015,
  forCauseScreenProbability: 0.03,
  secondaryCannabisProbability: 0.2,
  prescribedDetectedProbability: 0.95,
} as const;

/** Mutual-help (12-step) meetings per week by primary substance: AA is the most established. */
export const MEETINGS_PER_WEEK: Readonly<Record<Substance, number>> = {
  alcohol: 2.0,
  opioids: 1.2,
  stimulants: 1.0,
  cannabis: 0.6,
  other: 0.8,
};
export const MEETINGS = {
  perPriorEpisodeLogShift: 0.1,
  personSdLog: 0.5,
  dispersion: 2,
  reportProbability: 0.8,
} as const;

/** Readiness ruler (0-10) at admission by severity, and its change. */
export const READINESS = {
  admissionMean: 6.3,
  admissionSd: 1.8,
  changeMean: 1.0,
  changeSd: 1.3,
  repeatSd: 0.7,
} as const;
/** WAI-SR: first administration on days 21-25 to most patients still in treatment. */
export const ALLIANCE = { centre: 42, centreSessions: 1, noiseSd: 6, administeredProbability: 0.92 } as const;
