import type { FunnelLimitPoint } from '@iop/contracts';

/**
 * Pure geometry of a funnel plot (funnel-chart.ts): the log-scaled denominator axis, the rate axis, the limit
 * curves as SVG paths, and where the units' names fit. Kept apart from the component so that it is tested with
 * plain numbers.
 */

/** A map from a data value onto a pixel position. */
export type Scale = (value: number) => number;

/**
 * A log10 map from a domain of positive values onto a pixel range. Denominators of units span one or two orders
 * of magnitude (a part-time counselor's 60 appointments, a full-time one's 2,000); on a linear axis the small
 * units, where the funnel is widest, would be squeezed against the left edge.
 */
export function logScale([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]): Scale {
  const low = Math.log10(Math.max(d0, Number.MIN_VALUE));
  const span = Math.log10(Math.max(d1, Number.MIN_VALUE)) - low || 1;
  return (value) => r0 + ((Math.log10(Math.max(value, Number.MIN_VALUE)) - low) / span) * (r1 - r0);
}

export function linearScale([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]): Scale {
  const span = d1 - d0 || 1;
  return (value) => r0 + ((value - d0) / span) * (r1 - r0);
}

/** The denominator axis: from the first to the last of the values (curve points and units), padded on a log scale. */
export function denominatorDomain(values: readonly number[]): [number, number] {
  const positive = values.filter((value) => Number.isFinite(value) && value > 0);
  if (positive.length === 0) return [1, 10];
  const low = Math.min(...positive);
  const high = Math.max(...positive);
  // A single size (one unit, no curve) gets half a decade either side so that its point is not on the edge.
  return low === high ? [low / Math.SQRT2, high * Math.SQRT2] : [low, high];
}

/** Round marks on a log axis: 1, 2 and 5 times each power of ten inside the domain, ends excluded if not round. */
export function logTicks([low, high]: readonly [number, number]): number[] {
  const ticks: number[] = [];
  for (let power = Math.floor(Math.log10(low)); power <= Math.ceil(Math.log10(high)); power++) {
    for (const multiple of [1, 2, 5]) {
      const tick = multiple * 10 ** power;
      if (tick >= low && tick <= high) ticks.push(tick);
    }
  }
  return ticks;
}

/** Whole ticks a rate axis can step by: 5, 10, 20 or 25 percentage points. */
const RATE_STEPS = [0.05, 0.1, 0.2, 0.25];

export interface RateAxis {
  domain: [number, number];
  ticks: number[];
}

/**
 * The rate axis: the smallest range on whole tenths (clamped to 0-100%) that holds every value, so that the
 * funnel fills the plot instead of hugging a 0-100% axis, with four to eight ticks.
 */
export function rateAxis(values: readonly number[]): RateAxis {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return { domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1] };
  const low = Math.max(0, Math.floor(Math.min(...finite) * 10 - 1e-9) / 10);
  const high = Math.min(1, Math.ceil(Math.max(...finite) * 10 + 1e-9) / 10);
  const [bottom, top] = high - low < 0.2 ? [Math.max(0, high - 0.2), Math.max(high, 0.2)] : [low, high];
  const step = RATE_STEPS.find((candidate) => (top - bottom) / candidate <= 8) ?? 0.25;
  const ticks: number[] = [];
  // Counted in whole steps from 0 so that 0.30000000000000004 never appears.
  for (let index = Math.max(0, Math.ceil(bottom / step - 1e-9)); index * step <= top + 1e-9; index++) {
    ticks.push(Math.round(index * step * 1000) / 1000);
  }
  return { domain: [bottom, top], ticks };
}

const round = (value: number) => Math.round(value * 10) / 10;

/** One limit (e.g. the upper 99.8%) over the curve's denominators, as a polyline. */
export function limitPath(
  curve: readonly FunnelLimitPoint[],
  limit: keyof Omit<FunnelLimitPoint, 'n'>,
  x: Scale,
  y: Scale,
): string {
  return curve
    .map((point, index) => `${index === 0 ? 'M' : 'L'}${round(x(point.n))},${round(y(point[limit]))}`)
    .join('');
}

/** A point whose name the chart would like to write beside it. */
export interface LabelCandidate {
  key: string;
  text: string;
  x: number;
  y: number;
}

export interface PlacedLabel {
  key: string;
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'end';
}

/** About the width of a character of the 12px label font; no DOM measuring, so tests and exports agree. */
const CHARACTER_WIDTH = 6.6;
const LABEL_HEIGHT = 14;
/** From a point's centre to its name: past the 7px ring of a unit outside the limits. */
const POINT_GAP = 10;
/** A point's own box, which no other point's name may cover. */
const POINT_RADIUS = 7;

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const overlap = (a: Box, b: Box) => a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;

/** Where a name may go around its point, in order of preference: level with it, then a line above or below. */
const POSITIONS: readonly { anchor: 'start' | 'end'; dy: number }[] = [
  { anchor: 'start', dy: 0 },
  { anchor: 'end', dy: 0 },
  { anchor: 'start', dy: -LABEL_HEIGHT },
  { anchor: 'start', dy: LABEL_HEIGHT },
  { anchor: 'end', dy: -LABEL_HEIGHT },
  { anchor: 'end', dy: LABEL_HEIGHT },
];

/**
 * Names beside their points, in the order given (the caller puts the units it must name first): to the right of
 * the point, else to its left, else a line above or below, wherever the name stays inside the plot and covers
 * neither a name already placed nor another point. A name with no such place is left out: its point keeps its
 * title, and the table view lists every unit.
 */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  plot: { left: number; right: number; top: number; bottom: number },
): PlacedLabel[] {
  const points = candidates.map((candidate) => ({
    key: candidate.key,
    box: {
      left: candidate.x - POINT_RADIUS,
      right: candidate.x + POINT_RADIUS,
      top: candidate.y - POINT_RADIUS,
      bottom: candidate.y + POINT_RADIUS,
    },
  }));
  const taken: Box[] = [];
  const placed: PlacedLabel[] = [];
  for (const candidate of candidates) {
    const width = candidate.text.length * CHARACTER_WIDTH;
    for (const { anchor, dy } of POSITIONS) {
      const x = anchor === 'start' ? candidate.x + POINT_GAP : candidate.x - POINT_GAP;
      const left = anchor === 'start' ? x : x - width;
      const y = candidate.y + dy;
      const box = { left, right: left + width, top: y - LABEL_HEIGHT / 2, bottom: y + LABEL_HEIGHT / 2 };
      const inside =
        box.left >= plot.left && box.right <= plot.right && box.top >= plot.top && box.bottom <= plot.bottom;
      if (!inside || taken.some((other) => overlap(box, other))) continue;
      if (points.some((point) => point.key !== candidate.key && overlap(box, point.box))) continue;
      taken.push(box);
      placed.push({ key: candidate.key, text: candidate.text, x, y, anchor });
      break;
    }
  }
  return placed;
}
