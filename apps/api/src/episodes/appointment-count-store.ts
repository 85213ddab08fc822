import {
  APPOINTMENT_STATUSES,
  type AppointmentStatus,
  type EpisodeFilters,
  SESSION_TYPES,
  SLOTS,
} from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import type { AccessScope } from '../access/access-scope';
import { CELL_KEY_MODULUS, type KeyedCount } from '../suppression/cell-key';
import {
  AppointmentCountsQuery,
  CELLS_PER_EPISODE,
  cellOf,
  type EpisodeAppointmentCounts,
} from './appointment-counts.query';
import { type EpisodeAtRevision, EpisodeRevisionStore, grown } from './episode-revision-store';
import { EpisodeRevisionsQuery } from './episode-revisions.query';

/** Appointments of one employment group in one time slot: attended over attended, no-show and patient-cancelled. */
export interface SlotAttendanceCell {
  employment: 'employed_or_student' | 'other';
  slot: string;
  attended: number;
  denominator: number;
}

/** Appointment outcomes of one slot or session type, each count with its cell key's sum (suppression/cell-key.ts). */
export interface AppointmentGroupRow {
  key: string;
  attended: KeyedCount;
  no_show: KeyedCount;
  counted: KeyedCount;
}

export type AppointmentDimension = 'sessionType' | 'slot';

export type StatusCounts = Record<AppointmentStatus, number>;

export interface SessionTypeStatusRow {
  sessionType: string;
  counts: StatusCounts;
}

const [ATTENDED, NO_SHOW, CANCELLED_PATIENT] = (['attended', 'no_show', 'cancelled_patient'] as const).map((status) =>
  APPOINTMENT_STATUSES.indexOf(status),
);
/** The attendance rate's denominator: attended, no-show and patient-cancelled (docs/METRICS.md). */
const COUNTED_STATUSES = [ATTENDED, NO_SHOW, CANCELLED_PATIENT];
const MAX_CELL = 0xffff;

/**
 * Every episode's appointments per slot, session type and status (episode_appointment_counts), kept between
 * requests (EpisodeRevisionStore) as 100 counts of 2 bytes per episode (24 MB for the large network), with the
 * record key and employment group the answers need. The breakdowns by slot and session type, the no-shows and
 * claim 5's slot attendance sum the selected episodes' cells here: at the large preset they joined the 913,000
 * rows of the table on every new data version (0.5 s each for the whole network, 1.1-1.5 s for claim 5's).
 */
@Injectable()
export class AppointmentCountStore extends EpisodeRevisionStore<EpisodeAppointmentCounts> {
  private recordKeys = new Float64Array(0);
  private employedOrStudent = new Uint8Array(0);
  private counts = new Uint16Array(0);

  constructor(
    revisionsQuery: EpisodeRevisionsQuery,
    private readonly countsQuery: AppointmentCountsQuery,
  ) {
    super(revisionsQuery);
  }

  /** Claim 5's cells: per employment group and slot, those with any counted appointment. */
  async slotAttendance(scope: AccessScope, filters: EpisodeFilters): Promise<SlotAttendanceCell[]> {
    const slots = await this.selectSlots(scope, filters);
    const totals = new Float64Array(2 * SLOTS.length * 2);
    for (const episode of slots) {
      const group = this.employedOrStudent[episode] === 1 ? 0 : 1;
      for (let slot = 0; slot < SLOTS.length; slot++) {
        for (let sessionType = 0; sessionType < SESSION_TYPES.length; sessionType++) {
          const at = episode * CELLS_PER_EPISODE + cellOf(slot, sessionType, 0);
          const total = (group * SLOTS.length + slot) * 2;
          totals[total] += this.counts[at + ATTENDED];
          totals[total + 1] +=
            this.counts[at + ATTENDED] + this.counts[at + NO_SHOW] + this.counts[at + CANCELLED_PATIENT];
        }
      }
    }
    return (['employed_or_student', 'other'] as const).flatMap((employment, group) =>
      SLOTS.flatMap((slot, index) => {
        const total = (group * SLOTS.length + index) * 2;
        return totals[total + 1] > 0
          ? [{ employment, slot, attended: totals[total], denominator: totals[total + 1] }]
          : [];
      }),
    );
  }

