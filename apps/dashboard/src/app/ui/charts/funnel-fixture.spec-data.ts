import type { FunnelLimitPoint, FunnelResponse, FunnelUnit } from '@iop/contracts';

/**
 * A small funnel as the API answers it (libs/contracts/src/lib/funnel.ts), around a network rate of 80%. The limits
 * are the normal approximation p0 ± z·sqrt(p0(1 - p0)/n) (z = 1.96, 3.09) rounded to 3 places and clamped to 0-1: the chart draws what
 * it is given, so they need only be consistent with the positions. In key order (the API's): one counselor below
 * the 99.8% limits, one within, one above them, one above the 95% limit only; and one withheld.
 */
function limitsAt(n: number): FunnelLimitPoint {
  const sd = Math.sqrt((0.8 * 0.2) / n);
  const at = (z: number) => Math.min(1, Math.round((0.8 + z * sd) * 1000) / 1000);
  return { n, lower95: at(-1.96), upper95: at(1.96), lower998: at(-3.09), upper998: at(3.09) };
}

function unit(
  key: string,
  label: string,
  numerator: number,
  denominator: number,
  at95: FunnelUnit['at95'],
  at998: FunnelUnit['at998'],
): FunnelUnit {
  return {
    key,
    label,
    numerator,
    denominator,
    rate: numerator / denominator,
    limits: limitsAt(denominator),
    at95,
    at998,
  };
}

export const FUNNEL: FunnelResponse = {
  asOf: '2026-06-30',
  metric: 'attendanceRate',
  by: 'counselor',
  network: { numerator: 800, denominator: 1000, rate: 0.8, ci95: [0.774, 0.824] },
  method: 'exact-binomial',
  units: [
    unit('2', 'Counselor Jo Lee', 30, 50, 'below', 'below'),
    unit('4', 'Counselor Sam Ortiz', 160, 200, 'within', 'within'),
    unit('5', 'Counselor Alex Brown', 380, 400, 'above', 'above'),
    unit('6', 'Counselor Kim Park', 88, 100, 'above', 'within'),
  ],
  withheld: [{ key: '9', label: 'Counselor Ray Cole', value: { suppressed: true, reason: 'fewer than 11' } }],
  curve: [25, 50, 100, 200, 400, 440].map(limitsAt),
};
