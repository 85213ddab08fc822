import type { AlertRuleValue, SessionUser } from '@iop/contracts';

/**
 * Why the user may not have this rule (a 403 at creation, a silent skip at evaluation), or null when they may.
 * A rule sees what its owner sees: a payer only their own payer's episodes, a director only their programs, and a
 * funnel of payers only an admin (as GET /metrics/funnel?by=payer).
 */
export function ruleRefusal(
  owner: Pick<SessionUser, 'role' | 'programIds' | 'payer'>,
  rule: AlertRuleValue,
): string | null {
  if (owner.role === 'payer' && (rule.scope !== 'payer' || rule.payer !== owner.payer)) {
    return `A payer may only make rules on their own episodes: scope payer, payer ${owner.payer ?? ''}`;
  }
  if (owner.role === 'director' && rule.scope === 'program' && !owner.programIds.includes(rule.programId ?? -1)) {
    return `Program ${rule.programId ?? ''} is not one of your programs`;
  }
  if (rule.kind === 'funnel' && rule.scope === 'payer' && owner.role !== 'admin') {
    return 'A funnel of payers is for admins only';
  }
  return null;
}
