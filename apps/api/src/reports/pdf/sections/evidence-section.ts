import type { EvidenceEffect, EvidenceResponse, EvidenceVerdict } from '@iop/contracts';
import type { Content } from 'pdfmake/interfaces';
import { formatCountCell, formatEffectEstimate } from '../report-format';
import { cellFootnotes, dataTable, note, sectionHeading } from './layout';

export const VERDICT_LABELS: Record<EvidenceVerdict, string> = {
  associated: 'Associated',
  no_clear_association: 'No clear association',
  not_enough_data: 'Not enough data',
};

/** "0.0123 (95% CI 0.011 to 0.0136)", or "not estimated"; the measure names the scale. */
export function effectText(effect: EvidenceEffect): string {
  if (effect.estimate === null) return 'not estimated';
  const interval = effect.ci95
    ? ` (95% CI ${formatEffectEstimate(effect.ci95[0])} to ${formatEffectEstimate(effect.ci95[1])})`
    : '';
  return `${formatEffectEstimate(effect.estimate)}${interval}, ${effect.measure}`;
}

/**
 * The evidence board in one table: each claim, its verdict, the effect with its interval, and n. The effect is
 * the covariate-adjusted one; a claim whose method gives none (claim 6 compares costs) shows its unadjusted one.
 */
export function evidenceSection(evidence: EvidenceResponse): Content[] {
  const rows = evidence.claims.map((claim) => [
    String(claim.id),
    claim.claim,
    VERDICT_LABELS[claim.verdict],
    claim.adjusted.estimate === null && claim.unadjusted.estimate !== null
      ? `unadjusted: ${effectText(claim.unadjusted)}`
      : effectText(claim.adjusted),
    formatCountCell(claim.n),
  ]);
  return [
    sectionHeading('Evidence board'),
    dataTable(['#', 'Claim', 'Verdict', 'Effect (adjusted)', 'n'], rows, ['auto', '*', 62, 170, 'auto'], [4]),
    ...cellFootnotes(rows),
    note(
      'Associations in observational data, adjusted for the covariates each claim names; not causal effects. ' +
        "The dashboard's evidence board shows each claim's method, unadjusted effect and chart.",
    ),
  ];
}
