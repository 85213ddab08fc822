import { formatPValue } from '@iop/contracts';
import { effectKindOf, formatEffect, formatRate, headlineEffectOf, shortPhrase } from './evidence-format';
import { CONTACT_CLAIM } from './testing/evidence-fixtures';

describe('evidence formatting', () => {
  it('tells ratios, differences and dollars apart by the measure name', () => {
    expect(effectKindOf('adjusted hazard ratio of disengagement, MAT vs none')).toBe('ratio');
    expect(effectKindOf('odds ratio of retention at 90 days per 5 WAI-SR points')).toBe('ratio');
    expect(effectKindOf('risk difference of completion, IOP minus level 1')).toBe('difference');
    expect(effectKindOf('difference of cost per completer (USD), IOP minus level 1')).toBe('currency');
  });

  it('prints an effect with three significant digits, its interval and p', () => {
    expect(formatEffect(CONTACT_CLAIM.adjusted)).toBe('0.0126 (95% CI 0.011 to 0.0142), p < 0.001');
    expect(formatEffect({ measure: 'hazard ratio', estimate: 0.71922, ci95: [0.49824, 1.03821], p: 0.0784 })).toBe(
      '0.719 (95% CI 0.498 to 1.04), p = 0.078',
    );
    expect(formatEffect({ measure: 'x', estimate: null, ci95: null, p: null })).toBe('not estimated');
    expect(formatPValue(0.34236)).toBe('p = 0.34');
  });

  it('shows a withheld rate as "fewer than 11" and a rate with its Wilson interval', () => {
    expect(formatRate({ suppressed: true, reason: 'fewer than 11' })).toBe('fewer than 11');
    expect(formatRate({ numerator: 179, denominator: 276, rate: 0.64855, ci95: [0.59054, 0.70249] })).toBe(
      '64.9% (95% CI 59.1%–70.2%)',
    );
  });

  it('takes the adjusted effect as the headline, and drops asides from long phrases', () => {
    expect(headlineEffectOf(CONTACT_CLAIM)).toEqual({ effect: CONTACT_CLAIM.adjusted, adjusted: true });
    expect(shortPhrase('MAT (any dispense) among episodes with opioid use disorder')).toBe('MAT');
  });
});
