import type { RetentionResponse } from '@iop/contracts';
import { REASON_COMPLEMENT, REASON_SMALL, withheld } from '../../suppression/small-cells';
import { formatCountCell, formatSuppressed, rateCells, winAnsi } from './report-format';
import { atRiskOn, overallCurve } from './sections/retention-overall';

describe('report number formats', () => {
  it('writes a rate with its interval and numerator of denominator, marking one that rests on a small cell', () => {
    expect(rateCells({ numerator: 4512, denominator: 5640, rate: 0.8, ci95: [0.789, 0.81] })).toEqual({
      value: '80.0%',
      interval: '95% CI 78.9%–81.0%',
      n: '4,512 of 5,640',
      marked: false,
    });
    // 35 of 40: the 5 who did not is a small cell.
    expect(rateCells({ numerator: 35, denominator: 40, rate: 0.875, ci95: [0.739, 0.945] }).value).toBe('87.5%†');
    expect(rateCells({ numerator: 0, denominator: 0, rate: null, ci95: null })).toEqual({
      value: 'not defined',
      interval: '',
      n: '0 of 0',
      marked: false,
    });
  });

  it('prints a withheld value as "fewer than 11" with the key of the service\'s reason', () => {
    expect(formatSuppressed(withheld(REASON_SMALL))).toBe('fewer than 11 (a)');
    expect(formatSuppressed(withheld(REASON_COMPLEMENT))).toBe('fewer than 11 (b)');
    expect(formatSuppressed(withheld('another reason'))).toBe('fewer than 11 (another reason)');
    expect(rateCells(withheld(REASON_SMALL)).value).toBe('fewer than 11 (a)');
    expect([0, 7, 10, 11, 1500].map(formatCountCell)).toEqual(['0', '7†', '10†', '11', '1,500']);
  });

  it("spells characters outside WinAnsi (the standard fonts' encoding) in ASCII", () => {
    expect(winAnsi('score ≥ 0.80, age ≤ 17, −3 – 4 †')).toBe('score >= 0.80, age <= 17, -3 – 4 †');
  });
});

describe('the overall retention curve', () => {
  // Two programs: A has times 10 (event), 20 (censored); B has 10 (event), 30 (event). Pooled: 4 at risk at 10
  // with 2 events -> S = 1/2; 20 censored; at 30 one at risk, one event -> S = 0.
  const step = (time: number, atRisk: number, events: number, censored: number, survival: number) => ({
    time,
    atRisk,
    events,
    censored,
    survival,
    stdErr: null,
    lower: null,
    upper: null,
  });
  const curve = (key: string, steps: ReturnType<typeof step>[]) => ({
    key,
    label: key,
    episodes: 2,
    events: 0,
    censored: 0,
    median: { estimate: null, lower: null, upper: null },
    atReference: null,
    steps,
  });
  const response: RetentionResponse = {
    asOf: '2025-06-30',
    groupBy: 'program',
    population: '',
    timeOriginDay: 0,
    referenceDays: 90,
    confType: 'log-log',
    confidence: 0.95,
    tercileCutPoints: null,
    curves: [
      curve('A', [step(10, 2, 1, 0, 0.5), step(20, 1, 0, 1, 0.5)]),
      curve('B', [step(10, 2, 1, 0, 0.5), step(30, 1, 1, 0, 0)]),
    ],
    logRank: null,
  };

  it("pools the programs' episodes into one Kaplan-Meier curve", () => {
    const overall = overallCurve(response);
    expect(overall).not.toBeNull();
    expect(overall?.steps.map((s) => [s.time, s.atRisk, s.events, s.censored, s.survival])).toEqual([
      [10, 4, 2, 0, 0.5],
      [20, 2, 0, 1, 0.5],
      [30, 1, 1, 0, 0],
    ]);
    expect([overall?.episodes, overall?.events, overall?.censored]).toEqual([4, 3, 1]);
    // Not observed up to day 90.
    expect(overall?.atReference).toBeNull();
    expect(overall && [0, 10, 11, 30, 31].map((day) => atRiskOn(overall, day))).toEqual([4, 4, 2, 1, 0]);
    expect(overallCurve({ ...response, curves: [] })).toBeNull();
  });
});
