import { DayCalendar } from '../calendar/day-calendar';
import {
  effectSizes,
  type EffectSizes,
  type GroundTruth,
  type PresetSize,
  type SeverityEffects,
} from '../ground-truth';
import { CourseModel } from './course';
import { generateNetwork, type Network } from './network';

/** Days of referral and prior-discharge history kept before the first admission of the window. */
const HISTORY_DAYS = 90;
/** Active episodes carry the appointments already booked for the two weeks after the as-of date. */
export const BOOKED_AHEAD_DAYS = 14;
/** Medication for OUD may continue after discharge with the same prescriber, up to this many days from the start. */
export const CONTINUING_MEDICATION_DAYS = 180;

/** Everything the generation of one patient needs besides its own random stream. */
export interface GeneratorContext {
  seed: number;
  truth: GroundTruth;
  effects: EffectSizes;
  severity: { distribution: Record<'1' | '2' | '3', number>; effects: SeverityEffects };
  course: CourseModel;
  network: Network;
  calendar: DayCalendar;
  /** Calendar day of the as-of date, the data's end. */
  asOfDay: number;
  /** Calendar day of the first possible admission. */
  windowStartDay: number;
}

export function createContext(truth: GroundTruth, seed: number, size: PresetSize): GeneratorContext {
  const firstDate = DayCalendar.addDaysToDate(truth.asOf, -(truth.windowDays + HISTORY_DAYS));
  // Goals of active episodes may fall due up to 8 weeks after the as-of date.
  const lastDate = DayCalendar.addDaysToDate(truth.asOf, 90);
  const calendar = new DayCalendar(firstDate, lastDate);
  const asOfDay = calendar.dayOf(truth.asOf);
  const effects = effectSizes(truth);
  return {
    seed,
    truth,
    effects,
    severity: { distribution: truth.confounder.distribution, effects: truth.confounder.effects },
    course: new CourseModel(effects, truth.confounder.effects),
    network: generateNetwork(seed, size),
    calendar,
    asOfDay,
    windowStartDay: asOfDay - truth.windowDays + 1,
  };
}
