import {
  formatPValue,
  type EvidenceAdjustedEffect,
  type EvidenceEffect,
  type EvidenceResponse,
  type EvidenceVerdict,
} from '@iop/contracts';
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

/** "p = 0.038, q = 0.057" of the adjusted effect (q: Benjamini-Hochberg over the board), or "not tested". */
export function pqText(adjusted: EvidenceAdjustedEffect): string {
  if (adjusted.p === null) return 'not tested';
  const p = formatPValue(adjusted.p);
  return adjusted.q === null ? p : `${p}, ${formatPValue(adjusted.q).replace(/^p/, 'q')}`;
}

/**
 * The evidence board in one table: each claim, its verdict, the effect with its interval, and n. The effect is
 * the covariate-adjusted one; a claim whose method gives none (claim 6 compares costs) shows its unadjusted one.
 * Beside it, the adjusted effect's p and its Benjamini-Hochberg q, which the verdict "associated" needs below 0.05.
 */
export function evidenceSection(evidence: EvidenceResponse): Content[] {
  const rows = evidence.claims.map((claim) => [
    String(claim.id),
    claim.claim,
    VERDICT_LABELS[claim.verdict],
    claim.adjusted.estimate === null && claim.unadjusted.estimate !== null
      ? `unadjusted: ${effectText(claim.unadjusted)}`
      : effectText(claim.adjusted),
    pqText(claim.adjusted),
    formatCountCell(claim.n),
  ]);
  return [
    sectionHeading('Evidence board'),
    dataTable(
      ['#', 'Claim', 'Verdict', 'Effect (adjusted)', 'p, q', 'n'],
      rows,
      ['auto', '*', 62, 150, 56, 'auto'],
      [5],
    ),
    ...cellFootnotes(rows),
    note(
      'Associations in observational data, adjusted for the covariates each claim names; not causal effects. ' +
        "The dashboard's evidence board shows each claim's method, unadjusted effect and chart.",
    ),
    note(
      'Ten claims are tested together, so a claim is "associated" only when its adjusted 95% interval excludes no ' +
        'effect and its q is below 0.05: q is the p-value adjusted for the false discovery rate over the claims ' +
        'with an adjusted p (Benjamini & Hochberg 1995). Claim 6 has no adjusted test; its verdict rests on the ' +
        'comparison with inpatient prices.',
    ),
  ];
}
