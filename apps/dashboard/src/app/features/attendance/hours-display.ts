import type { HoursBin, HoursHistogramResponse } from '@iop/contracts';
import type { FrameTable } from '../../ui/charts/frame-table';
import { SERIES_COLORS } from '../../ui/charts/chart-panel';
import { formatCount } from '../../ui/formats/number-format';
import type { HeadlineFigureValue } from '../../ui/cards/headline-figure';
import { rateKpi } from './rate-display';

/** Bins at or above the adult floor in the first series colour, bins wholly below it in the contrasting second. */
export const AT_OR_ABOVE_FLOOR_COLOR = SERIES_COLORS[0];
export const BELOW_FLOOR_COLOR = SERIES_COLORS[1];

export interface HoursDisplay {
  chart: { name: string; value: number }[];
  /** ngx-charts' per-bar colours: the highlight of the bins below the floor. */
  customColors: { name: string; value: string }[];
  adultFloor: number;
  under18Floor: number;
  under18Episodes: number;
  n: number;
  meetsIntensity: HeadlineFigureValue;
  table: FrameTable;
}

export const HOURS_COLUMNS = [
  { key: 'hours', header: 'Attended hours per week' },
  { key: 'episodes', header: 'Episodes', format: 'count' },
  { key: 'share', header: 'Share of episodes', format: 'rate' },
  { key: 'belowAdultFloor', header: 'Below adult floor' },
] as const;

/** A bin lies below the floor when all of it does; the open 20+ bin never does. */
export function isBelowFloor(bin: HoursBin, floor: number): boolean {
  return bin.upper !== null && bin.upper <= floor;
}

export function toHoursDisplay(response: HoursHistogramResponse): HoursDisplay {
  const adultFloor = response.floor.adults;
  return {
    chart: response.bins.map((bin) => ({ name: bin.label, value: bin.episodes })),
    customColors: response.bins.map((bin) => ({
      name: bin.label,
      value: isBelowFloor(bin, adultFloor) ? BELOW_FLOOR_COLOR : AT_OR_ABOVE_FLOOR_COLOR,
    })),
    adultFloor,
    under18Floor: response.floor.under18,
    under18Episodes: response.under18Episodes,
    n: response.n,
    meetsIntensity: rateKpi(response.meetsIntensity, 'episodes'),
    table: {
      columns: HOURS_COLUMNS,
      rows: response.bins.map((bin) => ({
        hours: bin.label,
        episodes: bin.episodes,
        share: response.n > 0 ? bin.episodes / response.n : null,
        belowAdultFloor: isBelowFloor(bin, adultFloor) ? 'Yes' : 'No',
      })),
    },
  };
}

/** "9 hours for adults, 6 for the 42 episodes under 18". */
export function floorText(display: HoursDisplay): string {
  const young = display.under18Episodes;
  return young > 0
    ? `${display.adultFloor} hours for adults, ${display.under18Floor} for the ${formatCount(young)} episodes under 18`
    : `${display.adultFloor} hours`;
}

export function isHoursEmpty(response: HoursHistogramResponse): boolean {
  return response.n === 0;
}
