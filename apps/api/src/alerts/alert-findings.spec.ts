import { alertMetricRange, EPISODE_METRICS, type FunnelResponse } from '@iop/contracts';
import { METRIC_CATALOGUE } from '@iop/contracts/metric-catalogue';
import { crossesThreshold, funnelFigure, findingMessage } from './alert-findings';

const unit = (key: string, at998: 'above' | 'within' | 'below') => ({
  key,
  label: `Program ${key}`,
  numerator: 30,
  denominator: 100,
  rate: 0.3,
  limits: { n: 100, lower95: 0.41, upper95: 0.59, lower998: 0.35, upper998: 0.65 },
  at95: at998,
  at998,
});

const FUNNEL: FunnelResponse = {
  asOf: '2025-06-30',
  metric: 'completionRate',
  by: 'program',
  network: { numerator: 500, denominator: 1000, rate: 0.5, ci95: [0.469, 0.531] },
  method: 'exact-binomial',
  units: [unit('1', 'below'), unit('2', 'within')],
  withheld: [{ key: '3', label: 'Program 3', value: { suppressed: true, reason: 'small cell' } }],
  curve: [],
};

describe('alert findings', () => {
  it('takes a threshold strictly: a figure equal to it does not fire', () => {
    const figure = { value: 0.5, ci95: null, n: 2 };
    expect(crossesThreshold({ comparison: 'below', threshold: 0.5 }, figure)).toBe(false);
    expect(crossesThreshold({ comparison: 'above', threshold: 0.5 }, figure)).toBe(false);
    expect(crossesThreshold({ comparison: 'below', threshold: 0.50001 }, figure)).toBe(true);
    expect(crossesThreshold({ comparison: 'above', threshold: 0.49999 }, figure)).toBe(true);
  });

  it('finds a funnel unit outside the 99.8% limits, and none within them or withheld', () => {
    // Wilson 95% interval of 30/100 by hand, z = 1.959964: centre (0.3 + z²/200) / (1 + z²/100) = 0.3073987,
    // half-width z·sqrt(0.3·0.7/100 + z²/40000) / (1 + z²/100) = 0.0884498.
    const figure = funnelFigure(FUNNEL, '1');
    expect(figure).toMatchObject({ value: 0.3, n: 100, limits998: [0.35, 0.65] });
    expect(figure?.ci95?.[0]).toBeCloseTo(0.2189489, 6);
    expect(figure?.ci95?.[1]).toBeCloseTo(0.3958485, 6);
    expect(funnelFigure(FUNNEL, '2')).toBeNull();
    expect(funnelFigure(FUNNEL, '3')).toBeNull();
    expect(funnelFigure(FUNNEL, '4')).toBeNull();
  });

  it('says a funnel finding with the limits it fell outside', () => {
    const rule = {
      metric: 'completionRate' as const,
      scope: 'program' as const,
      programId: 1,
      payer: null,
      kind: 'funnel' as const,
      comparison: null,
      threshold: null,
      enabled: true,
    };
    const figure = funnelFigure(FUNNEL, '1');
    if (!figure) throw new Error('expected a finding');
    expect(findingMessage(rule, 'Program 1', figure)).toBe(
      "Completion rate for Program 1 is 30.0% (95% CI 21.9%–39.6%, n = 100), below the funnel's 99.8% limits " +
        '(35.0%–65.0%): more than chance explains.',
    );
  });

  it("knows each metric's range from the catalogue's unit: proportions and the 0-1 score, or any number from 0", () => {
    for (const metric of EPISODE_METRICS) {
      const unitOf = METRIC_CATALOGUE[metric].unit;
      expect([metric, alertMetricRange(metric)]).toEqual([
        metric,
        unitOf === 'proportion' || unitOf === 'score 0–1' ? 'proportion' : 'non-negative',
      ]);
    }
  });
});
