import { type Benchmark, DEFAULT_BENCHMARKS, type ProgramTarget } from '@iop/contracts';

/** The seeded benchmarks as GET /api/v1/benchmarks returns them for a new organisation. */
export const SEEDED_BENCHMARKS: Benchmark[] = DEFAULT_BENCHMARKS.map((value, index) => ({
  ...value,
  id: index + 1,
  updatedBy: null,
  updatedAt: '2025-01-01T00:00:00.000Z',
}));

/** A director's targets for program 3: completion at least 40%, readmission at most 8%. */
export const PROGRAM_3_TARGETS: ProgramTarget[] = [
  {
    programId: 3,
    metric: 'completionRate',
    value: 0.4,
    direction: 'higher',
    setBy: 'director@test.local',
    setAt: '2025-02-01T00:00:00.000Z',
  },
  {
    programId: 3,
    metric: 'readmitted30',
    value: 0.08,
    direction: 'lower',
    setBy: 'director@test.local',
    setAt: '2025-02-01T00:00:00.000Z',
  },
];
