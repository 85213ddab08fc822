import type { QualityMeasureId } from '@iop/contracts';
import { continuousCoverageEnd, dayNumber, daysCovered, isoDate, shiftedCoverage } from './medication-coverage';
import type { QualityCase } from './quality-cases.query';

/**
 * The quality measures of docs/METRICS.md "Quality measures", one pure function per measure, evaluated per
 * episode. They follow the public summaries of the HEDIS definitions; the licensed specification's value sets
 * (which visits and drugs qualify) are replaced by what the data holds: any attended appointment is a treatment
 * service, any dispense a medication event.
 */

/** How one episode stands in a measure. */
export interface MeasureOutcome {
  /** outside: not in the measure's population at all; excluded: in it, but left out of the denominator. */
  status: 'outside' | 'excluded' | 'denominator';
  exclusion: string | null;
  inNumerator: boolean;
  startDate: string | null;
  eventDate: string | null;
  days: number | null;
  proportion: number | null;
}

export interface MeasureDefinition {
  id: QualityMeasureId;
  name: string;
  definition: string;
  /** What the patient list's startDate, eventDate and days mean. */
  columns: { startDate: string; eventDate: string; days: string };
  evaluate(episode: QualityCase): MeasureOutcome;
}

const IET_MIN_AGE = 13;
const POD_MIN_AGE = 16;
/** Initiation: referral day + 13 (14 days counting the referral day). */
const INITIATION_LAST_DAY = 13;
/** Engagement: the 34 days after the initiation service. */
const ENGAGEMENT_DAYS = 34;
const POD_DAYS = 180;
/** PDC adherence: days covered / period days >= 4/5 (0.80), compared in integers. */
const PDC_ADHERENT = { numerator: 4, denominator: 5 };
/** OUD pharmacotherapy: acamprosate and disulfiram treat alcohol use disorder, not OUD. */
const OUD_MEDICATIONS = ['buprenorphine', 'methadone', 'naltrexone_oral', 'naltrexone_xr'];
const FOLLOW_UP_SOURCES = ['residential', 'inpatient'];

const outside: MeasureOutcome = {
  status: 'outside',
  exclusion: null,
  inNumerator: false,
  startDate: null,
  eventDate: null,
  days: null,
  proportion: null,
};
const excluded = (reason: string): MeasureOutcome => ({ ...outside, status: 'excluded', exclusion: reason });
const counted = (inNumerator: boolean, dates: Partial<MeasureOutcome>): MeasureOutcome => ({
  ...outside,
  ...dates,
  status: 'denominator',
  inNumerator,
});

/** Whether the data reaches `day` (a window is judged only once it has ended; without an as-of date, always). */
const dataReaches = (episode: QualityCase, day: number) => episode.asOf === null || dayNumber(episode.asOf) >= day;

/** The first attended service on or after `day`, as a day number. */
const firstAttendedFrom = (episode: QualityCase, day: number): number | null =>
  episode.attendedDates.map(dayNumber).find((date) => date >= day) ?? null;

/** IET's shared eligibility: age, a referral date, and the window (days after referral) over by the data's end. */
function ietEligibility(episode: QualityCase, windowDays: number): MeasureOutcome | number {
  if (episode.age < IET_MIN_AGE) return excluded(`under ${IET_MIN_AGE} at admission`);
  if (!episode.referralDate) return excluded('no referral date');
  const referral = dayNumber(episode.referralDate);
  if (!dataReaches(episode, referral + windowDays)) {
    return excluded(`referred fewer than ${windowDays + 1} days before the data's end`);
  }
  return referral;
}

function initiation(episode: QualityCase, referral: number): number | null {
  const first = firstAttendedFrom(episode, referral);
  return first !== null && first - referral <= INITIATION_LAST_DAY ? first : null;
}

const ietInitiation: MeasureDefinition = {
  id: 'iet-initiation',
  name: 'IET initiation',
  definition:
    'Episodes of patients aged 13 or more (at admission) whose first attended service on or after the referral ' +
    'date falls on the referral day or within the 13 days after it',
  columns: {
    startDate: 'Referral date',
    eventDate: 'First attended service on or after the referral date',
    days: 'Days from referral to that service',
  },
  evaluate(episode) {
    const eligibility = ietEligibility(episode, INITIATION_LAST_DAY);
    if (typeof eligibility !== 'number') return eligibility;
    const first = firstAttendedFrom(episode, eligibility);
    return counted(first !== null && first - eligibility <= INITIATION_LAST_DAY, {
      startDate: episode.referralDate,
      eventDate: first === null ? null : isoDate(first),
      days: first === null ? null : first - eligibility,
    });
  },
};

