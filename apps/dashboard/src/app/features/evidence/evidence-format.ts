import type {
  EvidenceAdjustedEffect,
  EvidenceClaim,
  EvidenceEffect,
  EvidenceVerdict,
  RateValue,
  SuppressedValue,
} from '@iop/contracts';
import { formatEffectEstimate, formatPercentWithInterval, formatPValue, isSuppressed } from '@iop/contracts';
import { formatCount, formatCurrency, WITHHELD_TEXT } from '../../ui/formats/number-format';

/** How an effect reads: a ratio has no effect at 1, a difference (slope, risk difference, dollars) at 0. */
export type EffectKind = 'ratio' | 'difference' | 'currency';

export function effectKindOf(measure: string): EffectKind {
  if (/\bUSD\b/.test(measure)) return 'currency';
  return /\b(hazard|odds|risk) ratio\b/.test(measure) ? 'ratio' : 'difference';
}

/** The value meaning "no effect" for the kind: 1 for ratios, 0 otherwise. */
export function noEffectOf(kind: EffectKind): number {
  return kind === 'ratio' ? 1 : 0;
}

/** 0.012345 -> "0.0123"; -1234.5 dollars -> "−$1,235". */
export function formatEffectNumber(value: number, kind: EffectKind): string {
  return kind === 'currency' ? formatCurrency(value) : formatEffectEstimate(value);
}

/** "0.0123 (95% CI 0.011 to 0.0136), p < 0.001", or "not estimated" when the model gave no estimate. */
export function formatEffect(effect: EvidenceEffect): string {
  if (effect.estimate === null) return 'not estimated';
  const kind = effectKindOf(effect.measure);
  const parts = [formatEffectNumber(effect.estimate, kind)];
  if (effect.ci95) {
    parts.push(` (95% CI ${formatEffectNumber(effect.ci95[0], kind)} to ${formatEffectNumber(effect.ci95[1], kind)})`);
  }
  if (effect.p !== null) parts.push(`, ${formatPValue(effect.p)}`);
  return parts.join('');
}

/** "q = 0.057", "q < 0.001": a Benjamini-Hochberg q reads like a p. */
export function formatQValue(q: number): string {
  return formatPValue(q).replace(/^p/, 'q');
}

/**
 * "p = 0.038, q = 0.057" for the adjusted effect: the raw p and its Benjamini-Hochberg q over the claims tested
 * (the verdict "associated" needs q < 0.05); a claim without an adjusted p says why there is none.
 */
export function multiplicityText(adjusted: EvidenceAdjustedEffect): string {
  if (adjusted.p === null) return 'no adjusted test (no p or q)';
  return adjusted.q === null ? formatPValue(adjusted.p) : `${formatPValue(adjusted.p)}, ${formatQValue(adjusted.q)}`;
}

/** The API prefixes the adjusted measure with "adjusted "; the card says so in its own label. */
export function measureName(effect: EvidenceEffect): string {
  return effect.measure.replace(/^adjusted /, '');
}

export const VERDICT_LABELS: Record<EvidenceVerdict, string> = {
  associated: 'Associated',
  no_clear_association: 'No clear association',
  not_enough_data: 'Not enough data',
};

/** "78.3% (95% CI 76.1%–80.4%)", or "fewer than 11" for a withheld rate. */
export function formatRate(value: RateValue | SuppressedValue): string {
  if (isSuppressed(value)) return WITHHELD_TEXT;
  if (value.rate === null) return 'no episodes';
  return formatPercentWithInterval(value.rate, value.ci95?.[0] ?? null, value.ci95?.[1] ?? null);
}

/** "n = 1,234 episodes". */
export function formatN(n: number, unit = 'episodes'): string {
  return `n = ${formatCount(n)} ${unit}`;
}

/**
 * The effect a card's verdict rests on: the adjusted one, except for the cost card, whose verdict comes
 * from the comparison with inpatient care (docs/METRICS.md, claim 6).
 */
export function headlineEffectOf(claim: EvidenceClaim): { effect: EvidenceEffect; adjusted: boolean } {
  if (claim.chart.type === 'cost_bars') {
    return { effect: claim.chart.inpatientComparison.savingsPerEpisode, adjusted: false };
  }
  return { effect: claim.adjusted, adjusted: claim.adjusted.covariates.length > 0 };
}

/** The first clause of a long API phrase: "hours per week in the first 28 days (days 0 ..)" -> without the aside. */
export function shortPhrase(text: string): string {
  return text
    .replace(/\s*\(.*$/, '')
    .replace(/;.*$/, '')
    .trim();
}
