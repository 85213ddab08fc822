import type { EvidenceEffect, EvidenceVerdict } from '@iop/contracts';
import { formatCount } from '../../ui/formats/number-format';
import {
  effectKindOf,
  formatEffectNumber,
  formatQValue,
  measureName,
  noEffectOf,
  shortPhrase,
} from './evidence-format';

/** What the plain-language summary of a card is generated from. */
export interface SentenceInput {
  n: number;
  verdict: EvidenceVerdict;
  /** The effect the verdict rests on. */
  effect: EvidenceEffect;
  /** Whether that effect is adjusted for case mix. */
  adjusted: boolean;
  /** The Benjamini-Hochberg q of that effect's p over the claims tested, when it has one. */
  q?: number | null;
  exposure: string;
  outcome: string;
}

const CAUTION = 'This is an association, not proof of cause.';

function interval(effect: EvidenceEffect): string {
  const kind = effectKindOf(effect.measure);
  return effect.ci95
    ? ` (95% CI ${formatEffectNumber(effect.ci95[0], kind)} to ${formatEffectNumber(effect.ci95[1], kind)})`
    : '';
}

/** "an association (ratio above 1)" for ratios, "a positive association" for differences. */
function association(estimate: number, ratio: boolean): string {
  if (ratio) return `an association (ratio ${estimate > 1 ? 'above' : 'below'} 1)`;
  return `a ${estimate > 0 ? 'positive' : 'negative'} association`;
}

/**
 * One plain sentence (or two) saying what the numbers show, in the wording docs/METRICS.md asks for: "associated
 * with", never causal. Ratios and differences are read against their own no-effect value (1 or 0).
 */
export function evidenceSentence(input: SentenceInput): string {
  const { effect } = input;
  const exposure = shortPhrase(input.exposure);
  const outcome = shortPhrase(input.outcome);
  const among = `Among ${formatCount(input.n)} episodes`;
  if (input.verdict === 'not_enough_data' || effect.estimate === null) {
    return (
      `${among}, there is not enough data to test whether ${exposure} is associated with ${outcome}: ` +
      'a comparison group has fewer than 30 episodes or the model could not be fitted.'
    );
  }
  const kind = effectKindOf(effect.measure);
  const ratio = kind === 'ratio';
  const noEffect = noEffectOf(kind);
  const adjustment = input.adjusted ? ', after adjusting for case mix' : '';
  const value = `${formatEffectNumber(effect.estimate, kind)}${interval(effect)}`;
  const measured = `${among}${adjustment}, the ${measureName(effect)} is ${value}`;
  if (input.verdict === 'associated') {
    return (
      `${measured}, an interval that excludes ${noEffect}: the data shows ` +
      `${association(effect.estimate, ratio)} between ${exposure} and ${outcome}. ${CAUTION}`
    );
  }
  const [low, high] = effect.ci95 ?? [noEffect, noEffect];
  const q = input.q ?? null;
  if ((low > noEffect || high < noEffect) && q !== null) {
    // The interval alone would say "associated"; the false discovery rate over the claims tested does not.
    return (
      `${measured}, an interval that excludes ${noEffect}, but with several claims tested its false discovery ` +
      `rate adjusted ${formatQValue(q)} is not below 0.05: a result like this can be chance, so the data ` +
      `shows no clear association between ${exposure} and ${outcome}.`
    );
  }
  return (
    `${measured}. The interval includes ${noEffect}, so the data shows no clear association between ` +
    `${exposure} and ${outcome}. That is not proof that there is no effect either.`
  );
}
