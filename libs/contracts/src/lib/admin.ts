import type { SessionUser } from './auth';
import type { Payer, UserRole } from './domain';

/** Initial and reset passwords an admin sets: at least this long. */
export const ADMIN_PASSWORD_MIN_LENGTH = 12;

/** An account as the admin page lists it. Never carries the password hash. */
export interface AdminUser extends SessionUser {
  disabled: boolean;
  /** ISO timestamp until which failed sign-ins lock the account; null when it is not locked. */
  lockedUntil: string | null;
  createdAt: string;
}

/** GET /api/v1/admin/users. */
export interface AdminUserList {
  users: AdminUser[];
}

/** POST /api/v1/admin/users body. `payer` is required for the payer role and refused for the others. */
export interface CreateUserRequest {
  email: string;
  displayName: string;
  role: UserRole;
  payer?: Payer | null;
  /** Only for directors. */
  programIds?: number[];
  /** At least ADMIN_PASSWORD_MIN_LENGTH characters. */
  password: string;
}

/** PATCH /api/v1/admin/users/:id body: only the fields present change. */
export interface UpdateUserRequest {
  displayName?: string;
  role?: UserRole;
  payer?: Payer | null;
  programIds?: number[];
  disabled?: boolean;
  /** true clears a lock left by failed sign-ins. */
  unlock?: boolean;
  /** A new password (at least ADMIN_PASSWORD_MIN_LENGTH characters). */
  password?: string;
}

export const AUDIT_OUTCOMES = ['ok', 'denied', 'failed'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export const AUDIT_PAGE_SIZE_DEFAULT = 50;
export const AUDIT_PAGE_SIZE_MAX = 500;

/** The audit log's filters (GET /api/v1/admin/audit-events and its .csv). */
export interface AuditEventQuery {
  /** Earliest day, inclusive (YYYY-MM-DD, UTC). */
  from?: string;
  /** Latest day, inclusive (YYYY-MM-DD, UTC). */
  to?: string;
  /** An action ("login") or an action prefix ("admin" matches "admin.user.create"). */
  action?: string;
  /** Part of the e-mail, in any case. */
  email?: string;
  outcome?: AuditOutcome;
  limit?: number;
  offset?: number;
}

/** One line of the audit log. */
export interface AuditEvent {
  id: number;
  /** ISO timestamp. */
  at: string;
  userId: number | null;
  email: string | null;
  role: UserRole | null;
  action: string;
  resource: string | null;
  filters: Record<string, unknown> | null;
  rowCount: number | null;
  ip: string | null;
  outcome: AuditOutcome;
  details: Record<string, unknown> | null;
}

/** GET /api/v1/admin/audit-events: one page, newest first, and how many match in all. */
export interface AuditEventPage {
  events: AuditEvent[];
  total: number;
  limit: number;
  offset: number;
}

/** The CSV columns of the audit export, in order. */
export const AUDIT_CSV_COLUMNS = [
  'id',
  'at',
  'userId',
  'email',
  'role',
  'action',
  'resource',
  'filters',
  'rowCount',
  'ip',
  'outcome',
  'details',
] as const satisfies ReadonlyArray<keyof AuditEvent>;

export const ADMIN_PATHS = {
  users: '/api/v1/admin/users',
  auditEvents: '/api/v1/admin/audit-events',
  auditEventsCsv: '/api/v1/admin/audit-events.csv',
} as const;
