import {
  atRiskAt,
  bandPath,
  type KmStep,
  lastTime,
  linearScale,
  stepPath,
  timeMarks,
  timeTicks,
  valueAt,
} from './km-geometry';

const STEPS: KmStep[] = [
  { time: 10, atRisk: 100, survival: 0.9, lower: 0.8, upper: 0.95 },
  { time: 30, atRisk: 70, survival: 0.6, lower: 0.5, upper: 0.7 },
];
// x: one pixel per day; y: 100% at 0 px, 0% at 100 px.
const x = linearScale([0, 100], [0, 100]);
const y = linearScale([0, 1], [100, 0]);

describe('km geometry', () => {
  it('reads S(t) and its band off the step function, 1 before the first step', () => {
    expect(valueAt(STEPS, 0)).toEqual({ survival: 1, lower: null, upper: null });
    expect(valueAt(STEPS, 10)).toEqual({ survival: 0.9, lower: 0.8, upper: 0.95 });
    expect(valueAt(STEPS, 29)).toEqual({ survival: 0.9, lower: 0.8, upper: 0.95 });
    expect(valueAt(STEPS, 400)).toEqual({ survival: 0.6, lower: 0.5, upper: 0.7 });
  });

  it('counts those at risk at t as the at-risk count of the first step at or after t', () => {
    expect(atRiskAt(STEPS, 0)).toBe(100);
    expect(atRiskAt(STEPS, 10)).toBe(100);
    expect(atRiskAt(STEPS, 11)).toBe(70);
    expect(atRiskAt(STEPS, 31)).toBe(0);
  });

  it('draws the curve as steps from 100% at time 0', () => {
    expect(stepPath(STEPS, x, y)).toBe('M0,0H10V10H30V40');
  });

  it('draws the band along the upper bound and back along the lower one', () => {
    expect(bandPath(STEPS, x, y)).toBe('M0,0H10V5H30V30V50V20H10V0H0Z');
    expect(bandPath([], x, y)).toBe('');
  });

  it('collapses an undefined band onto the curve', () => {
    const flat: KmStep[] = [{ time: 5, atRisk: 10, survival: 1, lower: null, upper: null }];
    expect(bandPath(flat, x, y)).toBe('M0,0H5V0V0V0H0Z');
  });

  it('spaces time ticks in months or their multiples so that labels do not crowd', () => {
    expect(timeTicks(100, 600)).toEqual({ step: 30, max: 120, ticks: [0, 30, 60, 90, 120] });
    expect(timeTicks(365, 300)).toEqual({ step: 90, max: 450, ticks: [0, 90, 180, 270, 360, 450] });
    expect(timeTicks(0, 600).max).toBe(30);
  });

  it('lists 30-day marks and finds the last time over all curves', () => {
    expect(timeMarks(95)).toEqual([0, 30, 60, 90]);
    expect(lastTime([{ steps: STEPS }, { steps: [] }])).toBe(30);
  });
});
