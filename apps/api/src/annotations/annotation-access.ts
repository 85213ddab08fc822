import type { SessionUser } from '@iop/contracts';

type Caller = Pick<SessionUser, 'role' | 'programIds'>;

/**
 * Which notes a caller reads (docs/SECURITY.md "Roles"): the network-wide ones, and those of the programs in their
 * scope. Payers have no program scope (theirs is a payer's episodes, across programs), so they read the
 * network-wide notes only; quality and admin read every program's. null: every program.
 */
export function readablePrograms(user: Caller): number[] | null {
  switch (user.role) {
    case 'director':
      return user.programIds;
    case 'payer':
      return [];
    case 'quality':
    case 'admin':
      return null;
  }
}

/**
 * Whether a caller may write (create, change or delete) a note on `programId` (null: network-wide). Writing
 * follows the program scope: a director their programs' notes only, since a network-wide note shows on every
 * program's charts and to payers; quality and admin, whose scope is every program, any note; payers none.
 */
export function mayWrite(user: Caller, programId: number | null): boolean {
  switch (user.role) {
    case 'director':
      return programId !== null && user.programIds.includes(programId);
    case 'payer':
      return false;
    case 'quality':
    case 'admin':
      return true;
  }
}

export const NETWORK_NOTE_REFUSAL =
  'A network-wide note shows on every program’s charts: only quality and admin users write one';
export const programRefusal = (programId: number) => `Program ${programId} is not one of your programs`;
