import type { Payer, UserRole } from './domain';

/** POST /api/v1/auth/login body. */
export interface LoginRequest {
  email: string;
  password: string;
}

/** The signed-in user as the dashboard shows them. */
export interface SessionUser {
  id: number;
  email: string;
  displayName: string;
  role: UserRole;
  /** The payer a payer user represents; null for other roles. */
  payer: Payer | null;
  /** A director's programs; empty for other roles (they are not scoped by program). */
  programIds: number[];
}

/**
 * POST /api/v1/auth/login and /auth/refresh: a short-lived access token (also set as the httpOnly cookie
 * `iop_access`) and the user. The refresh token travels only as the httpOnly cookie `iop_refresh`.
 */
export interface SessionResponse {
  accessToken: string;
  /** Seconds until the access token expires (900). */
  expiresIn: number;
  user: SessionUser;
}

export const AUTH_PATHS = {
  login: '/api/v1/auth/login',
  refresh: '/api/v1/auth/refresh',
  logout: '/api/v1/auth/logout',
  me: '/api/v1/auth/me',
} as const;