const ietEngagement: MeasureDefinition = {
  id: 'iet-engagement',
  name: 'IET engagement',
  definition:
    'Of the IET denominator, initiated episodes with 2 or more further events in the 34 days after the ' +
    'initiation service: attended services (one per day) and dispenses, of which at most one counts',
  columns: {
    startDate: 'Initiation service date',
    eventDate: 'Date of the second engagement event',
    days: 'Days from initiation to that event',
  },
  evaluate(episode) {
    const eligibility = ietEligibility(episode, INITIATION_LAST_DAY + ENGAGEMENT_DAYS);
    if (typeof eligibility !== 'number') return eligibility;
    const initiated = initiation(episode, eligibility);
    if (initiated === null) return counted(false, {});
    const inWindow = (day: number) => day > initiated && day <= initiated + ENGAGEMENT_DAYS;
    const services = episode.attendedDates.map(dayNumber).filter(inWindow);
    // At most one medication event: a patient collecting tablets twice has not engaged twice.
    const dispense = episode.fills.map((fill) => dayNumber(fill.on)).find(inWindow);
    const events = [...services, ...(dispense === undefined ? [] : [dispense])].sort((a, b) => a - b);
    const second = events.length >= 2 ? events[1] : null;
    return counted(second !== null, {
      startDate: isoDate(initiated),
      eventDate: second === null ? null : isoDate(second),
      days: second === null ? null : second - initiated,
    });
  },
};

const pod: MeasureDefinition = {
  id: 'pod',
  name: 'POD (OUD pharmacotherapy continuity)',
  definition:
    'OUD episodes of patients aged 16 or more (at admission) with an OUD medication dispense (buprenorphine, ' +
    'methadone, naltrexone): those whose coverage from the first dispense (overlapping fills shifted forward) ' +
    'runs 180 days or more with no gap of 8 days or more',
  columns: {
    startDate: 'First OUD medication dispense',
    eventDate: 'Last day of continuous coverage (gaps of 7 days or fewer bridged)',
    days: 'Days from the first dispense to that day, both counted',
  },
  evaluate(episode) {
    const fills = episode.fills.filter((fill) => OUD_MEDICATIONS.includes(fill.medication));
    if (!episode.oud || !fills.length) return outside;
    if (episode.age < POD_MIN_AGE) return excluded(`under ${POD_MIN_AGE} at admission`);
    const first = dayNumber(fills[0].on);
    if (!dataReaches(episode, first + POD_DAYS - 1)) {
      return excluded(`first dispense fewer than ${POD_DAYS} days before the data's end`);
    }
    const end = continuousCoverageEnd(shiftedCoverage(fills)) as number;
    return counted(end - first + 1 >= POD_DAYS, {
      startDate: fills[0].on,
      eventDate: isoDate(end),
      days: end - first + 1,
    });
  },
};

const pdc: MeasureDefinition = {
  id: 'pdc-mat',
  name: 'PDC for MAT (adherent at 0.80 or more)',
  definition:
    'Episodes with a medication dispense: adherent when the days covered (overlapping fills shifted forward) ' +
    'are 0.80 or more of the days from the first dispense to the discharge date or, while active, the data end',
  columns: {
    startDate: 'First dispense',
    eventDate: 'End of the period: discharge date, or the data end while active',
    days: 'Days covered in the period',
  },
  evaluate(episode) {
    if (!episode.fills.length) return outside;
    const first = dayNumber(episode.fills[0].on);
    const last = dayNumber(episode.lastDay);
    if (last < first) return excluded("first dispense after the episode's last day");
    const covered = daysCovered(shiftedCoverage(episode.fills), first, last);
    const periodDays = last - first + 1;
    // Compared in integers, so that exactly 0.80 is adherent despite binary fractions.
    return counted(covered * PDC_ADHERENT.denominator >= periodDays * PDC_ADHERENT.numerator, {
      startDate: episode.fills[0].on,
      eventDate: episode.lastDay,
      days: covered,
      proportion: covered / periodDays,
    });
  },
};

function followUp(id: QualityMeasureId, withinDays: number): MeasureDefinition {
  return {
    id,
    name: `Follow-up within ${withinDays} days of residential or inpatient discharge`,
    definition:
      'Episodes referred from residential or inpatient care: those whose first attended service on or after ' +
      `that stay's discharge date (episodes.prior_discharge_date) is at most ${withinDays} days after it`,
    columns: {
      startDate: 'Discharge date of the referring residential or inpatient stay',
      eventDate: 'First attended service on or after it',
      days: 'Days from that discharge to the service',
    },
    evaluate(episode) {
      if (!FOLLOW_UP_SOURCES.includes(episode.referralSource)) return outside;
      if (!episode.priorDischargeDate) return excluded('no discharge date of the referring stay');
      const discharge = dayNumber(episode.priorDischargeDate);
      if (!dataReaches(episode, discharge + withinDays)) {
        return excluded(`discharged fewer than ${withinDays + 1} days before the data's end`);
      }
      const first = firstAttendedFrom(episode, discharge);
      return counted(first !== null && first - discharge <= withinDays, {
        startDate: episode.priorDischargeDate,
        eventDate: first === null ? null : isoDate(first),
        days: first === null ? null : first - discharge,
      });
    },
  };
}

export const QUALITY_MEASURES: readonly MeasureDefinition[] = [
  ietInitiation,
  ietEngagement,
  pod,
  pdc,
  followUp('fui-7', 7),
  followUp('fui-30', 30),
];
