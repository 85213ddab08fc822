import type { RateOrSuppressed } from './rates';

/** Local weekdays of an appointment in its program's time zone, Monday first (ISO 8601). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * Parts of the local day, by the hour boundaries of the `slot` breakdown (morning before 12:00, afternoon
 * 12:00-16:59, evening from 17:00); unlike `slot`, Saturday and Sunday are split by hour too.
 */
export const DAY_PARTS = ['morning', 'afternoon', 'evening'] as const;
export type DayPart = (typeof DAY_PARTS)[number];

/** GET /api/v1/attendance/heatmap: attendance rate per local weekday x part of day, all 21 cells. */
export interface AttendanceHeatmapResponse {
  asOf: string | null;
  /** Weekday-major (mon morning, mon afternoon, mon evening, tue morning, ...); empty cells have a 0/0 rate. */
  cells: AttendanceHeatmapCell[];
  /** attended / (attended + no_show + cancelled_patient) over every cell: the summary's attendanceRate. */
  overall: RateOrSuppressed;
}

export interface AttendanceHeatmapCell {
  weekday: Weekday;
  dayPart: DayPart;
  /** attended / (attended + no_show + cancelled_patient) of the appointments in the cell. */
  attendanceRate: RateOrSuppressed;
}

/** The components of the compliance score, in the order of docs/METRICS.md. */
export const COMPLIANCE_COMPONENTS = ['sessionAdherence', 'screenAdherence', 'goalAttainment'] as const;
export type ComplianceComponent = (typeof COMPLIANCE_COMPONENTS)[number];

/** GET /api/v1/attendance/compliance: the compliance score and each of its components. */
export interface ComplianceResponse {
  asOf: string | null;
  /** The level a component or the score must reach to count as met: 0.80. */
  threshold: number;
  /** Mean compliance score (0-1) of the episodes that have one: the summary's complianceScore. */
  score: { mean: number | null };
  /** Compliance score >= threshold / episodes with a score: the summary's compliant. */
  compliant: RateOrSuppressed;
  components: ComplianceComponentValue[];
}

export interface ComplianceComponentValue {
  key: ComplianceComponent;
  label: string;
  /** Mean of the component over the episodes where it is defined; null when it is defined for none. */
  mean: number | null;
  /** Episodes whose component is >= threshold / episodes where it is defined (the denominator is that n). */
  meeting: RateOrSuppressed;
}

/** GET /api/v1/attendance/hours: the distribution of attended contact hours per week per episode. */
export interface HoursHistogramResponse {
  asOf: string | null;
  /** Episodes selected (each in exactly one bin). */
  n: number;
  /** 1-hour bins [0, 1), [1, 2), ... [19, 20), then [20, +inf) with `upper` null. */
  bins: HoursBin[];
  /** The ASAM 2.1 intensity floors applied, by age at admission. */
  floor: { adults: number; under18: number };
  /** Episodes selected that are under 18 at admission (their floor is `floor.under18`). */
  under18Episodes: number;
  /** Episodes at or above their floor / episodes: the summary's meetsIntensity. */
  meetsIntensity: RateOrSuppressed;
}

export interface HoursBin {
  /** Inclusive lower bound, hours per week. */
  lower: number;
  /** Exclusive upper bound; null for the open last bin (20+). */
  upper: number | null;
  /** '0-1', ..., '19-20', '20+'. */
  label: string;
  episodes: number;
}

/** GET /api/v1/attendance/no-shows: every appointment status's share per session type, for a stacked bar. */
export interface NoShowsResponse {
  asOf: string | null;
  /** Session types with appointments, in the order of SESSION_TYPES. */
  sessionTypes: SessionTypeOutcomes[];
  /** The same over all session types. */
  total: SessionTypeOutcomes;
}

export interface SessionTypeOutcomes {
  /** A SESSION_TYPES code, or 'all' for the total. */
  key: string;
  label: string;
  /** Appointments up to the episode's last day, whatever their status. */
  appointments: number;
  /** Each status's count / appointments; the five add up to 1. */
  shares: {
    attended: RateOrSuppressed;
    no_show: RateOrSuppressed;
    cancelled_patient: RateOrSuppressed;
    cancelled_program: RateOrSuppressed;
    scheduled: RateOrSuppressed;
  };
  /** no_show / (attended + no_show + cancelled_patient): the breakdown's noShowRate. */
  noShowRate: RateOrSuppressed;
  /** cancelled_patient / (attended + no_show + cancelled_patient), on the attendance rate's denominator. */
  patientCancellationRate: RateOrSuppressed;
}