  /**
   * Appointment outcomes by slot or session type, groups with any counted appointment, sorted by key; each
   * count's key is the sum of the record keys of its appointments' episodes, modulo CELL_KEY_MODULUS.
   */
  async byAppointment(
    scope: AccessScope,
    filters: EpisodeFilters,
    by: AppointmentDimension,
  ): Promise<AppointmentGroupRow[]> {
    const slots = await this.selectSlots(scope, filters);
    const keys: readonly string[] = by === 'slot' ? SLOTS : SESSION_TYPES;
    const groupOf = (slot: number, sessionType: number) => (by === 'slot' ? slot : sessionType);
    const groups = keys.map(() => ({ attended: zero(), no_show: zero(), counted: zero() }));
    for (const episode of slots) {
      const recordKey = this.recordKeys[episode];
      for (let slot = 0; slot < SLOTS.length; slot++) {
        for (let sessionType = 0; sessionType < SESSION_TYPES.length; sessionType++) {
          const at = episode * CELLS_PER_EPISODE + cellOf(slot, sessionType, 0);
          const group = groups[groupOf(slot, sessionType)];
          add(group.attended, this.counts[at + ATTENDED], recordKey);
          add(group.no_show, this.counts[at + NO_SHOW], recordKey);
          for (const status of COUNTED_STATUSES) add(group.counted, this.counts[at + status], recordKey);
        }
      }
    }
    return keys
      .map((key, index) => ({ key, ...groups[index] }))
      .filter((group) => group.counted.n > 0)
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /** Appointments per session type and status, every status, session types with any appointment. */
  async statusesBySessionType(scope: AccessScope, filters: EpisodeFilters): Promise<SessionTypeStatusRow[]> {
    const slots = await this.selectSlots(scope, filters);
    const totals = new Float64Array(SESSION_TYPES.length * APPOINTMENT_STATUSES.length);
    for (const episode of slots) {
      for (let slot = 0; slot < SLOTS.length; slot++) {
        const at = episode * CELLS_PER_EPISODE + cellOf(slot, 0, 0);
        for (let cell = 0; cell < totals.length; cell++) totals[cell] += this.counts[at + cell];
      }
    }
    return SESSION_TYPES.flatMap((sessionType, index) => {
      const counts = Object.fromEntries(
        APPOINTMENT_STATUSES.map((status, s) => [status, totals[index * APPOINTMENT_STATUSES.length + s]]),
      ) as StatusCounts;
      return Object.values(counts).some((n) => n > 0) ? [{ sessionType, counts }] : [];
    });
  }

  protected read(episodeIds: readonly number[]): Promise<EpisodeAtRevision<EpisodeAppointmentCounts>[]> {
    return this.countsQuery.byIds(episodeIds);
  }

  protected reserve(capacity: number): void {
    this.recordKeys = grown(this.recordKeys, capacity);
    this.employedOrStudent = grown(this.employedOrStudent, capacity);
    this.counts = grown(this.counts, capacity * CELLS_PER_EPISODE);
  }

  protected write(slot: number, { recordKey, employedOrStudent, cells }: EpisodeAppointmentCounts): void {
    this.recordKeys[slot] = recordKey;
    this.employedOrStudent[slot] = employedOrStudent ? 1 : 0;
    const first = slot * CELLS_PER_EPISODE;
    this.counts.fill(0, first, first + CELLS_PER_EPISODE);
    for (let pair = 0; pair < cells.length; pair += 2) {
      const appointments = cells[pair + 1];
      if (appointments > MAX_CELL) {
        throw new RangeError(`an episode has ${appointments} appointments in one cell; the store holds ${MAX_CELL}`);
      }
      this.counts[first + cells[pair]] = appointments;
    }
  }
}

const zero = (): KeyedCount => ({ n: 0, key: 0 });

/** Adds `appointments` of an episode with `recordKey`, its key kept below the modulus (exact in a double). */
function add(count: KeyedCount, appointments: number, recordKey: number): void {
  if (appointments === 0) return;
  count.n += appointments;
  count.key = (count.key + recordKey * appointments) % CELL_KEY_MODULUS;
}
