import {
  type AttendanceHeatmapResponse,
  type BreakdownResponse,
  type ComplianceResponse,
  DAY_PARTS,
  type HoursHistogramResponse,
  type NoShowsResponse,
  type RateValue,
  type SessionTypeOutcomes,
  WEEKDAYS,
} from '@iop/contracts';

/** Small, realistic API answers for the attendance page's tests (shapes of libs/contracts/src/lib/attendance.ts). */
export function rate(numerator: number, denominator: number, ci95: [number, number] | null = null): RateValue {
  return {
    numerator,
    denominator,
    rate: denominator === 0 ? null : numerator / denominator,
    ci95: denominator === 0 ? null : (ci95 ?? [numerator / denominator - 0.02, numerator / denominator + 0.02]),
  };
}

export const HEATMAP: AttendanceHeatmapResponse = {
  asOf: '2026-06-30',
  cells: WEEKDAYS.flatMap((weekday, dayIndex) =>
    DAY_PARTS.map((dayPart, partIndex) => {
      if (weekday === 'sun' && dayPart === 'evening') return { weekday, dayPart, attendanceRate: rate(0, 0) };
      if (weekday === 'sat' && dayPart === 'evening') {
        return { weekday, dayPart, attendanceRate: { suppressed: true as const, reason: 'fewer than 11' } };
      }
      return { weekday, dayPart, attendanceRate: rate(600 + dayIndex * 20 + partIndex * 10, 800) };
    }),
  ),
  overall: rate(12_900, 16_000, [0.8, 0.812]),
};

export const COMPLIANCE: ComplianceResponse = {
  asOf: '2026-06-30',
  threshold: 0.8,
  score: { mean: 0.7559 },
  compliant: rate(683, 1500, [0.4303, 0.4806]),
  components: [
    { key: 'sessionAdherence', label: 'Session adherence', mean: 0.7527, meeting: rate(682, 1500, [0.4296, 0.4799]) },
    { key: 'screenAdherence', label: 'Screen adherence', mean: 0.7569, meeting: rate(790, 1500, [0.5014, 0.5518]) },
    {
      key: 'goalAttainment',
      label: 'Goal attainment',
      mean: null,
      meeting: { suppressed: true, reason: 'fewer than 11' },
    },
  ],
};

export const HOURS: HoursHistogramResponse = {
  asOf: '2026-06-30',
  n: 200,
  bins: [
    ...Array.from({ length: 20 }, (_, lower) => ({
      lower,
      upper: lower + 1,
      label: `${lower}-${lower + 1}`,
      episodes: lower === 9 ? 40 : 8,
    })),
    { lower: 20, upper: null, label: '20+', episodes: 8 },
  ],
  floor: { adults: 9, under18: 6 },
  under18Episodes: 12,
  meetsIntensity: rate(128, 200, [0.5709, 0.7046]),
};

function outcomes(key: string, label: string, counts: [number, number, number, number, number]): SessionTypeOutcomes {
  const appointments = counts.reduce((sum, count) => sum + count, 0);
  const [attended, noShow, cancelledPatient, cancelledProgram, scheduled] = counts;
  const denominator = attended + noShow + cancelledPatient;
  return {
    key,
    label,
    appointments,
    shares: {
      attended: rate(attended, appointments),
      no_show: rate(noShow, appointments),
      cancelled_patient: rate(cancelledPatient, appointments),
      cancelled_program: rate(cancelledProgram, appointments),
      scheduled: rate(scheduled, appointments),
    },
    noShowRate: rate(noShow, denominator, [0.1152, 0.1221]),
    patientCancellationRate: rate(cancelledPatient, denominator),
  };
}

export const NO_SHOWS: NoShowsResponse = {
  asOf: '2026-06-30',
  sessionTypes: [
    outcomes('group', 'Group', [700, 120, 80, 100, 0]),
    outcomes('individual', 'Individual', [400, 40, 40, 20, 0]),
  ],
  total: outcomes('all', 'All session types', [1100, 160, 120, 120, 0]),
};

export function counselorBreakdown(metric: 'attendanceRate' | 'compliant'): BreakdownResponse {
  return {
    asOf: '2026-06-30',
    metric,
    by: 'counselor',
    groups: [
      { key: '1', label: 'Counselor Taylor Tanaka', value: rate(51, 94, [0.4422, 0.6396]), n: 94 },
      { key: '7', label: 'Counselor Morgan Walsh', value: rate(61, 103, [0.4957, 0.6837]), n: 103 },
      { key: '3', label: 'Counselor Avery Ibarra', value: { suppressed: true, reason: 'fewer than 11' }, n: 9 },
    ],
  };
}
