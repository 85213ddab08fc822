import {
  type AttendanceHeatmapResponse,
  DAY_PARTS,
  type DayPart,
  isSuppressed,
  WEEKDAYS,
  type Weekday,
} from '@iop/contracts';
import type { FrameTable } from '../../ui/charts/frame-table';
import { ciText, denominatorOf, rateCells, rateOf, rateText } from './rate-display';

export const WEEKDAY_LABELS: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

export const DAY_PART_LABELS: Record<DayPart, string> = {
  morning: 'Morning (before 12:00)',
  afternoon: 'Afternoon (12:00–16:59)',
  evening: 'Evening (from 17:00)',
};

export const DAY_PART_SHORT_LABELS: Record<DayPart, string> = {
  morning: 'Morning',
  afternoon: 'Afternoon',
  evening: 'Evening',
};

export interface HeatmapCellDisplay {
  weekday: Weekday;
  dayPart: DayPart;
  /** Null when there is nothing to colour: withheld, or no appointment in the cell. */
  rate: number | null;
  /** What the cell prints: "78.3%", "fewer than 11" or "—". */
  text: string;
  /** Longer words for the cell's tooltip and accessible name. */
  description: string;
}

export interface HeatmapRowDisplay {
  weekday: Weekday;
  label: string;
  cells: HeatmapCellDisplay[];
}

export interface HeatmapDisplay {
  rows: HeatmapRowDisplay[];
  /** Lowest and highest rate drawn, the ends of the colour scale; null when no cell has a rate. */
  domain: readonly [number, number] | null;
  /** Appointments in the overall rate's denominator; null when withheld. */
  n: number | null;
  table: FrameTable;
}

export const HEATMAP_COLUMNS = [
  { key: 'weekday', header: 'Weekday' },
  { key: 'dayPart', header: 'Part of day' },
  { key: 'rate', header: 'Attendance rate', format: 'rate' },
  { key: 'ciLow', header: '95% CI low', format: 'rate' },
  { key: 'ciHigh', header: '95% CI high', format: 'rate' },
  { key: 'appointments', header: 'Appointments (denominator)', format: 'count' },
] as const;

/**
 * Weekdays as rows and parts of the day as columns (not the other way round) so that the grid is three
 * columns wide and still fits a phone with the rate printed in every cell.
 */
export function toHeatmapDisplay(response: AttendanceHeatmapResponse): HeatmapDisplay {
  const cellOf = (weekday: Weekday, dayPart: DayPart) =>
    response.cells.find((cell) => cell.weekday === weekday && cell.dayPart === dayPart);
  const rows = WEEKDAYS.map((weekday) => ({
    weekday,
    label: WEEKDAY_LABELS[weekday],
    cells: DAY_PARTS.map((dayPart): HeatmapCellDisplay => {
      const value = cellOf(weekday, dayPart)?.attendanceRate;
      const denominator = denominatorOf(value);
      const text = rateText(value);
      const where = `${WEEKDAY_LABELS[weekday]} ${DAY_PART_SHORT_LABELS[dayPart].toLowerCase()}`;
      const description =
        denominator === 0
          ? `${where}: no appointments`
          : [`${where}: ${text}`, ciText(value), denominator === null ? '' : `n = ${denominator}`]
              .filter(Boolean)
              .join(', ');
      return { weekday, dayPart, rate: rateOf(value), text: denominator === 0 ? '—' : text, description };
    }),
  }));
  const rates = rows.flatMap((row) => row.cells.map((cell) => cell.rate)).filter((rate) => rate !== null);
  const table: FrameTable = {
    columns: HEATMAP_COLUMNS,
    rows: rows.flatMap((row) =>
      row.cells.map((cell) => {
        const value = cellOf(row.weekday, cell.dayPart)?.attendanceRate;
        const [rate, ciLow, ciHigh] = rateCells(value);
        return {
          weekday: row.label,
          dayPart: DAY_PART_SHORT_LABELS[cell.dayPart],
          rate,
          ciLow,
          ciHigh,
          appointments: isSuppressed(value) ? null : denominatorOf(value),
        };
      }),
    ),
  };
  return {
    rows,
    domain: rates.length > 0 ? [Math.min(...rates), Math.max(...rates)] : null,
    n: denominatorOf(response.overall),
    table,
  };
}

/** The heatmap is empty when the overall rate rests on no appointment (a withheld rate is not empty). */
export function isHeatmapEmpty(response: AttendanceHeatmapResponse): boolean {
  return denominatorOf(response.overall) === 0;
}

/**
 * One hue, light to dark (ColorBrewer "Blues"): order is read from lightness alone, which survives every
 * kind of colour blindness and greyscale printing; a darker cell is a higher attendance rate.
 */
export const HEAT_SCALE: readonly string[] = [
  '#deebf7',
  '#c6dbef',
  '#9ecae1',
  '#6baed6',
  '#4292c6',
  '#2171b5',
  '#08519c',
  '#08306b',
];

/** The fill of a rate on a scale spanning `domain`, and the text colour (black or white) that reads on it best. */
export function heatColor(rate: number, domain: readonly [number, number]): { fill: string; text: string } {
  const [low, high] = domain;
  const position = high > low ? (rate - low) / (high - low) : 0.5;
  const index = Math.round(Math.min(1, Math.max(0, position)) * (HEAT_SCALE.length - 1));
  const fill = HEAT_SCALE[index];
  return { fill, text: contrastRatio(fill, '#000000') >= contrastRatio(fill, '#ffffff') ? '#000000' : '#ffffff' };
}

/** WCAG 2 contrast ratio of two "#rrggbb" colours. */
export function contrastRatio(first: string, second: string): number {
  const [lighter, darker] = [relativeLuminance(first), relativeLuminance(second)].sort((a, b) => b - a);
  return (lighter + 0.05) / (darker + 0.05);
}

function relativeLuminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
