import { TZDate, tz } from '@date-fns/tz';
import { addDays, eachDayOfInterval, format, getDay, parseISO } from 'date-fns';

const utc = tz('UTC');

/** Minutes after local midnight: 18:00 is 1080. */
export type MinuteOfDay = number;

/**
 * The calendar days of a generated data set, numbered from its first day. The model counts in days
 * ("day 28 of the episode"); this table turns a day number into its date, weekday and local timestamps
 * with date-fns, once per distinct day (5M appointment timestamps built one by one with TZDate would
 * dominate the run time, and with this table every one of them still comes from @date-fns/tz).
 */
export class DayCalendar {
  readonly firstDate: string;
  readonly dayCount: number;
  private readonly dates: string[];
  private readonly weekdays: Uint8Array;
  private readonly indexByDate = new Map<string, number>();
  private readonly timestamps = new Map<number, string>();
  private readonly timeZones: string[] = [];

  constructor(firstDate: string, lastDate: string) {
    const days = eachDayOfInterval(
      { start: parseISO(firstDate, { in: utc }), end: parseISO(lastDate, { in: utc }) },
      { in: utc },
    );
    this.firstDate = firstDate;
    this.dayCount = days.length;
    this.dates = days.map((day) => format(day, 'yyyy-MM-dd'));
    this.weekdays = Uint8Array.from(days, (day) => getDay(day));
    this.dates.forEach((date, index) => this.indexByDate.set(date, index));
  }

  /** The ISO date (yyyy-MM-dd) of a day number. */
  date(day: number): string {
    const date = this.dates[day];
    if (date === undefined) throw new RangeError(`day ${day} is outside the calendar (0-${this.dayCount - 1})`);
    return date;
  }

  /** The day number of an ISO date. */
  dayOf(date: string): number {
    const day = this.indexByDate.get(date);
    if (day === undefined) throw new RangeError(`${date} is outside the calendar starting ${this.firstDate}`);
    return day;
  }

  /** 0 = Sunday ... 6 = Saturday. */
  weekday(day: number): number {
    return this.weekdays[day];
  }

  isWeekend(day: number): boolean {
    const weekday = this.weekdays[day];
    return weekday === 0 || weekday === 6;
  }

  /** The first day on or after `day` that is a weekday (programs admit Monday to Friday). */
  nextWeekday(day: number): number {
    let candidate = day;
    while (candidate < this.dayCount - 1 && this.isWeekend(candidate)) candidate++;
    return candidate;
  }

  /** The year of a day number. */
  year(day: number): number {
    return Number(this.date(day).slice(0, 4));
  }

  /** An ISO timestamp with the zone's offset that day, e.g. 2026-03-09T18:00:00.000-04:00. */
  timestamp(timeZone: string, day: number, minuteOfDay: MinuteOfDay): string {
    const key = (this.timeZoneIndex(timeZone) * this.dayCount + day) * 1440 + minuteOfDay;
    let value = this.timestamps.get(key);
    if (value === undefined) {
      const [year, month, dayOfMonth] = this.date(day).split('-').map(Number);
      const local = new TZDate(
        year,
        month - 1,
        dayOfMonth,
        Math.floor(minuteOfDay / 60),
        minuteOfDay % 60,
        0,
        timeZone,
      );
      value = local.toISOString();
      this.timestamps.set(key, value);
    }
    return value;
  }

  /** The ISO date `days` after an ISO date (used for the window's bounds, not per row). */
  static addDaysToDate(date: string, days: number): string {
    return format(addDays(parseISO(date, { in: utc }), days, { in: utc }), 'yyyy-MM-dd');
  }

  private timeZoneIndex(timeZone: string): number {
    let index = this.timeZones.indexOf(timeZone);
    if (index < 0) {
      this.timeZones.push(timeZone);
      index = this.timeZones.length - 1;
    }
    return index;
  }
}
