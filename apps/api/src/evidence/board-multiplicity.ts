import type { EvidenceClaim } from '@iop/contracts';
import { adjustPValues } from '@iop/stats';

/** METRICS.md: the false discovery rate the board's "associated" verdicts are held to. */
export const FALSE_DISCOVERY_RATE = 0.05;

/**
 * The board's claims with the Benjamini-Hochberg (1995) q of each adjusted p, over the claims in `claims` that
 * have one, and the verdict "associated" kept only where q < FALSE_DISCOVERY_RATE (otherwise: no clear
 * association). Ten claims without an effect, tested at 95% each, would show a chance finding on 40% of
 * boards (1 - 0.95^10); BH keeps the expected share of false findings among the "associated" ones at 5%. A claim without an adjusted p (claim 6,
 * or a model that could not be fitted) has q null and keeps its verdict.
 */
export function withFalseDiscoveryControl(claims: readonly EvidenceClaim[]): EvidenceClaim[] {
  const tested = claims.filter((claim) => claim.adjusted.p !== null);
  const qValues = adjustPValues(
    tested.map((claim) => claim.adjusted.p as number),
    'BH',
  );
  const qOf = new Map(tested.map((claim, index): [number, number] => [claim.id, qValues[index]]));
  return claims.map((claim) => {
    const q = qOf.get(claim.id) ?? null;
    const chance = claim.verdict === 'associated' && q !== null && !(q < FALSE_DISCOVERY_RATE);
    return { ...claim, adjusted: { ...claim.adjusted, q }, verdict: chance ? 'no_clear_association' : claim.verdict };
  });
}
