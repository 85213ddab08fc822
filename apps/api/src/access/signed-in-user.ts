import type { SessionUser } from '@iop/contracts';
import type { AccessScope } from './access-scope';
import { UNRESTRICTED_SCOPE } from './access-scope';

/** The caller of a request, as the access guard found them: the user the API shows, and their session. */
export interface SignedInUser extends SessionUser {
  sessionId: string;
}

/**
 * What a role may see (docs/ARCHITECTURE.md "Access scope"): a director their programs, a payer the episodes
 * of their payer, quality and admin every episode. Every query class narrows by this and nothing else. Only
 * payers get small cells suppressed; directors, quality and admin see exact counts.
 */
export function scopeOf(user: Pick<SessionUser, 'role' | 'programIds' | 'payer'>): AccessScope {
  switch (user.role) {
    case 'director':
      return { programIds: user.programIds, payer: null, smallCells: 'exact' };
    case 'payer':
      // Payers get aggregates only, with small cells suppressed (docs/ARCHITECTURE.md "Suppression").
      return { programIds: null, payer: user.payer, smallCells: 'suppress' };
    case 'quality':
    case 'admin':
      return UNRESTRICTED_SCOPE;
  }
}
