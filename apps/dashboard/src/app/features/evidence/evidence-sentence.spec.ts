import { evidenceSentence } from './evidence-sentence';
import { CONTACT_CLAIM, FAMILY_CLAIM, MAT_CLAIM } from './testing/evidence-fixtures';

describe('evidenceSentence', () => {
  it('reads an associated difference (slope) with its interval, adjustment and the caution', () => {
    expect(
      evidenceSentence({
        n: CONTACT_CLAIM.n,
        verdict: 'associated',
        effect: CONTACT_CLAIM.adjusted,
        adjusted: true,
        exposure: CONTACT_CLAIM.exposure,
        outcome: CONTACT_CLAIM.outcome,
      }),
    ).toBe(
      'Among 1,500 episodes, after adjusting for case mix, the least-squares slope of the compliance score per ' +
        'scheduled contact hour per week is 0.0126 (95% CI 0.011 to 0.0142), an interval that excludes 0: the data ' +
        'shows a positive association between scheduled contact hours per week in the first 28 days and compliance ' +
        'score. This is an association, not proof of cause.',
    );
  });

  it('says why an interval that excludes no effect is not an association when q is 0.05 or more', () => {
    expect(
      evidenceSentence({
        n: 412,
        verdict: 'no_clear_association',
        effect: {
          measure: 'adjusted least-squares slope of the attendance rate per unit of evening/weekend share',
          estimate: -0.0334,
          ci95: [-0.065, -0.0019],
          p: 0.0381,
        },
        adjusted: true,
        q: 0.0572,
        exposure: 'share of scheduled sessions in evening (from 17:00) or weekend slots',
        outcome: 'attendance rate of the episode',
      }),
    ).toBe(
      'Among 412 episodes, after adjusting for case mix, the least-squares slope of the attendance rate per unit ' +
        'of evening/weekend share is -0.0334 (95% CI -0.065 to -0.0019), an interval that excludes 0, but with ' +
        'several claims tested its false discovery rate adjusted q = 0.057 is not below 0.05: a result like this ' +
        'can be chance, so the data shows no clear association between share of scheduled sessions in evening and ' +
        'attendance rate of the episode.',
    );
  });

  it('reads an associated ratio against 1', () => {
    expect(
      evidenceSentence({
        n: 810,
        verdict: 'associated',
        effect: FAMILY_CLAIM.adjusted,
        adjusted: true,
        exposure: FAMILY_CLAIM.exposure,
        outcome: FAMILY_CLAIM.outcome,
      }),
    ).toBe(
      'Among 810 episodes, after adjusting for case mix, the odds ratio of completion, any family session vs none ' +
        'is 1.69 (95% CI 1.24 to 2.3), an interval that excludes 1: the data shows an association (ratio above 1) ' +
        'between any family therapy session attended in the first 28 days vs none and completion. This is an ' +
        'association, not proof of cause.',
    );
  });

  it('says "no clear association" when the interval includes no effect', () => {
    const sentence = evidenceSentence({
      n: 476,
      verdict: 'no_clear_association',
      effect: MAT_CLAIM.adjusted,
      adjusted: true,
      exposure: MAT_CLAIM.exposure,
      outcome: MAT_CLAIM.outcome,
    });
    expect(sentence).toBe(
      'Among 476 episodes, after adjusting for case mix, the hazard ratio of disengagement, MAT vs none is 0.719 ' +
        '(95% CI 0.498 to 1.04). The interval includes 1, so the data shows no clear association between MAT and ' +
        'retention: time to disengagement. That is not proof that there is no effect either.',
    );
  });

  it('says there is not enough data when the model gave no estimate', () => {
    expect(
      evidenceSentence({
        n: 12,
        verdict: 'not_enough_data',
        effect: { measure: 'hazard ratio', estimate: null, ci95: null, p: null },
        adjusted: true,
        exposure: 'MAT',
        outcome: 'retention',
      }),
    ).toBe(
      'Among 12 episodes, there is not enough data to test whether MAT is associated with retention: a comparison ' +
        'group has fewer than 30 episodes or the model could not be fitted.',
    );
  });

  it('leaves out the adjustment clause for an unadjusted headline (the cost card)', () => {
    expect(
      evidenceSentence({
        n: 1380,
        verdict: 'associated',
        effect: {
          measure: 'savings per episode (USD): inpatient rate x length of stay minus IOP charges',
          estimate: 12500,
          ci95: [12000, 13000],
          p: 0.001,
        },
        adjusted: false,
        exposure: 'level of care 2.1 (IOP) vs 1',
        outcome: 'cost per completer',
      }),
    ).toBe(
      'Among 1,380 episodes, the savings per episode (USD): inpatient rate x length of stay minus IOP charges is ' +
        '$12,500 (95% CI $12,000 to $13,000), an interval that excludes 0: the data shows a positive association ' +
        'between level of care 2.1 and cost per completer. This is an association, not proof of cause.',
    );
  });
});
