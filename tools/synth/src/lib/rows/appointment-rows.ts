import type { AppointmentStatus, Payer, SessionType } from '@iop/contracts';
import type { GeneratorContext } from '../model/context';
import { ATTENDED, CANCELLED_BY_PATIENT, CANCELLED_BY_PROGRAM, NO_SHOW, type EpisodeCourse } from '../model/episode';
import { ORGANIZATION_ID, SOURCE_SYSTEM, type TableRows } from './tables';

const STATUS_BY_CODE: Record<number, AppointmentStatus> = {
  [ATTENDED]: 'attended',
  [NO_SHOW]: 'no_show',
  [CANCELLED_BY_PATIENT]: 'cancelled_patient',
  [CANCELLED_BY_PROGRAM]: 'cancelled_program',
};

/**
 * Prices per attended service in cents of the ground truth's dollar year. HCPCS: H0015 IOP per diem,
 * H0005 group counselling, H0004 individual counselling, H0006 case management, H0020 methadone
 * administration, H0033 oral medication administration; CPT 90847 family psychotherapy. Set so that IOP
 * costs about the DATCAP $462 per client-week and standard outpatient about $121 (METRICS.md), used at
 * face value (not inflated); the IOP prices scale with the ground truth's planted weekly cost.
 */
const PRICE_CENTS = {
  iopGroupDay: { code: 'H0015', cents: 11_300 },
  outpatientGroup: { code: 'H0005', cents: 7_800 },
  individual: { code: 'H0004', cents: 10_500 },
  family: { code: '90847', cents: 11_000 },
  caseManagement: { code: 'H0006', cents: 3_800 },
  methadone: { code: 'H0020', cents: 3_000 },
  medication: { code: 'H0033', cents: 5_500 },
} as const;
const DATCAP_IOP_WEEK_USD = 462;

/** Payers pay different rates for the same service (commercial plans above Medicaid). */
const PAYER_RATE: Readonly<Record<Payer, number>> = {
  medicaid: 0.92,
  medicare: 0.96,
  commercial: 1.14,
  self_pay: 0.85,
  other: 1,
};

/** Appointment rows (up to the as-of date plus those booked ahead) and a charge per attended appointment. */
export function addAppointmentRows(context: GeneratorContext, course: EpisodeCourse, rows: TableRows): void {
  const { intake, slots, attendance } = course;
  const episodeId = intake.id;
  const timeZone = intake.program.timeZone;
  const iop = intake.program.levelOfCare === '2.1';
  const iopScale = context.effects.iopChargesPerClientWeekUsd / DATCAP_IOP_WEEK_USD;
  const payerRate = PAYER_RATE[intake.payer];
  let chargeNumber = 0;
  for (let index = 0; index < slots.length; index++) {
    const slot = slots[index];
    if (slot.day > course.lastScheduledDay) break;
    const calendarDay = intake.admitDay + slot.day;
    const code = attendance[index];
    const future = slot.day > course.asOfDay;
    const status: AppointmentStatus = future && code !== CANCELLED_BY_PROGRAM ? 'scheduled' : STATUS_BY_CODE[code];
    rows.appointments.push([
      ORGANIZATION_ID,
      episodeId,
      slot.type,
      context.calendar.timestamp(timeZone, calendarDay, slot.minute),
      slot.durationMin,
      slot.telehealth ? 'telehealth' : 'in_person',
      status,
      slot.staffId,
      SOURCE_SYSTEM,
      `e${episodeId}-a${index + 1}`,
    ]);
    if (status !== 'attended') continue;
    const price = priceOf(slot.type, iop, intake.mat);
    const scale = iop ? iopScale : 1;
    chargeNumber++;
    rows.charges.push([
      ORGANIZATION_ID,
      episodeId,
      context.calendar.date(calendarDay),
      price.code,
      Math.round(price.cents * scale * payerRate),
      intake.payer,
      SOURCE_SYSTEM,
      `e${episodeId}-c${chargeNumber}`,
    ]);
  }
}

function priceOf(
  type: SessionType,
  iop: boolean,
  mat: EpisodeCourse['intake']['mat'],
): { code: string; cents: number } {
  switch (type) {
    case 'group':
      return iop ? PRICE_CENTS.iopGroupDay : PRICE_CENTS.outpatientGroup;
    case 'individual':
      return PRICE_CENTS.individual;
    case 'family':
      return PRICE_CENTS.family;
    case 'case_management':
      return PRICE_CENTS.caseManagement;
    case 'mat':
      return mat === 'methadone' ? PRICE_CENTS.methadone : PRICE_CENTS.medication;
  }
}
