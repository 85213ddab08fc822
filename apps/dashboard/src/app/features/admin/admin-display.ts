import {
  type AdminUser,
  type CreateUserRequest,
  PAYER_LABELS,
  type Payer,
  type UpdateUserRequest,
  type UserRole,
} from '@iop/contracts';
import { requestFailureOf } from '../../data-access/api/request-failure';

export const ROLE_LABELS: Readonly<Record<UserRole, string>> = {
  director: 'Director',
  payer: 'Payer',
  quality: 'Quality',
  admin: 'Admin',
};

/** What the user form holds; `password` is empty when an edit keeps the password. */
export interface UserFormValue {
  email: string;
  displayName: string;
  role: UserRole;
  payer: Payer | null;
  programIds: number[];
  password: string;
  disabled: boolean;
  unlock: boolean;
}

/** The API's own words for a refused change (they name the field), or a plain fallback. */
export function adminProblem(error: unknown): string {
  const failure = requestFailureOf(error);
  if (!failure) return 'Saving failed; try again in a moment.';
  if (failure.message !== null) return failure.message;
  if (failure.status === 0) return 'The server cannot be reached; check the connection and try again.';
  return `The API answered ${failure.status}.`;
}

/** The create request: a payer only for payers, programs only for directors. */
export function toCreateRequest(value: UserFormValue): CreateUserRequest {
  return {
    email: value.email.trim(),
    displayName: value.displayName.trim(),
    role: value.role,
    ...(value.role === 'payer' ? { payer: value.payer } : {}),
    ...(value.role === 'director' ? { programIds: value.programIds } : {}),
    password: value.password,
  };
}

const sortedIds = (ids: readonly number[]) => [...ids].sort((a, b) => a - b).join(',');
const sameIds = (a: readonly number[], b: readonly number[]) => sortedIds(a) === sortedIds(b);

/** Only what differs from `user` (the API changes just the fields sent, and audits each). */
export function toUpdateRequest(user: AdminUser, value: UserFormValue): UpdateUserRequest {
  const request: UpdateUserRequest = {};
  if (value.displayName.trim() !== user.displayName) request.displayName = value.displayName.trim();
  if (value.role !== user.role) request.role = value.role;
  if (value.role === 'payer' && (value.payer !== user.payer || value.role !== user.role)) request.payer = value.payer;
  if (value.role === 'director' && !sameIds(value.programIds, user.programIds)) request.programIds = value.programIds;
  if (value.disabled !== user.disabled) request.disabled = value.disabled;
  if (value.unlock) request.unlock = true;
  if (value.password) request.password = value.password;
  return request;
}

/** "Medicaid" for a payer user, the program names of a director, "All programs" for the others. */
export function scopeLabel(user: AdminUser, programNames: ReadonlyMap<number, string>): string {
  if (user.role === 'payer') return user.payer ? PAYER_LABELS[user.payer] : '—';
  if (user.role === 'director') {
    return user.programIds.length
      ? user.programIds.map((id) => programNames.get(id) ?? `Program ${id}`).join(', ')
      : 'No programs';
  }
  return 'All programs';
}

export function statusLabel(user: AdminUser, now = new Date()): string {
  if (user.disabled) return 'Disabled';
  if (user.lockedUntil && new Date(user.lockedUntil) > now) return 'Locked';
  return 'Active';
}
