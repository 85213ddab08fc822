/** A linear map from a data interval onto a pixel interval. */
export interface LinearScale {
  (value: number): number;
  domain: readonly [number, number];
}

export function linearScale(domain: readonly [number, number], range: readonly [number, number]): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  const scale = ((value: number) => r0 + ((value - d0) / span) * (r1 - r0)) as LinearScale;
  scale.domain = domain;
  return scale;
}

/** Round tick values (1, 2, 5 times a power of ten) covering [min, max], about `count` of them. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) {
    const pad = Math.abs(min) * 0.1 || 1;
    return niceTicks(min - pad, max + pad, count);
  }
  const raw = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= raw) ?? 10 * power;
  const first = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let value = first; value <= max + step * 1e-9; value += step) {
    // Rounded to the step's precision, so that 0.30000000000000004 prints as 0.3.
    ticks.push(Number(value.toFixed(Math.max(0, -Math.floor(Math.log10(step))))));
  }
  if (ticks[ticks.length - 1] < max) ticks.push(Number((ticks[ticks.length - 1] + step).toFixed(10)));
  return ticks;
}

/** The extent of the values with the ticks' round ends, so that the axis starts and ends on a tick. */
export function niceDomain(
  values: readonly number[],
  includeZero = false,
): { domain: [number, number]; ticks: number[] } {
  const finite = values.filter(Number.isFinite);
  const pool = includeZero ? [...finite, 0] : finite;
  if (pool.length === 0) return { domain: [0, 1], ticks: [0, 0.5, 1] };
  const ticks = niceTicks(Math.min(...pool), Math.max(...pool));
  return { domain: [ticks[0], ticks[ticks.length - 1]], ticks };
}

/** Text width estimate for layout (no DOM measuring, so layout is the same in tests and exports). */
export function approximateTextWidth(text: string, fontSize = 12): number {
  return text.length * fontSize * 0.58;
}
