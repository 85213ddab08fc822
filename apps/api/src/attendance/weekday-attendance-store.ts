import { DAY_PARTS, type DayPart, type EpisodeFilters } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import type { AccessScope } from '../access/access-scope';
import { type EpisodeAtRevision, EpisodeRevisionStore, grown } from '../episodes/episode-revision-store';
import { EpisodeRevisionsQuery } from '../episodes/episode-revisions.query';
import {
  type EpisodeWeekdayAttendance,
  WEEKDAY_CELLS,
  WeekdayAttendanceQuery,
  weekdayCellOf,
} from './weekday-attendance.query';

export interface HeatmapRow {
  /** ISO weekday, 1 = Monday. */
  isoWeekday: number;
  dayPart: DayPart;
  attended: number;
  counted: number;
}

const MAX_CELL = 0xffff;

/**
 * Every episode's attended and counted appointments per local weekday and part of the day
 * (episode_weekday_attendance), kept between requests (EpisodeRevisionStore) as 2 x 21 counts of 2 bytes per
 * episode (10 MB for the large network). The heatmap sums the selected episodes' cells here: at the large preset it
 * joined the table's rows for every new data version (about 300 ms for the whole network).
 */
@Injectable()
export class WeekdayAttendanceStore extends EpisodeRevisionStore<EpisodeWeekdayAttendance> {
  /** Per slot, WEEKDAY_CELLS pairs of attended and counted. */
  private counts = new Uint16Array(0);

  constructor(
    revisionsQuery: EpisodeRevisionsQuery,
    private readonly weekdayQuery: WeekdayAttendanceQuery,
  ) {
    super(revisionsQuery);
  }

  /** The selected episodes' appointments per weekday and part of the day, cells with any counted appointment. */
  async heatmap(scope: AccessScope, filters: EpisodeFilters): Promise<HeatmapRow[]> {
    const slots = await this.selectSlots(scope, filters);
    const totals = new Float64Array(WEEKDAY_CELLS * 2);
    for (const slot of slots) {
      const first = slot * WEEKDAY_CELLS * 2;
      for (let cell = 0; cell < WEEKDAY_CELLS * 2; cell++) totals[cell] += this.counts[first + cell];
    }
    return Array.from({ length: 7 }, (_, day) => day + 1).flatMap((isoWeekday) =>
      DAY_PARTS.flatMap((dayPart, part) => {
        const cell = weekdayCellOf(isoWeekday, part) * 2;
        const counted = totals[cell + 1];
        return counted > 0 ? [{ isoWeekday, dayPart, attended: totals[cell], counted }] : [];
      }),
    );
  }

  protected read(episodeIds: readonly number[]): Promise<EpisodeAtRevision<EpisodeWeekdayAttendance>[]> {
    return this.weekdayQuery.byIds(episodeIds);
  }

  protected reserve(capacity: number): void {
    this.counts = grown(this.counts, capacity * WEEKDAY_CELLS * 2);
  }

  protected write(slot: number, triples: EpisodeWeekdayAttendance): void {
    const first = slot * WEEKDAY_CELLS * 2;
    this.counts.fill(0, first, first + WEEKDAY_CELLS * 2);
    for (let triple = 0; triple < triples.length; triple += 3) {
      const [cell, attended, counted] = [triples[triple], triples[triple + 1], triples[triple + 2]];
      if (counted > MAX_CELL) {
        throw new RangeError(`an episode has ${counted} appointments in one weekday cell; the store holds ${MAX_CELL}`);
      }
      this.counts[first + cell * 2] = attended;
      this.counts[first + cell * 2 + 1] = counted;
    }
  }
}
